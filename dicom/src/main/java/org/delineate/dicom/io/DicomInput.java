package org.delineate.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Buffered reading of DICOM encoded bytes with the current byte offset, in a switchable byte
 * order. Never allocates more than what is actually present: a declared length beyond the known
 * end of the input is an error, and values of streams of unknown length are grown as bytes arrive.
 * Not thread-safe.
 */
final class DicomInput implements AutoCloseable {

    /**
     * First allocation for a value when the input's length is unknown; the array then doubles as
     * bytes arrive. NB: small, so that a hostile length costs little more than the bytes present.
     */
    private static final int FIRST_CHUNK = 1 << 16;

    private final InputStream in;
    private final String source;
    private final long length;
    private final boolean inflated;
    /**
     * Size of the first read of an input of known length. NB: small, because a header-only read of an image
     * (a few KiB before Pixel Data) should neither read nor allocate and zero 64 KiB per file; the buffer
     * grows to {@link #BUFFER} at the first refill, and large values are read past it.
     */
    private static final int FIRST_READ = 1 << 13;
    private static final int BUFFER = 1 << 16;

    private byte[] buffer;
    private int bufferPosition;
    private int bufferLimit;
    private long bufferStart;
    private boolean bigEndian;

    /**
     * @param in the bytes
     * @param source the file name, for messages
     * @param length the total length of the input, or -1 when unknown
     * @param inflated true when offsets count bytes of an inflated (deflated) data set
     */
    DicomInput(InputStream in, String source, long length, boolean inflated) {
        this.in = in;
        this.source = source;
        this.length = length;
        this.inflated = inflated;
        this.buffer = new byte[length >= 0 ? (int) Math.max(16, Math.min(length, FIRST_READ)) : BUFFER];
    }

    String source() {
        return source;
    }

    boolean inflated() {
        return inflated;
    }

    long position() {
        return bufferStart + bufferPosition;
    }

    /** Bytes left, or -1 when the length is unknown. */
    long remaining() {
        return length < 0 ? -1 : length - position();
    }

    void bigEndian(boolean big) {
        this.bigEndian = big;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /** Makes at least {@code n} bytes available in the buffer if the input has them; returns how many are. */
    int fill(int n) throws IOException {
        if (bufferLimit - bufferPosition >= n) {
            return bufferLimit - bufferPosition;
        }
        if (bufferPosition > 0) {
            System.arraycopy(buffer, bufferPosition, buffer, 0, bufferLimit - bufferPosition);
            bufferStart += bufferPosition;
            bufferLimit -= bufferPosition;
            bufferPosition = 0;
        }
        if (n > buffer.length || bufferStart > 0 && buffer.length < BUFFER && remaining() > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(n, (int) Math.min(BUFFER, remaining())));
        }
        while (bufferLimit < n) {
            int read = readRaw(buffer, bufferLimit, buffer.length - bufferLimit);
            if (read < 0) {
                break;
            }
            bufferLimit += read;
        }
        return bufferLimit - bufferPosition;
    }

    /** True when no byte is left. */
    boolean atEnd() throws IOException {
        return fill(1) == 0;
    }

    /** The byte {@code index} ahead of the current position (0-based), or -1 past the end. */
    int peek(int index) throws IOException {
        return fill(index + 1) > index ? buffer[bufferPosition + index] & 0xFF : -1;
    }

    private void require(int n, String what) throws IOException {
        if (fill(n) < n) {
            throw error(-1, "file ends after " + (bufferLimit - bufferPosition) + " of the " + n + " bytes of " + what);
        }
    }

