package org.delineate.dicom.pixel;

import java.util.Set;

import org.delineate.dicom.io.TransferSyntax;

/**
 * Chooses the {@link FrameDecoder} for an encapsulated transfer syntax. See {@code docs/pixel-data.md}
 * for the table of what is supported.
 */
final class FrameDecoders {

    static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    static final String ENCAPSULATED_UNCOMPRESSED = "1.2.840.10008.1.2.1.98";
    static final Set<String> JPEG = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");
    static final Set<String> JPEG_2000 = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

    private FrameDecoders() {
    }

    /**
     * The decoder for {@code ts}.
     *
     * @param source the file name, for the message
     * @throws UnsupportedTransferSyntaxException naming the UID and its name when there is none
     */
    static FrameDecoder of(TransferSyntax ts, String source) throws UnsupportedTransferSyntaxException {
        String uid = ts.uid();
        if (uid.equals(RLE_LOSSLESS)) {
            return new RleFrameDecoder();
        }
        if (JPEG.contains(uid)) {
            return new JpegFrameDecoder(ts);
        }
        if (JPEG_2000.contains(uid)) {
            return new Jpeg2000FrameDecoder(ts);
        }
        if (uid.equals(ENCAPSULATED_UNCOMPRESSED)) {
            return new UncompressedFrameDecoder();
        }
        throw new UnsupportedTransferSyntaxException(source, ts, null);
    }
}
