package org.delineate.plugins.editor;

import static org.delineate.plugins.editor.EditorUser.find;
import static org.delineate.plugins.editor.EditorUser.onEdt;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.swing.JTabbedPane;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.LandmarkTemplate;
import org.delineate.annotation.Segment;
import org.delineate.annotation.SegmentOperations;
import org.delineate.dicom.seg.meta.Terminology;

/**
 * Takes the user guide's screenshots from the running program (docs/make-screenshots.sh runs it under Xvfb through
 * {@code ./delineate}'s main class): on the sample study in the Segment Editor, the liver and the lesion are grown
 * from seeds, two lesion-axis landmarks placed, the brush shown; then the image and editor windows are captured,
 * once with the Segments tab and once with the Landmarks tab. Not a test.
 */
public final class ScreenshotDriver {

    private ScreenshotDriver() {
    }

    /**
     * Writes {@code segment-editor.png} and {@code landmarks.png} into a folder.
     *
     * @param folder where to write
     * @return the files written, separated by a space
     */
    public static String take(String folder) throws Exception {
        ImagePlus imp = WindowManager.getCurrentImage();
        EditorWindow editor = EditorWindow.of(imp);
        ToolController c = editor.controller();
        AnnotationSession session = c.session();
        Terminology terminology = Terminology.load();
        int lesionSlice = 19;
        onEdt(() -> {
            SegmentList list = new SegmentList(session);
            SegmentOperations ops = new SegmentOperations(session);
            Segment liver = list.add(false);
            list.setType(liver.id(), terminology.typeByMeaning("Liver").orElseThrow(), true);
            ops.growRegion(90, 45, lesionSlice, 50, 70, 1_000_000);
            Segment mass = list.add(false);
            list.setType(mass.id(), terminology.typeByMeaning("Mass").orElseThrow(), true);
            ops.growRegion(87, 59, lesionSlice, 80, 120, 1_000_000);
            imp.setSlice(lesionSlice + 1);
            javax.swing.JComboBox<?> templates = find(editor, javax.swing.JComboBox.class, b -> "template".equals(b.getName()));
            for (int n = 0; n < templates.getItemCount(); n++) {
                if (templates.getItemAt(n) instanceof LandmarkTemplate t && t.name().equals("Lesion axes")) {
                    templates.setSelectedIndex(n);
                }
            }
            ImageCanvas canvas = imp.getCanvas();
            ViewTransform view = new ViewTransform(canvas.getSrcRect().x, canvas.getSrcRect().y, canvas.getMagnification());
            c.select(EditorTool.LANDMARK);
            c.press(new Pointer(87.5, 53.5, lesionSlice, false, 1, view));
            c.release(new Pointer(87.5, 53.5, lesionSlice, false, 1, view));
            c.press(new Pointer(87.5, 65.5, lesionSlice, false, 1, view));
            c.release(new Pointer(87.5, 65.5, lesionSlice, false, 1, view));
            c.select(EditorTool.BRUSH);
            c.settings().setBrushRadius(8);
            c.move(new Pointer(62, 40, lesionSlice, false, 0, view));
            return null;
        });
        Thread.sleep(800);
        Path dir = Files.createDirectories(Path.of(folder));
        Path segments = capture(imp, editor, dir.resolve("segment-editor.png"));
        onEdt(() -> {
            find(editor, JTabbedPane.class, t -> true).setSelectedIndex(1);
            return null;
        });
        Thread.sleep(500);
        Path landmarks = capture(imp, editor, dir.resolve("landmarks.png"));
        return segments + " " + landmarks;
    }

    private static Path capture(ImagePlus imp, Window editor, Path file) throws Exception {
        return capture(file, imp.getWindow(), editor);
    }

    /** Where a window is on the screen. */
    public static Rectangle screenBounds(Window w) throws Exception {
        return onEdt(() -> new Rectangle(w.getLocationOnScreen(), w.getSize()));
    }

    /** Captures the screen area the windows cover together into a PNG file; returns the file. */
    public static Path capture(Path file, Window... windows) throws Exception {
        Rectangle area = screenBounds(windows[0]);
        for (Window w : windows) {
            area = area.union(screenBounds(w));
        }
        onEdt(() -> null);
        java.awt.Toolkit.getDefaultToolkit().sync();
        BufferedImage shot = new Robot().createScreenCapture(area);
        ImageIO.write(shot, "png", file.toFile());
        return file;
    }
}