    int readUnsignedShort(String what) throws IOException {
        require(2, what);
        int b0 = buffer[bufferPosition++] & 0xFF;
        int b1 = buffer[bufferPosition++] & 0xFF;
        return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    long readUnsignedInt(String what) throws IOException {
        require(4, what);
        long b0 = buffer[bufferPosition++] & 0xFF;
        long b1 = buffer[bufferPosition++] & 0xFF;
        long b2 = buffer[bufferPosition++] & 0xFF;
        long b3 = buffer[bufferPosition++] & 0xFF;
        return bigEndian ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3 : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
    }

    /** A tag: group then element, each in the current byte order. */
    int readTag() throws IOException {
        int group = readUnsignedShort("a tag");
        int element = readUnsignedShort("a tag");
        return (group << 16) | element;
    }

    /** Reads {@code n} raw bytes into a new array; {@code tag} names the element for messages. */
    byte[] readBytes(long n, int tag) throws IOException {
        long remaining = remaining();
        if (remaining >= 0 && n > remaining) {
            throw error(tag, "declared length " + n + " exceeds the " + remaining + " bytes left in the file");
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw error(tag, "declared length " + n + " is larger than a value Delineate can hold in memory (2 GiB)");
        }
        int size = (int) n;
        byte[] out = new byte[remaining >= 0 ? size : Math.min(size, FIRST_CHUNK)];
        int done = 0;
        while (done < size) {
            if (done == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(size, (long) out.length * 2));
            }
            int available = bufferLimit - bufferPosition;
            if (available == 0 && out.length - done >= buffer.length) {
                // NB: a large value goes straight into its array, not through the buffer
                bufferStart += bufferLimit;
                bufferPosition = 0;
                bufferLimit = 0;
                int read = readRaw(out, done, out.length - done);
                if (read < 0) {
                    throw error(tag, "file ends after " + done + " of the " + size + " bytes of the value");
                }
                bufferStart += read;
                done += read;
                continue;
            }
            if (available == 0) {
                if (fill(1) == 0) {
                    throw error(tag, "file ends after " + done + " of the " + size + " bytes of the value");
                }
                continue;
            }
            int take = Math.min(available, out.length - done);
            System.arraycopy(buffer, bufferPosition, out, done, take);
            bufferPosition += take;
            done += take;
        }
        return out;
    }

    /** Skips {@code n} bytes, failing if the input is shorter. */
    void skip(long n, int tag) throws IOException {
        long remaining = remaining();
        if (remaining >= 0 && n > remaining) {
            throw error(tag, "declared length " + n + " exceeds the " + remaining + " bytes left in the file");
        }
        long left = n;
        int buffered = bufferLimit - bufferPosition;
        int fromBuffer = (int) Math.min(buffered, left);
        bufferPosition += fromBuffer;
        left -= fromBuffer;
        if (left > 0) {
            bufferStart += bufferLimit;
            bufferPosition = 0;
            bufferLimit = 0;
            while (left > 0) {
                long skipped = skipRaw(left);
                if (skipped <= 0) {
                    if (readRawByte() < 0) {
                        throw error(tag, "file ends " + left + " bytes before the end of the value");
                    }
                    skipped = 1;
                }
                left -= skipped;
                bufferStart += skipped;
            }
        }
    }

    private int readRaw(byte[] b, int offset, int n) throws IOException {
        try {
            return in.read(b, offset, n);
        } catch (EOFException | ZipException e) {
            throw inflationError(e);
        }
    }

    private int readRawByte() throws IOException {
        try {
            return in.read();
        } catch (EOFException | ZipException e) {
            throw inflationError(e);
        }
    }

    private long skipRaw(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (EOFException | ZipException e) {
            throw inflationError(e);
        }
    }

    /**
     * NB: only the inflater throws these (a truncated or corrupt deflate stream); they become a
     * {@link DicomFormatException} at the current offset, not an untyped EOFException.
     */
    private IOException inflationError(IOException e) {
        if (!inflated) {
            return e;
        }
        DicomFormatException error = error(-1, "the deflated data set cannot be inflated further ("
                + e.getMessage() + ")");
        error.initCause(e);
        return error;
    }

    /** The rest of the input inflated (Deflated Explicit VR Little Endian, PS3.5 A.5); offsets restart at 0. */
    DicomInput inflate() {
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(buffer, bufferPosition, bufferLimit - bufferPosition), in);
        bufferPosition = bufferLimit;
        return new DicomInput(new InflaterInputStream(new FullReads(rest), new Inflater(true), 1 << 16), source, -1, true);
    }

    /**
     * Reads as many bytes as asked for unless the input ends. NB: the inflater then gets the same
     * compressed chunks whether the caller's stream delivers its bytes at once or a few at a time, so
     * where a corrupt deflate stream fails does not depend on how the stream is fed.
     */
    private static final class FullReads extends FilterInputStream {
        FullReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int offset, int n) throws IOException {
            int read = in.readNBytes(b, offset, n);
            return read == 0 && n > 0 ? -1 : read;
        }
    }

    DicomFormatException error(int tag, String problem) {
        String where = inflated ? " (offset in the inflated data set)" : "";
        return new DicomFormatException(source, position(), tag, problem + where);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
