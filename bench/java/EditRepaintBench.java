import java.time.Clock;
import java.util.Arrays;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.annotation.edit.Brush;
import org.delineate.annotation.render.OverlayRenderer;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;

/**
 * The Segment Editor's work after one brush stroke, in the model (no GUI): paint the stroke (a drag of 40
 * pixels with a 5 mm brush), commit it as an undo step, and render the slice's overlay (the dirty rectangle
 * and the whole slice), on 512 x 512 and 1024 x 1024 slices with three segments in two layers. Also the undo
 * memory per stroke against a full copy of the slice's labels (2 bytes per voxel). Not part of any jar; run by
 * bench/edit-repaint.sh.
 *
 * <p>Usage: {@code java -cp <classpath> EditRepaintBench [strokes]} (default 400). Prints one line per size:
 * medians and 95th percentiles in ms, and bytes.
 */
public final class EditRepaintBench {

    private EditRepaintBench() {
    }

    public static void main(String[] args) {
        int strokes = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        for (int size : new int[] {512, 1024}) {
            run(size, strokes / 4, false);
            run(size, strokes, true);
        }
    }

    private static void run(int size, int strokes, boolean print) {
        double spacing = 350.0 / size;
        VolumeGeometry g = VolumeGeometry.of(new double[] {-175, -175, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {spacing, spacing}, new double[] {0, 0, 2.5});
        Annotation a = new Annotation(new AnnotationGrid(size, size, 20, g), null, "bench", Clock.systemUTC());
        Segment[] segments = new Segment[3];
        for (int n = 0; n < 3; n++) {
            segments[n] = a.addSegment(SegmentDescription.builder().segmentLabel("s" + n)
                    .algorithmType(SegmentAlgorithmType.MANUAL).category(Code.sct("85756007", "Tissue"))
                    .type(Code.sct("85756007", "Tissue")).build(), 0xFF0000 >> (8 * n), n == 2 ? a.addLayer() : 0);
        }
        Brush brush = new Brush(a.grid());
        OverlayRenderer renderer = new OverlayRenderer();
        int[] argb = new int[size * size];
        double[] stroke = new double[strokes];
        double[] dirty = new double[strokes];
        double[] full = new double[strokes];
        long historyBefore = a.historyBytes();
        java.util.Random random = new java.util.Random(1);
        for (int n = 0; n < strokes; n++) {
            int k = 10;
            double i0 = 50 + random.nextInt(size - 100);
            double j0 = 50 + random.nextInt(size - 100);
            double i1 = i0 + 40 * size / 512.0;
            double radius = 5;
            long t0 = System.nanoTime();
            VoxelEdit e = a.edit("brush", segments[n % 3].id());
            brush.stroke(e, i0, j0, i1, j0, k, radius, n % 5 != 4);
            e.commit();
            long t1 = System.nanoTime();
            int reach = (int) Math.ceil(radius / spacing) + 1;
            renderer.render(a, k, (int) i0 - reach, (int) j0 - reach, (int) (i1 - i0) + 2 * reach + 1, 2 * reach + 1, argb);
            long t2 = System.nanoTime();
            renderer.render(a, k, argb);
            long t3 = System.nanoTime();
            stroke[n] = (t1 - t0) / 1e6;
            dirty[n] = (t2 - t1) / 1e6;
            full[n] = (t3 - t2) / 1e6;
        }
        long perStroke = (a.historyBytes() - historyBefore) / strokes;
        long sliceCopy = 2L * size * size;
        if (print) {
            System.out.printf("size=%d strokes=%d stroke_ms=%.3f/%.3f dirty_render_ms=%.3f/%.3f full_render_ms=%.3f/%.3f "
                    + "stroke_plus_full_ms=%.3f undo_bytes_per_stroke=%d slice_copy_bytes=%d undo_fraction=%.4f%n",
                    size, strokes, median(stroke), p95(stroke), median(dirty), p95(dirty), median(full), p95(full),
                    median(stroke) + median(full), perStroke, sliceCopy, (double) perStroke / sliceCopy);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(s.length * 0.95)];
    }
}
