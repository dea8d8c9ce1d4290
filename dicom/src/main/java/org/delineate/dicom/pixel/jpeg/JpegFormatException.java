package org.delineate.dicom.pixel.jpeg;

import java.io.IOException;

/**
 * A JPEG stream that cannot be decoded: malformed, truncated, or of a coding process the decoder does not
 * implement. The message says what was found and what was expected, and where: the 0-based byte offset in
 * the stream and, inside entropy-coded data, the MCU.
 */
public class JpegFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param offset the 0-based byte offset in the JPEG stream, or -1 when unknown
     * @param problem what was found and what was expected
     */
    public JpegFormatException(long offset, String problem) {
        super(offset < 0 ? problem : "at byte " + offset + " of the JPEG stream: " + problem);
        this.offset = offset;
    }

    /** The 0-based byte offset in the JPEG stream where the problem was found, or -1. */
    public long offset() {
        return offset;
    }
}
