package org.delineate.dicom.pixel;

import java.io.IOException;

import org.delineate.dicom.io.TransferSyntax;

/**
 * Pixel Data encoded in a transfer syntax, or a variant of one (such as 12-bit progressive JPEG), that Delineate
 * cannot decode. The message names the file, the Transfer Syntax UID and its registered name.
 */
public class UnsupportedTransferSyntaxException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String transferSyntaxUid;

    /**
     * @param source the file name, or a description of where the data came from
     * @param transferSyntax the transfer syntax of the Pixel Data
     * @param detail why it cannot be decoded, or null when the transfer syntax is not supported at all
     */
    public UnsupportedTransferSyntaxException(String source, TransferSyntax transferSyntax, String detail) {
        super(source + ": cannot decode Pixel Data in transfer syntax " + transferSyntax.uid() + " ("
                + transferSyntax.name() + ")" + (detail == null ? "" : ": " + detail));
        this.transferSyntaxUid = transferSyntax.uid();
    }

    /** The Transfer Syntax UID that cannot be decoded. */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
