import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.plugin.FolderOpener;

import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.ScanResult;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;

/**
 * Opens one folder of DICOM slices alternately with Delineate (scan, then read the stack into a Volume) and with
 * ImageJ 1.x ({@code FolderOpener.open}, as File > Import > Image Sequence), in one JVM, as a running Fiji would:
 * both warm, and each run next to the other so that a machine shared with other work slows both alike. Not part of
 * any jar; run by {@code bench/open-volume.sh} with ImageJ's jar and the dicom module's classes on the class path
 * and {@code -Djava.awt.headless=true}.
 *
 * <p>Usage: {@code OpenSideBySide <folder> <rounds>}. Round 1 of each tool is its first open in the JVM (cold code,
 * reported apart); the summary line gives, over rounds 2..N, the median and minimum wall seconds and the median
 * CPU seconds of all threads of the process, per tool, and the ratios ImageJ / Delineate.
 */
public final class OpenSideBySide {

    private OpenSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int threads = Runtime.getRuntime().availableProcessors();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> delineate = new ArrayList<>();
        List<double[]> imagej = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            // NB: who goes first alternates, so neither always inherits the other's garbage
            for (int turn = 0; turn < 2; turn++) {
                boolean ours = (r + turn) % 2 == 0;
                System.gc();
                long start = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                long voxels;
                if (ours) {
                    ScanResult scan = new SeriesScanner(new ScanOptions(threads)).scan(List.of(folder));
                    FrameStack stack = scan.series().get(0).stacks().get(0);
                    Volume v = StackVolumes.read(stack, threads);
                    voxels = (long) v.columns() * v.rows() * v.slices();
                } else {
                    ImagePlus imp = FolderOpener.open(folder.toString());
                    voxels = (long) imp.getWidth() * imp.getHeight() * imp.getStackSize();
                }
                double wall = (System.nanoTime() - start) / 1e9;
                double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
                (ours ? delineate : imagej).add(new double[] {wall, cpuS});
                System.out.printf("round=%d tool=%s wall_s=%.3f cpu_s=%.3f voxels=%d%n", r, ours ? "delineate" : "imagej",
                        wall, cpuS, voxels);
            }
        }
        double[] d = summary(delineate);
        double[] i = summary(imagej);
        System.out.printf("summary rounds=%d delineate_median_s=%.3f delineate_min_s=%.3f delineate_cpu_s=%.3f "
                + "imagej_median_s=%.3f imagej_min_s=%.3f imagej_cpu_s=%.3f ratio_median=%.2f ratio_min=%.2f ratio_cpu=%.2f "
                + "delineate_first_s=%.3f imagej_first_s=%.3f%n", rounds - 1, d[0], d[1], d[2], i[0], i[1], i[2], i[0] / d[0],
                i[1] / d[1], i[2] / d[2], delineate.get(0)[0], imagej.get(0)[0]);
        System.exit(0);
    }

    /** Median wall, minimum wall and median CPU over rounds 2..N. */
    private static double[] summary(List<double[]> runs) {
        double[] wall = runs.stream().skip(1).mapToDouble(x -> x[0]).sorted().toArray();
        double[] cpu = runs.stream().skip(1).mapToDouble(x -> x[1]).sorted().toArray();
        return new double[] {wall[wall.length / 2], wall[0], cpu[cpu.length / 2]};
    }
}
