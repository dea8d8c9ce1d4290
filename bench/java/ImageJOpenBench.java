import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import ij.ImagePlus;
import ij.plugin.FolderOpener;

/**
 * Opens a folder of DICOM slices as a stack with ImageJ 1.x, headless, the way File > Import > Image
 * Sequence does: {@code FolderOpener.open(folder)} (which sorts DICOM files by their metadata). Not part
 * of any jar; run by {@code bench/open-volume.sh} with {@code -Djava.awt.headless=true}.
 *
 * <p>Usage: {@code java -Djava.awt.headless=true -cp ij.jar:<dir> ImageJOpenBench <folder> [iterations]};
 * prints one {@code key=value} line per iteration, like {@code OpenVolumeBench}.
 */
public final class ImageJOpenBench {

    private ImageJOpenBench() {
    }

    public static void main(String[] args) {
        String folder = args[0];
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 1; i <= iterations; i++) {
            long start = System.nanoTime();
            ImagePlus imp = FolderOpener.open(folder);
            long read = System.nanoTime();
            if (imp == null) {
                throw new IllegalStateException("FolderOpener.open returned null for " + folder);
            }
            long voxelBytes = (long) imp.getWidth() * imp.getHeight() * imp.getStackSize() * imp.getBytesPerPixel();
            System.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("iteration=%d total_s=%.3f size=%dx%dx%d bit_depth=%d voxel_bytes=%d live_heap_bytes=%d "
                    + "live_per_voxel_byte=%.3f%n", i, (read - start) / 1e9, imp.getWidth(), imp.getHeight(),
                    imp.getStackSize(), imp.getBitDepth(), voxelBytes, live, (double) live / voxelBytes);
            imp = null;
            System.gc();
        }
        System.exit(0);
    }
}
