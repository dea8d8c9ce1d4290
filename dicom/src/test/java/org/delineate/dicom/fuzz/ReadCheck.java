package org.delineate.dicom.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.DeviationHandling;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;

/**
 * Reads one input in every way a caller can and checks the reader's contract each time: success,
 * or a {@link DicomFormatException} naming the file and a byte offset, not caused by an unchecked
 * exception the reader did not understand; never another exception or error; no allocation beyond
 * 20 times the input (inflated, for a deflated data set) plus 1 MiB; the same verdict whether read
 * from a path or a stream, whole, lazily or header-only. Not thread-safe: one per worker thread.
 */
final class ReadCheck {

    /** How the input is read. */
    enum Mode {
        PATH_FULL, PATH_HEADER_ONLY, PATH_LAZY, STREAM_FULL, STREAM_HEADER_ONLY;

        boolean path() {
            return this == PATH_FULL || this == PATH_HEADER_ONLY || this == PATH_LAZY;
        }

        ReadOptions options(DeviationHandling deviations) {
            ReadOptions options = ReadOptions.defaults().withDeviations(deviations);
            return switch (this) {
                case PATH_HEADER_ONLY, STREAM_HEADER_ONLY -> options.withStopBeforePixelData(true);
                case PATH_LAZY -> options.withLazyPixelData(true);
                default -> options;
            };
        }
    }

    /** A breach of the contract: {@code signature} groups breaches of the same cause. */
    record Problem(String signature, String mode, String detail) {
    }

    /** Verdict of one read: deviations count on success, or the exception. */
    private record Outcome(DicomFile file, Throwable failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private static final long MIB = 1 << 20;
    private static final int MAX_DECODED_VALUE = 4096;

    private long reads;
    private long successes;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Checks {@code bytes}, written to {@code file} (whose name must be unique to the input),
     * feeding the stream reads in odd-sized chunks drawn from {@code chunkSeed}.
     */
    List<Problem> check(byte[] bytes, Path file, long chunkSeed) throws IOException {
        Files.write(file, bytes);
        List<Problem> problems = new ArrayList<>();
        long budget = 20 * Math.max(bytes.length, inflatedSize(bytes)) + MIB;
        for (DeviationHandling deviations : new DeviationHandling[] {DeviationHandling.WARN, DeviationHandling.FAIL}) {
            Map<Mode, Outcome> outcomes = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                String label = mode + "/" + deviations;
                String name = mode.path() ? file.getFileName().toString() : "stream " + file.getFileName();
                long before = threads.getCurrentThreadAllocatedBytes();
                Outcome outcome = read(mode, deviations, file, bytes, chunkSeed);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                outcomes.put(mode, outcome);
                reads++;
                successes += outcome.ok() ? 1 : 0;
                if (allocated > budget) {
                    problems.add(new Problem("allocation", label, allocated + " bytes allocated reading "
                            + bytes.length + " bytes (budget " + budget + ")"));
                }
                checkOutcome(outcome, name, label, problems);
            }
            checkAgreement(outcomes, deviations, problems);
        }
        Files.delete(file);
        return problems;
    }

    /** How many reads were checked. */
    long reads() {
        return reads;
    }

    /** How many of them succeeded (the others threw). */
    long successes() {
        return successes;
    }

    private static Outcome read(Mode mode, DeviationHandling deviations, Path file, byte[] bytes, long chunkSeed) {
        DicomReader reader = new DicomReader(mode.options(deviations));
        try {
            DicomFile read = mode.path() ? reader.readFile(file)
                    : reader.read(new ChunkyInputStream(bytes, new SplittableRandom(chunkSeed)), "stream " + file.getFileName());
            return new Outcome(read, null);
        } catch (Throwable t) {
            return new Outcome(null, t);
        }
    }

    private static void checkOutcome(Outcome outcome, String name, String label, List<Problem> problems) {
        Throwable t = outcome.failure();
        if (t == null) {
            try {
                walk(outcome.file().fileMeta());
                walk(outcome.file().dataSet());
            } catch (Throwable w) {
                problems.add(new Problem("decoding a read data set: " + w.getClass().getSimpleName() + " at "
                        + whereIn(w), label, stackTrace(w)));
            }
            return;
        }
        if (!(t instanceof DicomFormatException)) {
            problems.add(new Problem("untyped " + t.getClass().getName() + " at " + whereIn(t), label, stackTrace(t)));
            return;
        }
        String message = String.valueOf(t.getMessage());
        Throwable cause = t.getCause();
        if (cause instanceof RuntimeException || cause instanceof Error) {
            problems.add(new Problem("safety net caught " + cause.getClass().getName() + " at " + whereIn(cause), label,
                    stackTrace(t)));
        }
        if (!message.contains(name)) {
            problems.add(new Problem("message without the file name: " + shape(message, name), label, message));
        }
        if (!message.contains("byte")) {
            problems.add(new Problem("message without a byte offset: " + shape(message, name), label, message));
        }
    }

