package org.delineate.dicom.pixel;

import java.io.IOException;

/**
 * Decodes one encoded frame of encapsulated Pixel Data. One implementation per family of transfer
 * syntaxes, chosen by {@link FrameDecoders}. Implementations are stateless and thread-safe.
 */
interface FrameDecoder {

    /**
     * Decodes the bytes of one frame (its fragments concatenated).
     *
     * @param encoded the encoded frame
     * @param d the description of the Pixel Data
     * @param frameIndex the 0-based frame index, for the result and for messages
     * @param source the file name, for messages
     * @throws org.delineate.dicom.io.DicomFormatException naming file and frame when the data is corrupt
     * @throws UnsupportedTransferSyntaxException when the frame uses a variant the decoder cannot handle
     */
    PixelFrame decode(byte[] encoded, PixelDescription d, int frameIndex, String source) throws IOException;
}
