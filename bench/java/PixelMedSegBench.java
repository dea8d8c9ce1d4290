import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.pixelmed.convert.IndexedLabelMapToSegmentation;

/**
 * PixelMed's IndexedLabelMapToSegmentation (Debian libpixelmed-java) in-process, for {@code bench/seg.sh}: the same
 * work as its command line (read the label map DICOM and label description, write a BINARY SEG), timed per
 * iteration (wall, and CPU of the whole process). Its per-frame INFO logging is turned off (java.util.logging at
 * WARNING), as it would otherwise dominate.
 * Not part of any jar; compiled against pixelmed.jar only.
 *
 * <p>Usage: {@code java -cp pixelmed.jar:<deps>:<dir> PixelMedSegBench WORK REFERENCE iterations}: WORK holds
 * labels.dcm and labels.csv (from {@code SegBench prepare}); REFERENCE is one slice of the CT.
 */
public final class PixelMedSegBench {

    private PixelMedSegBench() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        Path work = Path.of(args[0]);
        String reference = args[1];
        int iterations = Integer.parseInt(args[2]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path out = work.resolve("pixelmed-seg.dcm");
        for (int it = 1; it <= iterations; it++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            // Arguments as its main passes them: input, labels, output, reference, then its defaults.
            new IndexedLabelMapToSegmentation(work.resolve("labels.dcm").toString(), work.resolve("labels.csv").toString(),
                    out.toString(), reference, "5634", "Converted from Indexed Label Map", "SEGMENTATION",
                    "Converted from Indexed Label Map", "PixelMed^Tester");
            long end = System.nanoTime();
            cpu = os.getProcessCpuTime() - cpu;
            System.out.printf(Locale.ROOT, "iteration=%d total_s=%.3f cpu_s=%.3f bytes=%d%n", it, (end - start) / 1e9,
                    cpu / 1e9, Files.size(out));
        }
    }
}
