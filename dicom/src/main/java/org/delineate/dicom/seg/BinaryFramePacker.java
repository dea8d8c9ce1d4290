package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Packs BINARY frames into one continuous bit stream (PS3.5 8.1.1, Bits Allocated 1): pixel n of the whole
 * multi-frame image is bit n % 8 (least significant first) of byte n / 8, so a frame starts mid-byte when the
 * pixels before it are not a multiple of 8; no padding between frames. Writes through a small buffer; not
 * thread-safe.
 */
final class BinaryFramePacker {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 14];
    private int buffered;
    private int current;
    private int bit;
    private long bytesWritten;

    BinaryFramePacker(OutputStream out) {
        this.out = out;
    }

    /** The number of bytes {@code pixels} pixels take, without the padding byte of an odd length. */
    static long packedLength(long pixels) {
        return (pixels + 7) / 8;
    }

    /** Appends a frame: each non-zero value becomes a 1 bit. */
    void add(byte[] frame) throws IOException {
        int start = 0;
        if (bit == 0) {
            // NB: frames of a multiple of 8 pixels (every 512 x 512 one) start on a byte: pack 8 pixels at a time.
            int whole = frame.length & ~7;
            for (; start < whole; start += 8) {
                int b = 0;
                for (int n = 0; n < 8; n++) {
                    b |= (frame[start + n] != 0 ? 1 : 0) << n;
                }
                buffer[buffered++] = (byte) b;
                bytesWritten++;
                if (buffered == buffer.length) {
                    flushBuffer();
                }
            }
        }
        for (int i = start; i < frame.length; i++) {
            byte v = frame[i];
            if (v != 0) {
                current |= 1 << bit;
            }
            if (++bit == 8) {
                emit();
            }
        }
    }

    /**
     * Appends a frame already packed (8 pixels a byte, least significant bit first); only while the stream is on a
     * byte boundary, i.e. every frame before had a multiple of 8 pixels.
     *
     * @throws IllegalStateException when the stream is not on a byte boundary
     */
    void addPacked(byte[] packed) throws IOException {
        if (bit != 0) {
            throw new IllegalStateException("packed frames need the stream on a byte boundary");
        }
        flushBuffer();
        out.write(packed);
        bytesWritten += packed.length;
    }

    /** Writes the last, partly filled byte (its unused high bits 0) and flushes the buffer. */
    void finish() throws IOException {
        if (bit > 0) {
            emit();
        }
        flushBuffer();
    }

    long bytesWritten() {
        return bytesWritten;
    }

    private void emit() throws IOException {
        buffer[buffered++] = (byte) current;
        current = 0;
        bit = 0;
        bytesWritten++;
        if (buffered == buffer.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
    }
}
