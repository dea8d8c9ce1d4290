package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Joins BINARY frames, each packed on its own ({@link BitPacking}), into one continuous bit stream (PS3.5 8.1.1,
 * Bits Allocated 1): pixel n of the whole multi-frame image is bit n % 8 (least significant first) of byte n / 8,
 * so a frame starts mid-byte when the pixels before it are not a multiple of 8; no padding between frames. Writes
 * through a buffer of 1 MiB, in whole buffers; not thread-safe.
 */
final class BinaryFramePacker {

    private static final int BUFFER = 1 << 20;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int buffered;
    /** Bits 0..bit-1 hold pixels not yet written: the start of a byte that the next frame completes. */
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

    /**
     * Appends a frame of {@code pixels} pixels packed into the ceil(pixels / 8) bytes of {@code packed} from
     * {@code offset} on (the unused high bits of the last one 0).
     */
    void add(byte[] packed, int offset, int pixels) throws IOException {
        int whole = pixels >>> 3;
        int rest = pixels & 7;
        if (bit == 0) {
            // NB: frames of a multiple of 8 pixels (every 512 x 512 one) stay on byte boundaries: copied as they are.
            put(packed, offset, whole);
        } else {
            int shift = bit;
            int carry = current;
            for (int o = 0; o < whole; o++) {
                int b = packed[offset + o] & 0xFF;
                emit((byte) (carry | b << shift));
                carry = b >>> (8 - shift);
            }
            current = carry;
        }
        if (rest > 0) {
            int b = packed[offset + whole] & ((1 << rest) - 1);
            current |= b << bit;
            bit += rest;
            if (bit >= 8) {
                emit((byte) current);
                current >>>= 8;
                bit -= 8;
            }
        }
    }

    /** Writes the last, partly filled byte (its unused high bits 0) and flushes the buffer. */
    void finish() throws IOException {
        if (bit > 0) {
            emit((byte) current);
            current = 0;
            bit = 0;
        }
        flushBuffer();
    }

    long bytesWritten() {
        return bytesWritten;
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, buffer.length - buffered);
            System.arraycopy(bytes, offset + done, buffer, buffered, n);
            buffered += n;
            done += n;
            if (buffered == buffer.length) {
                flushBuffer();
            }
        }
        bytesWritten += length;
    }

    private void emit(byte b) throws IOException {
        buffer[buffered++] = b;
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
