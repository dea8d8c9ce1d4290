package org.delineate.dicom.pixel.jpeg;

/**
 * Reads the bits of entropy-coded data (ITU-T T.81 F.2.2.5), most significant first, from a byte range of a
 * JPEG stream: removes the stuffed zero byte after each 0xFF, stops at the next marker and handles the
 * restart markers RST0 to RST7 between restart intervals. Not thread-safe; one per scan.
 *
 * <p>NB: beyond a marker or the end of the stream the reader supplies zero bits so that Huffman decoding can
 * look ahead 16 bits, but consuming any of them is an error: a scan whose data ends before its last MCU is
 * truncated, never silently completed with zeros as libjpeg does.
 */
final class BitReader {

    private final byte[] data;
    private final int end;
    private int pos;
    /** Right-aligned bit buffer; only its low {@link #bits} bits matter. */
    private long buffer;
    private int bits;
    /** How many of the low bits of the buffer are zeros supplied after a marker or the end of the data. */
    private int padding;
    private boolean atMarker;
    private int mcu;

    BitReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** Sets the 0-based index of the MCU being decoded, for error messages. */
    void mcu(int index) {
        this.mcu = index;
    }

    /** The offset of the next byte not yet loaded into the bit buffer. */
    int position() {
        return pos;
    }

    /** The next 16 bits without consuming them (zeros beyond the data). */
    int peek16() {
        if (bits < 16) {
            fill();
        }
        return (int) (buffer >>> (bits - 16)) & 0xFFFF;
    }

    /** Consumes {@code n} (at most 16) bits already looked at with {@link #peek16()}. */
    void skip(int n) throws JpegFormatException {
        bits -= n;
        if (bits < padding) {
            throw truncated();
        }
    }

    /** Reads {@code n} bits (0 to 16) as an unsigned value. */
    int receive(int n) throws JpegFormatException {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            fill();
        }
        bits -= n;
        if (bits < padding) {
            throw truncated();
        }
        return (int) (buffer >>> bits) & ((1 << n) - 1);
    }

    /** Reads {@code n} bits and extends them to a signed value (T.81 F.2.2.1, EXTEND). */
    int receiveExtend(int n) throws JpegFormatException {
        int v = receive(n);
        return n == 0 || v >= 1 << (n - 1) ? v : v - (1 << n) + 1;
    }

    private void fill() {
        while (bits <= 56) {
            int b = 0;
            if (atMarker || pos >= end) {
                padding += 8;
            } else {
                b = data[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                } else if (pos + 1 < end && data[pos + 1] == 0) {
                    pos += 2;
                } else {
                    // NB: a marker (or fill bytes before one); pos stays on its first 0xFF.
                    atMarker = true;
                    b = 0;
                    padding += 8;
                }
            }
            buffer = buffer << 8 | b;
            bits += 8;
        }
    }

    /**
     * Expects restart marker RSTn after the padding bits that end a restart interval, consumes it and starts
     * afresh after it.
     *
     * @param n the expected marker number, 0 to 7
     */
    void restart(int n) throws JpegFormatException {
        if (bits - padding >= 8) {
            throw new JpegFormatException(pos, "MCU " + mcu + ": expected restart marker RST" + n
                    + " at the end of the restart interval, found " + (bits - padding) / 8 + " more bytes of data");
        }
        int at = skipFill(pos);
        if (at + 1 >= end || (data[at] & 0xFF) != 0xFF || (data[at + 1] & 0xFF) != 0xD0 + n) {
            throw new JpegFormatException(at, "MCU " + mcu + ": expected restart marker RST" + n + " (FFD" + n + "), found "
                    + (at + 1 >= end ? "the end of the data" : String.format("%02X%02X", data[at], data[at + 1])));
        }
        pos = at + 2;
        buffer = 0;
        bits = 0;
        padding = 0;
        atMarker = false;
    }

    /**
     * The offset of the marker that follows the entropy-coded data, skipping any bytes the last MCU left
     * unread (tolerated, as by libjpeg), or {@code end} when there is none.
     */
    int markerAfterScan() {
        int at = pos;
        while (at + 1 < end && !((data[at] & 0xFF) == 0xFF && data[at + 1] != 0 && (data[at + 1] & 0xFF) != 0xFF)) {
            at++;
        }
        return at + 1 < end ? at : end;
    }

    private int skipFill(int at) {
        while (at + 1 < end && (data[at] & 0xFF) == 0xFF && (data[at + 1] & 0xFF) == 0xFF) {
            at++;
        }
        return at;
    }

    private JpegFormatException truncated() {
        return new JpegFormatException(pos, "MCU " + mcu + ": the entropy-coded data ends (at "
                + (pos >= end ? "the end of the stream" : String.format("marker %02X%02X", data[pos],
                        pos + 1 < end ? data[pos + 1] : 0)) + ") before the last MCU of the scan");
    }
}
