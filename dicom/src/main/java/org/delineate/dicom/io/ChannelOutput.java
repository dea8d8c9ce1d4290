package org.delineate.dicom.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * A buffered stream into a file that also lends its channel, so that values left in another file
 * ({@link org.delineate.dicom.data.BulkData}) are copied file to file by the kernel
 * ({@link FileChannel#transferTo}) instead of through Java arrays. Not thread-safe.
 */
final class ChannelOutput extends BufferedOutputStream {

    private final FileChannel channel;

    ChannelOutput(FileChannel channel) {
        super(Channels.newOutputStream(channel), 1 << 16);
        this.channel = channel;
    }

    /**
     * Appends {@code length} bytes of {@code source} from {@code offset}, after what was written so far.
     *
     * @param name names the source in the message when it ends too early
     */
    void transferFrom(FileChannel source, String name, long offset, long length) throws IOException {
        flush();
        long position = offset;
        long left = length;
        while (left > 0) {
            long n = source.transferTo(position, left, channel);
            if (n <= 0) {
                throw new java.io.EOFException(name + ": file ends at byte " + position + " inside a value of " + length
                        + " bytes that starts at byte " + offset);
            }
            position += n;
            left -= n;
        }
    }
}
