package org.delineate.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that no partial file is ever left under the target name: the content goes to a
 * hidden temporary file beside the target ({@code .NAME.PID-THREAD.part}, created new, with the usual
 * permissions), which is moved into place (atomically where the file system can) only when complete, and
 * deleted if anything fails. Every output of Delineate is written so.
 *
 * <p>NB: not {@code Files.createTempFile}: its random name costs a secure random number per file, and a
 * {@code deleteIfExists} after the move an exception inside the JDK per file; a de-identification of 500 files
 * spent a tenth of its CPU there.
 */
public final class AtomicFiles {

    /** What to write into the (buffered) stream; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** What to write into the file's channel, from its start; the channel is closed by {@link #writeChannel}. */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel out) throws IOException;
    }

    /** Writes {@code content} to {@code target}, replacing any file there only once the content is complete. */
    public static void write(Path target, Content content) throws IOException {
        writeChannel(target, channel -> {
            // NB: a ChannelOutput, so that values left in another file are copied into this one by the kernel.
            try (OutputStream out = new ChannelOutput(channel)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * Writes {@code content} through a file channel (for copies from file to file by the operating system) to
     * {@code target}, replacing any file there only once the content is complete.
     */
    public static void writeChannel(Path target, ChannelContent content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        String base = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId();
        Path temporary = directory.resolve(base + ".part");
        FileChannel opened;
        try {
            opened = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // NB: left by a process that had this number and died; never written through (it may be a link)
            temporary = directory.resolve(base + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            opened = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = opened) {
                content.writeTo(channel);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
