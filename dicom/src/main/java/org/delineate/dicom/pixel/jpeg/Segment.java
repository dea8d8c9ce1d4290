package org.delineate.dicom.pixel.jpeg;

/**
 * A cursor over the parameters of one marker segment (ITU-T T.81 B.1.1.4): big-endian reads that never pass
 * the segment's length or the end of the stream. Not thread-safe.
 */
final class Segment {

    private final byte[] data;
    private final String name;
    private final int end;
    private int pos;

    /**
     * @param data the JPEG stream
     * @param marker the offset of the marker (its 0xFF) whose segment this is
     * @param name the marker's name, for messages ("DHT")
     * @throws JpegFormatException when the length field is missing, below 2 or past the end of the stream
     */
    Segment(byte[] data, int marker, String name) throws JpegFormatException {
        this.data = data;
        this.name = name;
        if (marker + 4 > data.length) {
            throw new JpegFormatException(marker, name + " marker segment without its length (the stream ends)");
        }
        int length = (data[marker + 2] & 0xFF) << 8 | (data[marker + 3] & 0xFF);
        if (length < 2 || marker + 2 + length > data.length) {
            throw new JpegFormatException(marker, name + " marker segment length " + length + ", expected 2 to "
                    + (data.length - marker - 2) + " (the bytes left in the stream)");
        }
        this.pos = marker + 4;
        this.end = marker + 2 + length;
    }

    /** The offset of the first byte after the segment. */
    int end() {
        return end;
    }

    int remaining() {
        return end - pos;
    }

    /** Fails unless {@code n} more bytes are left, naming {@code what} they should hold. */
    void require(int n, String what) throws JpegFormatException {
        if (end - pos < n) {
            throw error("segment too short for " + what + ": " + (end - pos) + " bytes left, expected " + n);
        }
    }

    int u8() throws JpegFormatException {
        require(1, "the next parameter");
        return data[pos++] & 0xFF;
    }

    int u16() throws JpegFormatException {
        require(2, "the next parameter");
        int v = (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** An error at the current position, prefixed with the marker's name. */
    JpegFormatException error(String problem) {
        return new JpegFormatException(pos, name + ": " + problem);
    }
}
