import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;

/**
 * Header-only parsing throughput of Delineate's reader: every file of a list read with
 * {@code withStopBeforePixelData(true)}, repeatedly in one JVM. Not part of any jar; run by
 * {@code bench/header-parse.sh}, which compiles it against {@code dicom/target/classes}.
 *
 * <p>Usage: {@code java -cp dicom/target/classes:<dir> HeaderParseBench <file-list> [--once | --seconds S]}.
 * With {@code --once}, one pass (for the cold whole-process time, measured by the caller); otherwise
 * passes for S seconds (default 10) of warm-up, then S seconds of measured passes, and the median
 * pass in files per second of wall-clock time and of process CPU time (all threads: GC and JIT
 * included). Prints {@code key=value} lines.
 */
public final class HeaderParseBench {

    private HeaderParseBench() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                files.add(Path.of(line));
            }
        }
        DicomReader reader = new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true));
        if (args.length > 1 && args[1].equals("--once")) {
            long start = System.nanoTime();
            int failed = pass(reader, files);
            System.out.printf("files=%d failed=%d seconds=%.3f%n", files.size(), failed, (System.nanoTime() - start) / 1e9);
            return;
        }
        double seconds = args.length > 2 && args[1].equals("--seconds") ? Double.parseDouble(args[2]) : 10;
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        int warmUpPasses = 0;
        int failed = 0;
        while (System.nanoTime() < warmUpEnd || warmUpPasses < 3) {
            failed = pass(reader, files);
            warmUpPasses++;
        }
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long measureEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < measureEnd || rates.size() < 3) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            pass(reader, files);
            rates.add(files.size() / ((System.nanoTime() - start) / 1e9));
            cpuRates.add(files.size() / ((os.getProcessCpuTime() - cpuStart) / 1e9));
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpu = cpuRates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("files=%d failed=%d warm_up_passes=%d passes=%d median_files_per_s=%.1f "
                + "min_files_per_s=%.1f max_files_per_s=%.1f median_files_per_cpu_s=%.1f%n", files.size(), failed,
                warmUpPasses, sorted.length, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1],
                cpu[cpu.length / 2]);
        if (failed > 0) {
            System.out.println("refused=" + Arrays.toString(refused(reader, files).toArray()));
        }
    }

    /** Reads every file once; returns how many were refused. */
    private static int pass(DicomReader reader, List<Path> files) throws IOException {
        int failed = 0;
        for (Path file : files) {
            try {
                reader.readFile(file);
            } catch (DicomFormatException e) {
                failed++;
            }
        }
        return failed;
    }

    private static List<String> refused(DicomReader reader, List<Path> files) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            try {
                reader.readFile(file);
            } catch (DicomFormatException e) {
                names.add(file.getFileName().toString());
            }
        }
        return names;
    }
}
