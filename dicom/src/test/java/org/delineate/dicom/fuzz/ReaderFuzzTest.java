package org.delineate.dicom.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.delineate.dicom.fuzz.SeedCorpus.Seed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of {@link org.delineate.dicom.io.DicomReader}: real files from pydicom's corpus
 * and {@code ../shared/testdata} ({@link SeedCorpus}) are mutated ({@link Mutator}: bit flips, random
 * bytes, hostile value lengths, truncation, deleted and duplicated ranges, splices of two files, deep
 * nesting, changed VRs and transfer syntaxes) and each mutant is read in ten ways ({@link ReadCheck}),
 * each of which must succeed or throw a {@link org.delineate.dicom.io.DicomFormatException} naming
 * the file and a byte offset, within 5 seconds per mutant and a bounded allocation.
 *
 * <p>The run lasts {@code delineate.fuzz.seconds} (60 by default; the parent pom passes it) and is
 * deterministic: mutant {@code i} of master seed {@code delineate.fuzz.seed} is always the same.
 * Longer or different runs:
 * <pre>
 * mvn -B -o -pl dicom test -Dtest=ReaderFuzzTest -Ddelineate.fuzz.seconds=600 -Ddelineate.fuzz.seed=42
 * </pre>
 * Each failure prints the seed file, the mutation (its {@code toString()} rebuilds it, see
 * {@link FuzzRegressionTest}) and the mutant's own random seed; replay one mutant alone with
 * {@code -Ddelineate.fuzz.replay=<mutant seed>} (same seed files present).
 */
class ReaderFuzzTest {

    /** The default master seed, so that CI runs are reproducible. */
    private static final long DEFAULT_SEED = 0x5EED_DE11_4EA7EL;
    private static final long TIMEOUT_SECONDS = 5;
    private static final int EXAMPLES_PER_PROBLEM = 3;

    @TempDir
    Path tmp;

    @Test
    void readerFailsOnlyWithDicomFormatException() throws Exception {
        SeedCorpus corpus = SeedCorpus.load();
        List<Seed> seeds = corpus.seeds();
        Assumptions.assumeFalse(seeds.isEmpty(), "no seed files: neither pydicom's corpus nor ../shared/testdata");
        long seconds = Long.getLong("delineate.fuzz.seconds", 60);
        long master = Long.getLong("delineate.fuzz.seed", DEFAULT_SEED);
        Long replay = Long.getLong("delineate.fuzz.replay");
        System.out.printf("ReaderFuzzTest: master seed %d, %d s, %d seed files%n", master, seconds, seeds.size());

        Mutator mutator = new Mutator(seeds);
        Findings findings = new Findings();
        ExecutorService worker = newWorker();
        ReadCheck[] check = {null};
        warmUp(seeds, worker, check, findings);
        List<ReadCheck> checks = new ArrayList<>(List.of(check[0]));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        long mutants = 0;
        try {
            for (long i = 0; replay != null ? i < 1 : System.nanoTime() < deadline; i++) {
                long mutantSeed = replay != null ? replay : mix(master + i * 0x9E3779B97F4A7C15L);
                SplittableRandom rng = new SplittableRandom(mutantSeed);
                Seed seed = seeds.get(rng.nextInt(seeds.size()));
                Mutation mutation = mutator.next(rng, seed);
                String what = "seed file " + seed.name() + ", mutation " + mutation + ", mutant seed " + mutantSeed;
                byte[] bytes;
                try {
                    bytes = mutation.apply(seed.bytes(), corpus);
                } catch (RuntimeException e) {
                    throw new AssertionError("the fuzzer itself failed on " + what, e);
                }
                Path file = tmp.resolve("mutant-" + Long.toUnsignedString(mutantSeed, 36) + ".dcm");
                Future<List<ReadCheck.Problem>> result = worker.submit(() -> check[0].check(bytes, file, mutantSeed));
                mutants++;
                try {
                    findings.add(what, result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                    result.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    warmUp(List.of(), worker, check, findings);
                    checks.add(check[0]);
                    findings.add(what, List.of(new ReadCheck.Problem("no verdict within " + TIMEOUT_SECONDS + " s",
                            "*", stackOf(e))));
                } catch (ExecutionException e) {
                    findings.add(what, List.of(new ReadCheck.Problem("checking failed: " + e.getCause(), "*",
                            stackOf(e.getCause()))));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        long reads = checks.stream().mapToLong(ReadCheck::reads).sum();
        long successes = checks.stream().mapToLong(ReadCheck::successes).sum();
        System.out.printf("ReaderFuzzTest: %d mutants (%.0f/s), %d reads, %.1f%% read without error, %s%n", mutants,
                mutants / Math.max(1e-9, (System.nanoTime() - start) / 1e9), reads, 100.0 * successes / Math.max(1, reads),
                findings.summary());
        assertTrue(mutants > 0, "no mutant was read");
        if (!findings.isEmpty()) {
            fail(findings.report());
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the dictionary and reader classes in the worker so that they do not count as allocation,
     * checking the unchanged seeds on the way.
     */
    private void warmUp(List<Seed> seeds, ExecutorService worker, ReadCheck[] check, Findings findings)
            throws Exception {
        worker.submit(() -> {
            check[0] = new ReadCheck();
            if (!seeds.isEmpty()) {
                check[0].check(seeds.get(0).bytes(), tmp.resolve("class-loading.dcm"), 1);
            }
            for (Seed seed : seeds) {
                List<ReadCheck.Problem> problems = check[0].check(seed.bytes(), tmp.resolve("seed.dcm"), 1);
                findings.add("seed file " + seed.name() + " unchanged", problems);
            }
            check[0] = new ReadCheck();
            return null;
        }).get();
    }

    /** A 64-bit mix (the MurmurHash3 finalizer): nearby indices give unrelated mutant seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static String stackOf(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** Contract breaches grouped by cause, with a few reproducible examples each. */
    private static final class Findings {
        private final Map<String, List<String>> examples = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(String what, List<ReadCheck.Problem> problems) {
            for (ReadCheck.Problem p : problems) {
                counts.merge(p.signature(), 1, Integer::sum);
                List<String> list = examples.computeIfAbsent(p.signature(), k -> new ArrayList<>());
                if (list.size() < EXAMPLES_PER_PROBLEM) {
                    list.add(what + "\n  read " + p.mode() + ": " + p.detail());
                }
            }
        }

        boolean isEmpty() {
            return counts.isEmpty();
        }

        String summary() {
            return counts.isEmpty() ? "no contract breach" : counts.size() + " kinds of contract breach";
        }

        String report() {
            StringBuilder s = new StringBuilder("the reader breached its contract:\n");
            counts.forEach((signature, n) -> {
                s.append("\n== ").append(signature).append(" (").append(n).append(" reads)\n");
                examples.get(signature).forEach(e -> s.append(e).append('\n'));
            });
            return s.toString();
        }
    }
}
