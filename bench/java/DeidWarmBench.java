import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.pseudonym.KeyFile;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.delineate.privacy.run.DeidRunner;
import org.delineate.privacy.run.Progress;
import org.delineate.privacy.run.RunOptions;
import org.delineate.privacy.run.RunSummary;

/**
 * CPU per file of {@code delineate deid} once the JVM is warm, for {@code bench/deid.sh}. Not part of any jar.
 *
 * <p>Usage: {@code java -cp <privacy class path>:<dir> DeidWarmBench <input-folder> <work-folder> <runs> <jobs>}.
 * Runs {@link DeidRunner} on the folder {@code runs} times in one JVM (policy basic, a new output folder in the
 * work folder each time, left for the caller to delete: ext4 makes creating files right after deleting many
 * costly) and prints, for every run, the files written, the wall time and the process CPU time (all threads:
 * workers, compiler, collector); the last runs are the warm figure.
 */
public final class DeidWarmBench {

    private DeidWarmBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path in = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int jobs = Integer.parseInt(args[3]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        KeyedPseudonyms keyed = KeyedPseudonyms.of(KeyFile.loadOrCreate(work.resolve("warm.key")));
        for (int i = 0; i < runs; i++) {
            Path out = work.resolve("warm-" + (i + 1));
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            RunSummary s = DeidRunner.run(RunOptions.of(in, out, Policy.preset("basic"), "bench", keyed)
                    .withJobs(jobs), Progress.none());
            long wall = System.nanoTime() - start;
            cpu = os.getProcessCpuTime() - cpu;
            System.out.printf("run %d: %d written, wall %.3f s, cpu %.3f s, cpu per file %.2f ms%n", i + 1,
                    s.written(), wall / 1e9, cpu / 1e9, cpu / 1e6 / Math.max(1, s.written()));
        }
    }
}
