package org.delineate.privacy.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.privacy.deid.Deidentifier;
import org.delineate.privacy.pixels.PixelRedactor;
import org.delineate.privacy.profile.ProfileOption;
import org.delineate.privacy.pseudonym.Pseudonyms;
import org.delineate.privacy.verify.ReferenceCheck;

/**
 * De-identifies a folder of DICOM and NIfTI files into another folder: the batch behind {@code delineate deid}.
 * Never modifies the input. Each output is written atomically and recorded in the output folder's
 * {@link Journal}; started again on the same output folder (same key and policy), a run skips the files already
 * done, so an interrupted run resumes where it stopped and ends with the same outputs as an uninterrupted one.
 * Files that cannot be read are quarantined and files that must not be released are withheld: nothing of them is
 * written, and the report gives the reason. At the end the report ({@code deid-report.json} and
 * {@code deid-report.txt}) is written; see {@code docs/deid-profile.md}.
 *
 * <p>Memory does not grow with the data: files are streamed through {@link RunOptions#jobs()} threads with at
 * most twice as many files in flight, and only counts are kept (plus, when resuming, one short journal record
 * per file done before). Nothing this class reports names an input file or holds a value.
 */
public final class DeidRunner {

    private DeidRunner() {
    }

    /**
     * Runs {@code options}.
     *
     * @param progress told of the progress from the worker threads
     * @return the counts over the whole output folder
     * @throws IllegalArgumentException when the input is not a folder or the folders overlap (the mapping folder
     *         must be in neither the input nor the output)
     * @throws JournalMismatchException when the output folder was written with another key or policy
     * @throws IOException when an output cannot be written (the run stops; started again, it resumes)
     */
    public static RunSummary run(RunOptions options, Progress progress) throws IOException, InterruptedException {
        Path input = options.input();
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException(input + " is not a folder");
        }
        Path in = input.toRealPath();
        Path planned = realOrPlanned(options.output());
        if (planned.startsWith(in) || in.startsWith(planned)) {
            throw new IllegalArgumentException("the input and output folders must not contain each other");
        }
        Path plannedMappings = options.mappings() == null ? null : realOrPlanned(options.mappings());
        if (plannedMappings != null && (plannedMappings.startsWith(in) || plannedMappings.startsWith(planned))) {
            throw new IllegalArgumentException("the mapping tables hold the original identifiers: their folder must "
                    + "be outside the input and output folders");
        }
        Path out = Files.createDirectories(options.output()).toRealPath();
        Pseudonyms pseudonyms = options.lookup() == null ? options.keyed()
                : options.lookup().over(options.keyed(), !options.lookupFallback());
        try (MappingFiles mappings = options.mappings() == null ? null : MappingFiles.open(options.mappings())) {
            return run(options, in, out, mappings == null ? pseudonyms : mappings.recording(pseudonyms), mappings,
                    progress);
        }
    }

    private static RunSummary run(RunOptions options, Path in, Path out, Pseudonyms pseudonyms, MappingFiles mappings,
            Progress progress) throws IOException, InterruptedException {
        ActionCounts counts = new ActionCounts();
        Instant started = Instant.now();
        long start = System.nanoTime();
        long[] found = new long[1];
        walk(in, (file, attributes) -> {
            found[0]++;
            return true;
        });
        long total = found[0];
        AtomicLong done = new AtomicLong();
        AtomicReference<IOException> failure = new AtomicReference<>();
        try (Journal journal = Journal.open(out, options.keyed().keyFingerprint(), options.policyDigest())) {
            Outputs outputs = Outputs.open(out, journal);
            ReferenceCheck references = ReferenceCheck.create(!options.policy().has(ProfileOption.RETAIN_UIDS));
            FileProcessor processor = new FileProcessor(Deidentifier.create(options.policy(), pseudonyms),
                    PixelRedactor.of(options.redactionRules()), options.keyed(), counts, outputs, references);
            ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
            Semaphore inFlight = new Semaphore(2 * options.jobs());
            Walk walk = new Walk();
            try {
                walk(in, (file, attributes) -> {
                    if (failure.get() != null || options.stopAfter() > 0 && walk.processed >= options.stopAfter()) {
                        walk.complete = false;
                        return false;
                    }
                    String relative = relative(in, file);
                    long size = attributes.size();
                    long modified = attributes.lastModifiedTime().toMillis();
                    String id = processor.inputId(relative);
                    Outcome before = journal.previous(id);
                    if (before != null && before.size() == size && before.modified() == modified
                            && (before.kind() != Outcome.Kind.WRITTEN || Files.exists(out.resolve(before.detail())))) {
                        walk.skipped++;
                        progress.update(done.incrementAndGet(), total, System.nanoTime() - start, false);
                        return true;
                    }
                    inFlight.acquireUninterruptibly();
                    walk.processed++;
                    pool.execute(() -> {
                        try {
                            Outcome outcome = processor.process(file, relative, id, size, modified);
                            IOException unmapped = mappings == null ? null : mappings.failure();
                            if (unmapped != null) {
                                // NB: no journal line: run again, the file is done again and its rows written.
                                throw new IOException("the mapping tables cannot be written: " + unmapped.getMessage(),
                                        unmapped);
                            }
                            outputs.record(outcome);
                        } catch (IOException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                            progress.update(done.incrementAndGet(), total, System.nanoTime() - start, false);
                        }
                    });
                    return !Thread.currentThread().isInterrupted();
                });
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } finally {
                pool.shutdown();
                boolean interrupted = Thread.interrupted();
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    // wait for the files in flight: their outputs and journal lines complete the resumable state
                }
                if (interrupted) {
                    throw new InterruptedException("interrupted while de-identifying");
                }
            }
            progress.update(done.get(), total, System.nanoTime() - start, true);
            boolean complete = walk.complete && failure.get() == null;
            ReferenceCheck.Result referenceResult = checkReferences(out, journal, references);
            RunSummary summary = RunReport.write(out, options, journal, counts, referenceResult, started,
                    Instant.now(), total, walk.skipped, complete);
            if (failure.get() != null) {
                throw failure.get();
            }
            return summary;
        }
    }

    /**
     * The reference check over the DICOM outputs released, earlier invocations' included (read back from the
     * output folder: their data sets are no longer in memory).
     */
    private static ReferenceCheck.Result checkReferences(Path out, Journal journal, ReferenceCheck references)
            throws IOException {
        // NB: a set: identical inputs share one output
        Set<String> released = new TreeSet<>();
        journal.forEachLatest(o -> {
            if (o.kind() == Outcome.Kind.WRITTEN && o.detail().endsWith(".dcm")) {
                released.add(o.detail());
            }
        });
        DicomReader reader = new DicomReader(ReadOptions.defaults().withLazyPixelData(true));
        for (String name : released) {
            if (!references.has(name)) {
                try {
                    references.add(name, reader.readFile(out.resolve(name)).dataSet());
                } catch (IOException e) {
                    // NB: an output that cannot be read back is left out of the check (its references unknown)
                }
            }
        }
        return references.result(released);
    }

    /** What the walk over the input has done so far (written by the walking thread only). */
    private static final class Walk {
        long processed;
        long skipped;
        boolean complete = true;
    }

    /** Takes one regular file found by the walk; returns false to stop the walk. */
    @FunctionalInterface
    private interface FileAction {
        boolean take(Path file, BasicFileAttributes attributes) throws IOException;
    }

    /**
     * Hands every regular file under {@code in} (links not followed, in the folder's order) to {@code action}, with
     * the attributes the walk read anyway. NB: a visitor, not {@code Files.walk}: no stat per file on top of the
     * walk's own, and no stream pipeline for a new JVM to run interpreted.
     */
    private static void walk(Path in, FileAction action) throws IOException {
        Files.walkFileTree(in, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                return action.take(file, attributes) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
    }

    /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended. */
    private static Path realOrPlanned(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    private static String relative(Path in, Path file) {
        StringBuilder s = new StringBuilder();
        for (Path part : in.relativize(file)) {
            if (!s.isEmpty()) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }
}