    /** Verdicts that must agree: see the class comment. */
    private static void checkAgreement(Map<Mode, Outcome> o, DeviationHandling deviations, List<Problem> problems) {
        String label = "*/" + deviations;
        if (o.get(Mode.PATH_FULL).ok() != o.get(Mode.STREAM_FULL).ok()) {
            problems.add(new Problem("path and stream reads disagree", label, verdicts(o)));
        }
        if (o.get(Mode.PATH_HEADER_ONLY).ok() != o.get(Mode.STREAM_HEADER_ONLY).ok()) {
            problems.add(new Problem("path and stream header-only reads disagree", label, verdicts(o)));
        }
        if (o.get(Mode.PATH_FULL).ok() && !o.get(Mode.PATH_HEADER_ONLY).ok()) {
            problems.add(new Problem("a whole read succeeds but the header-only read fails", label, verdicts(o)));
        }
        if (o.get(Mode.PATH_FULL).ok() != o.get(Mode.PATH_LAZY).ok()) {
            problems.add(new Problem("lazy and whole reads disagree", label, verdicts(o)));
        }
    }

    private static String verdicts(Map<Mode, Outcome> outcomes) {
        StringBuilder s = new StringBuilder();
        outcomes.forEach((mode, outcome) -> s.append("\n    ").append(mode).append(": ")
                .append(outcome.ok() ? "ok" : outcome.failure().getMessage()));
        return s.toString();
    }

    /** Decodes what a caller would: every short value, every fragment length, every lazy value. */
    private static void walk(DataSet dataSet) throws IOException {
        if (dataSet == null) {
            return;
        }
        dataSet.characterSet();
        for (DataElement e : dataSet) {
            if (e.hasBytes() && e.bytes().length <= MAX_DECODED_VALUE) {
                dataSet.getStrings(e.tag());
                dataSet.getDoubles(e.tag());
            } else if (e.isSequence()) {
                for (DataSet item : e.sequence()) {
                    walk(item);
                }
            } else if (e.isFragments()) {
                for (int i = 0; i < e.fragments().size(); i++) {
                    e.fragments().itemLength(i);
                }
            } else if (e.isBulkData() && e.bulkData().length() <= 64 * MIB) {
                byte[] value = e.bulkData().read();
                if (value.length != e.bulkData().length()) {
                    throw new IllegalStateException("bulk data of " + e.bulkData().length() + " bytes read as " + value.length);
                }
            }
        }
    }

    /** The size of the data set after inflation when the File Meta Information declares Deflated, else 0. */
    static long inflatedSize(byte[] bytes) {
        SeedLayout layout = SeedLayout.scanMeta(bytes);
        if (!layout.deflated()) {
            return 0;
        }
        Inflater inflater = new Inflater(true);
        inflater.setInput(bytes, layout.bodyStart, bytes.length - layout.bodyStart);
        byte[] sink = new byte[1 << 16];
        long total = 0;
        try {
            while (!inflater.finished() && !inflater.needsInput() && total < 1L << 30) {
                int n = inflater.inflate(sink);
                if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
                    break;
                }
                total += n;
            }
        } catch (DataFormatException e) {
            // NB: the bytes inflated before the error count.
        } finally {
            inflater.end();
        }
        return total;
    }

    /** The first stack frame in Delineate's code, else the first frame. */
    private static String whereIn(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("org.delineate.dicom") && !frame.getClassName().contains(".fuzz.")) {
                return frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return trace.length > 0 ? trace[0].toString() : "?";
    }

    /** The message with the file name and numbers blanked, to group messages of the same kind. */
    private static String shape(String message, String name) {
        return message.replace(name, "<file>").replaceAll("[0-9]+", "#");
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** A stream that hands out its bytes in small random chunks and sometimes skips nothing. */
    private static final class ChunkyInputStream extends InputStream {
        private final byte[] bytes;
        private final SplittableRandom rng;
        private int position;

        ChunkyInputStream(byte[] bytes, SplittableRandom rng) {
            this.bytes = bytes;
            this.rng = rng;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - position), 1 + rng.nextInt(rng.nextBoolean() ? 16 : 8192));
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            if (n <= 0 || rng.nextInt(4) == 0) {
                return 0;
            }
            long skipped = Math.min(n, bytes.length - position);
            position += (int) skipped;
            return skipped;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
