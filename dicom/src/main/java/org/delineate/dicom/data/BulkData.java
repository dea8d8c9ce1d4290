package org.delineate.dicom.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left in its file and read on demand: the bytes {@code [offset, offset + length)} of
 * {@code file}, in the byte order of the data set that holds it. Immutable.
 *
 * @param file the file holding the value
 * @param offset the byte offset of the value in the file (after the element header)
 * @param length the value length in bytes
 */
public record BulkData(Path file, long offset, long length) {

    /** The largest value that can be read into one array. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }

    /** Reads the value; fails if the file has changed to be shorter than the value. */
    public byte[] read() throws IOException {
        if (length > MAX_ARRAY) {
            throw new IOException(file + ": value of " + length + " bytes at byte " + offset + " is too large for one array");
        }
        byte[] bytes = new byte[(int) length];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = offset;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw endsInside(position);
                }
                position += n;
            }
        }
        return bytes;
    }

    /**
     * Appends the value to {@code out} at its current position, copied file to file by the operating system
     * ({@link FileChannel#transferTo}); fails if the file has changed to be shorter than the value.
     */
    public void transferTo(FileChannel out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            checkSize(channel);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                long n = channel.transferTo(position, end - position, out);
                if (n <= 0) {
                    throw endsInside(position);
                }
                position += n;
            }
        }
    }

    /** Writes the value to {@code out} through a buffer of at most 1 MiB; fails if the file is shorter than the value. */
    public void copyTo(OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            checkSize(channel);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, 1 << 20));
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw endsInside(position);
                }
                out.write(buffer.array(), 0, n);
                position += n;
            }
        }
    }

    private void checkSize(FileChannel channel) throws IOException {
        long size = channel.size();
        if (offset + length > size) {
            throw endsInside(size);
        }
    }

    private EOFException endsInside(long position) {
        return new EOFException(file + ": file ends at byte " + position + " inside a value of " + length
                + " bytes that starts at byte " + offset);
    }
}
