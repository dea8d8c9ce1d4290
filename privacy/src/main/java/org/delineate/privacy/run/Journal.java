package org.delineate.privacy.run;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append-only record of a run's outcomes, {@value #NAME} in the output folder: a header line naming the
 * key (by fingerprint) and the policy (by digest), then one {@link Outcome} line per input file processed. A
 * run started again on the same output reads it and skips the files already done, so an interrupted run
 * resumes where it stopped. Each line is written with one append and flushed to the file system before the
 * next file counts as done; a line cut short by a crash is dropped when the journal is opened again.
 * Thread-safe for {@link #append}.
 *
 * <p>NB: input paths can themselves be PHI (folders named after patients), so the journal holds only keyed
 * opaque ids of paths, never a path or a value. (No content hash: size and modification time say whether an
 * input changed, as for make and rsync, and hashing every byte cost a fifth of the run time.)
 */
final class Journal implements Closeable {

    static final String NAME = "deid-journal.tsv";
    private static final String MAGIC = "# delineate-deid-journal v1";

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Outcome> previous;

    private Journal(Path file, FileChannel channel, Map<String, Outcome> previous) {
        this.file = file;
        this.channel = channel;
        this.previous = previous;
    }

    /**
     * Opens the journal of {@code outputFolder}, creating it when absent.
     *
     * @throws JournalMismatchException when the existing journal was written with another key or policy
     */
    static Journal open(Path outputFolder, String keyFingerprint, String policyDigest) throws IOException {
        Path file = outputFolder.resolve(NAME);
        String header = MAGIC + "\tkey=" + keyFingerprint + "\tpolicy=" + policyDigest;
        Map<String, Outcome> previous = new HashMap<>();
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = in.readLine();
                if (first != null && !first.equals(header)) {
                    throw new JournalMismatchException(file + ": the output folder was written with another key or "
                            + "policy (its journal says '" + first + "'); use a new output folder");
                }
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Outcome o = Outcome.parse(line);
                    if (o != null) {
                        previous.put(o.inputId(), o);
                    }
                }
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size == 0) {
                write(channel, header + "\n");
            } else {
                // NB: cut a last line left incomplete by a crash, so the next append starts a line of its own.
                long keep = size;
                ByteBuffer one = ByteBuffer.allocate(1);
                while (keep > 0) {
                    one.clear();
                    channel.read(one, keep - 1);
                    if (one.get(0) == '\n') {
                        break;
                    }
                    keep--;
                }
                channel.truncate(keep);
            }
            channel.position(channel.size());
            return new Journal(file, channel, previous);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The outcome recorded for an input by an earlier invocation, or null. */
    Outcome previous(String inputId) {
        return previous.get(inputId);
    }

    /** The latest outcomes recorded by earlier invocations, one per input. */
    java.util.Collection<Outcome> previousOutcomes() {
        return previous.values();
    }

    /** The number of inputs recorded by earlier invocations. */
    int previousCount() {
        return previous.size();
    }

    /** Records an outcome; returns once the line is in the file. */
    synchronized void append(Outcome outcome) throws IOException {
        // NB: no fsync: the line survives the process being killed; after a power loss the last lines may be
        // lost, and their files are then simply done again (outputs are deterministic and written atomically).
        write(channel, outcome.line() + "\n");
    }

    /** Streams the latest outcome of every input recorded, earlier invocations included. */
    void forEachLatest(Consumer<Outcome> action) throws IOException {
        Map<String, Outcome> latest = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Outcome o = Outcome.parse(line);
                if (o != null) {
                    latest.put(o.inputId(), o);
                }
            }
        }
        latest.values().stream().sorted((a, b) -> a.inputId().compareTo(b.inputId())).forEach(action);
    }

    /** Writes {@code text} (UTF-8) at the channel's position; also used for the mapping tables. */
    static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
