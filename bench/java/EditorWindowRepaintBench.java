import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.swing.SwingUtilities;

import ij.ImageJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;

import org.delineate.annotation.AnnotationSession;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.volume.PlanarImages;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.editor.EditorWindow;
import org.delineate.plugins.view.VolumeImages;

/**
 * The Segment Editor's repaint after a brush stroke, through the real ImageJ window (run under Xvfb by
 * bench/editor-repaint.sh): on a 512 x 512 and a 1024 x 1024 image (20 slices, 350 mm field of view) shown by
 * ImageJ with the Segment Editor open, each stroke is a mouse press, four drags (40 pixels of 512, 80 of 1024, in
 * all) and a release dispatched to the image canvas on the event thread (ImageJ hands them to the editor's tool,
 * which paints a 5 mm brush and commits the stroke as an undo step), then the canvas paints synchronously
 * (ImageJ's double-buffered paint: the image, the segment overlay with the stroke's rectangle rendered again, the
 * orientation letters) and the X server is synced. Every fifth stroke erases (Alt). Also the first paint after a
 * slice change (the whole overlay rendered). Not part of any jar.
 *
 * <p>Usage: {@code java -cp <classpath> EditorWindowRepaintBench [strokes]} (default 200). Prints one line per
 * size: medians and 95th percentiles in ms of the wall time (events, paint, both) and of the event thread's CPU
 * time, and the canvas magnification.
 */
public final class EditorWindowRepaintBench {

    private EditorWindowRepaintBench() {
    }

    public static void main(String[] args) throws Exception {
        int strokes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        new ImageJ();
        for (int size : new int[] {512, 1024}) {
            run(size, strokes);
        }
        System.exit(0);
    }

    private static void run(int size, int strokes) throws Exception {
        Volume volume = phantom(size);
        ImagePlus imp = VolumeImages.toImagePlus(volume, "bench " + size);
        imp.show();
        for (int n = 0; n < 100 && (imp.getWindow() == null || !imp.getCanvas().isShowing()); n++) {
            Thread.sleep(50);
        }
        Terminology terminology = Terminology.load();
        AnnotationSession session = AnnotationSession.open(volume, "bench", Clock.systemUTC(), terminology);
        EditorWindow editor = EditorWindow.open(imp, session, terminology);
        ImageCanvas canvas = imp.getCanvas();
        onEdt(() -> {
            session.addSegment("Liver");
            editor.controller().settings().setBrushRadius(5);
            imp.setSlice(10);
        });
        Thread.sleep(500);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int warmup = strokes / 4;
        double[] events = new double[strokes];
        double[] paint = new double[strokes];
        double[] total = new double[strokes];
        double[] cpu = new double[strokes];
        Random random = new Random(1);
        double mag = canvas.getMagnification();
        double length = 40 * size / 512.0;
        for (int n = -warmup; n < strokes; n++) {
            int x0 = 50 + random.nextInt(size - 100 - (int) length);
            int y0 = 50 + random.nextInt(size - 100);
            boolean erase = Math.floorMod(n, 5) == 4;
            long[] times = new long[4];
            onEdt(() -> {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                mouse(canvas, MouseEvent.MOUSE_PRESSED, x0, y0, erase);
                for (int step = 1; step <= 4; step++) {
                    mouse(canvas, MouseEvent.MOUSE_DRAGGED, x0 + length * step / 4, y0, erase);
                }
                mouse(canvas, MouseEvent.MOUSE_RELEASED, x0 + length, y0, erase);
                long t1 = System.nanoTime();
                Graphics g = canvas.getGraphics();
                canvas.paint(g);
                g.dispose();
                Toolkit.getDefaultToolkit().sync();
                long t2 = System.nanoTime();
                times[0] = t0;
                times[1] = t1;
                times[2] = t2;
                times[3] = threads.getCurrentThreadCpuTime() - c0;
            });
            if (n >= 0) {
                events[n] = (times[1] - times[0]) / 1e6;
                paint[n] = (times[2] - times[1]) / 1e6;
                total[n] = (times[2] - times[0]) / 1e6;
                cpu[n] = times[3] / 1e6;
            }
        }
        List<Double> slicePaints = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            int slice = 1 + n % 20;
            long[] t = new long[1];
            onEdt(() -> {
                imp.setSlice(slice);
                long t0 = System.nanoTime();
                Graphics g = canvas.getGraphics();
                canvas.paint(g);
                g.dispose();
                Toolkit.getDefaultToolkit().sync();
                t[0] = System.nanoTime() - t0;
            });
            slicePaints.add(t[0] / 1e6);
        }
        double[] slice = slicePaints.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("size=%d strokes=%d magnification=%.2f events_ms=%.2f/%.2f paint_ms=%.2f/%.2f "
                + "stroke_to_painted_ms=%.2f/%.2f edt_cpu_ms=%.2f/%.2f slice_change_paint_ms=%.2f/%.2f undo_steps=%d%n",
                size, strokes, mag, median(events), p95(events), median(paint), p95(paint), median(total), p95(total),
                median(cpu), p95(cpu), median(slice), p95(slice), session.annotation().undoSteps());
        onEdt(() -> {
            imp.changes = false;
            imp.close();
        });
        Thread.sleep(300);
    }

    /** A CT-like volume: air, a 300 mm body of 40 HU with a 60 HU disk, on 20 slices. */
    private static Volume phantom(int size) {
        double spacing = 350.0 / size;
        List<short[]> planes = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            short[] p = new short[size * size];
            for (int j = 0; j < size; j++) {
                for (int i = 0; i < size; i++) {
                    double x = (i - size / 2.0) * spacing;
                    double y = (j - size / 2.0) * spacing;
                    double hu = Math.hypot(x, y) > 150 ? -1000 : Math.hypot(x - 50, y) < 40 ? 60 : 40;
                    p[j * size + i] = (short) (hu + 1024);
                }
            }
            planes.add(p);
        }
        VolumeGeometry g = VolumeGeometry.of(new double[] {-175, -175, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {spacing, spacing}, new double[] {0, 0, 2.5});
        return Volume.builder().image(PlanarImages.wrap(SampleType.UINT16, size, size, planes), SampleType.UINT16, 0)
                .geometry(g).modalityLut(new org.delineate.dicom.pixel.ModalityLut(1, -1024, "HU")).build();
    }

    private static void mouse(ImageCanvas canvas, int id, double x, double y, boolean alt) {
        int sx = canvas.screenXD(x);
        int sy = canvas.screenYD(y);
        int mods = (id == MouseEvent.MOUSE_RELEASED ? 0 : InputEvent.BUTTON1_DOWN_MASK) | (alt ? InputEvent.ALT_DOWN_MASK : 0);
        canvas.dispatchEvent(new MouseEvent(canvas, id, System.currentTimeMillis(), mods, sx, sy, 1, false,
                MouseEvent.BUTTON1));
    }

    private interface EdtAction {
        void run() throws Exception;
    }

    private static void onEdt(EdtAction action) throws Exception {
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                action.run();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
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
