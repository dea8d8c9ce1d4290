import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.ScanResult;
import org.delineate.dicom.series.Series;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;

/**
 * Opens a folder holding one CT series as a volume with Delineate: scan the folder (headers only),
 * group and sort, then read the one stack into a {@link Volume}. Not part of any jar; run by
 * {@code bench/open-volume.sh}, which compiles it against {@code dicom/target/classes}.
 *
 * <p>Usage: {@code java -cp <classpath> OpenVolumeBench <folder> [iterations]} (default 1). Each
 * iteration prints one line of {@code key=value}: the scan and read seconds, the volume's size, and
 * the CPU seconds of the whole process while it ran (all threads, including the collector's), the heap in use after a full GC with the volume still referenced (its live size). The caller times
 * the whole process for the cold run; the second iteration is the warm in-process time.
 */
public final class OpenVolumeBench {

    private OpenVolumeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int threads = Runtime.getRuntime().availableProcessors();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= iterations; i++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            ScanResult scan = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder));
            List<Series> series = scan.series();
            long scanned = System.nanoTime();
            if (series.size() != 1 || series.get(0).stacks().size() != 1) {
                throw new IllegalStateException("expected one series of one stack, found " + series.size()
                        + " series; unreadable " + scan.unreadable().size());
            }
            FrameStack stack = series.get(0).stacks().get(0);
            Volume volume = StackVolumes.read(stack, threads);
            long read = System.nanoTime();
            long cpu = os.getProcessCpuTime() - cpuStart;
            long voxelBytes = (long) volume.columns() * volume.rows() * volume.slices() * 2;
            System.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("iteration=%d scan_s=%.3f read_s=%.3f total_s=%.3f cpu_s=%.3f size=%dx%dx%d voxel_bytes=%d "
                    + "live_heap_bytes=%d live_per_voxel_byte=%.3f%n", i, (scanned - start) / 1e9, (read - scanned) / 1e9,
                    (read - start) / 1e9, cpu / 1e9, volume.columns(), volume.rows(), volume.slices(), voxelBytes, live,
                    (double) live / voxelBytes);
            volume = null;
            System.gc();
        }
    }
}
