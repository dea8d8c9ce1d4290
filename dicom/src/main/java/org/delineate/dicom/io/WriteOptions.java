package org.delineate.dicom.io;

/**
 * How to write a DICOM file. Immutable; start from {@link #defaults()}.
 *
 * @param transferSyntax the transfer syntax to write, or null to keep the file's own
 * @param keepFileMeta true to keep the file's File Meta Information (with Transfer Syntax UID and
 *        group length brought up to date), false to generate it afresh from the data set
 * @param keepPreamble true to keep the file's preamble; false writes 128 zero bytes
 */
public record WriteOptions(TransferSyntax transferSyntax, boolean keepFileMeta, boolean keepPreamble) {

    /** The file's own transfer syntax, File Meta and preamble kept: a faithful rewrite. */
    public static WriteOptions defaults() {
        return new WriteOptions(null, true, true);
    }

    /** Everything generated afresh: new File Meta, zero preamble, in the given transfer syntax (null keeps it). */
    public static WriteOptions fresh(TransferSyntax transferSyntax) {
        return new WriteOptions(transferSyntax, false, false);
    }

    public WriteOptions withTransferSyntax(TransferSyntax ts) {
        return new WriteOptions(ts, keepFileMeta, keepPreamble);
    }
}
