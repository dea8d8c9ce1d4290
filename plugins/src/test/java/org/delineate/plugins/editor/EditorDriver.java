package org.delineate.plugins.editor;

import java.awt.Component;
import java.awt.Container;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.swing.AbstractButton;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.measure.ResultsTable;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;

/**
 * Drives the Segment Editor of the running ImageJ (under Xvfb) the way a user does: buttons clicked, keys pressed in
 * the image window, mouse pressed, dragged and released on the canvas; events are dispatched to the real AWT
 * components on the event thread. Called from a macro ({@code call("org.delineate.plugins.editor.EditorDriver.run")})
 * by {@code SegmentEditorXvfbTest}; returns what it saw as {@code key=value} pairs separated by {@code ;}, which the
 * test checks against values it computes itself. Screen positions of voxels come from ImageJ's own
 * {@code ImageCanvas.screenX/screenY}.
 */
public final class EditorDriver {

    private final ImagePlus imp;
    private final EditorWindow editor;
    private final ImageCanvas canvas;
    private final Map<String, String> seen = new LinkedHashMap<>();

    private EditorDriver(ImagePlus imp, EditorWindow editor) {
        this.imp = imp;
        this.editor = editor;
        this.canvas = imp.getCanvas();
    }

    /**
     * The scripted session on the current image (the sample study); see the class comment.
     *
     * @param seed "i j k": a voxel inside the phantom's lesion, for region growing
     */
    public static String run(String seed) throws Exception {
        ImagePlus imp = WindowManager.getCurrentImage();
        EditorWindow editor = EditorWindow.of(imp);
        if (editor == null) {
            return "editor=none";
        }
        EditorDriver d = new EditorDriver(imp, editor);
        d.script(java.util.Arrays.stream(seed.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray());
        StringBuilder out = new StringBuilder();
        d.seen.forEach((k, v) -> out.append(k).append('=').append(v).append(';'));
        return out.toString();
    }

    private void script(int[] seed) throws Exception {
        AnnotationSession session = editor.controller().session();
        put("editor", "open");
        put("magnification", canvas.getMagnification());
        put("tool", ij.gui.Toolbar.getToolName());
        click("Add");
        put("added", onEdt(session::selected).name());
        pickType("liver");
        Segment s = onEdt(session::selected);
        put("segment", s.name());
        put("segment_type", s.description().type().schemeDesignator() + " " + s.description().type().value());
        put("table_rows", onEdt(() -> table("segments").getRowCount()));
        int k = 20;
        onEdt(() -> {
            imp.setSlice(k + 1);
            return null;
        });
        key(KeyEvent.VK_E, 0);
        put("after_e", editor.controller().settings().tool());
        key(KeyEvent.VK_B, 0);
        put("after_b", editor.controller().settings().tool());
        put("radius", editor.controller().settings().brushRadius());
        int[] before = pixel(30, 40);
        mouse(MouseEvent.MOUSE_PRESSED, 30, 40, 0, 1);
        mouse(MouseEvent.MOUSE_DRAGGED, 40, 40, 0, 1);
        mouse(MouseEvent.MOUSE_DRAGGED, 50, 40, 0, 1);
        mouse(MouseEvent.MOUSE_RELEASED, 50, 40, 0, 1);
        put("stroke_voxels", count(session, k));
        put("set_30_40", session.annotation().layer(0).get(30, 40, k) == s.labelValue());
        put("undo_steps", session.annotation().undoSteps());
        int[] after = pixel(30, 40);
        put("pixel_before", before[0] + "," + before[1] + "," + before[2]);
        put("pixel_after", after[0] + "," + after[1] + "," + after[2]);
        put("color", Integer.toHexString(s.color()));
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        put("undone_voxels", count(session, k));
        key(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        put("redone_voxels", count(session, k));
        key(KeyEvent.VK_DOWN, 0);
        put("slice_after_down", imp.getCurrentSlice());
        key(KeyEvent.VK_P, 0);
        int k2 = imp.getCurrentSlice() - 1;
        int[][] corners = {{60, 60}, {80, 60}, {80, 70}, {60, 70}};
        for (int[] c : corners) {
            mouse(MouseEvent.MOUSE_PRESSED, c[0], c[1], 0, 1);
            mouse(MouseEvent.MOUSE_RELEASED, c[0], c[1], 0, 1);
        }
        mouse(MouseEvent.MOUSE_PRESSED, 60, 60, 0, 1);
        mouse(MouseEvent.MOUSE_RELEASED, 60, 60, 0, 1);
        put("polygon_slice", k2);
        put("polygon_voxels", count(session, k2));

        // A macro edits the same annotation: its segment appears in the list, its disk on the canvas.
        int[] gray = pixel(100, 100);
        String macro = IJ.runMacro("run(\"Delineate Macro Functions\"); Ext.addSegment(\"Macro segment\"); "
                + "Ext.setBrushRadius(5); Ext.paintDisk(100, 100, " + k2 + "); return \"done\";");
        put("macro", macro);
        onEdt(() -> null);
        put("macro_rows", onEdt(() -> table("segments").getRowCount()));
        put("macro_selected_row", onEdt(() -> table("segments").getSelectedRow()));
        int[] painted = pixel(100, 100);
        put("macro_pixel_changed", !java.util.Arrays.equals(gray, painted));
        onEdt(() -> {
            table("segments").setValueAt(Boolean.FALSE, 1, SegmentTableModel.SHOW);
            return null;
        });
        put("hidden_pixel_gray", java.util.Arrays.equals(gray, pixel(100, 100)));
        put("hidden_segment_visible", session.annotation().segments().get(1).visible());
        key(KeyEvent.VK_L, 0);
        mouse(MouseEvent.MOUSE_PRESSED, 64, 20, 0, 1);
        mouse(MouseEvent.MOUSE_RELEASED, 64, 20, 0, 1);
        put("landmarks", session.annotation().landmarks().size());
        put("landmark_name", session.annotation().landmarks().get(0).name());
        double[] lps = session.annotation().landmarks().get(0).position();
        put("landmark_lps", lps[0] + "," + lps[1] + "," + lps[2]);
        put("landmark_rows", onEdt(() -> table("landmarks").getRowCount()));

        click("Add");
        Segment lesion = onEdt(session::selected);
        put("lesion_segment", lesion.name());
        key(KeyEvent.VK_G, 0);
        onEdt(() -> {
            spinner("low").setValue(80.0);
            spinner("high").setValue(120.0);
            imp.setSlice(seed[2] + 1);
            return null;
        });
        mouse(MouseEvent.MOUSE_PRESSED, seed[0], seed[1], 0, 1);
        mouse(MouseEvent.MOUSE_RELEASED, seed[0], seed[1], 0, 1);
        put("grow_status", editor.statusText());
        click("Measure");
        ResultsTable results = ResultsTable.getResultsTable();
        put("measured_rows", results.size());
        put("measured_segment", results.getStringValue("Segment", 2));
        put("measured_ml", results.getValue("Volume (mL)", 2));

        onEdt(() -> {
            imp.close();
            return null;
        });
        for (int n = 0; n < 50 && (EditorWindow.of(imp) != null || editor.isDisplayable()); n++) {
            Thread.sleep(100);
            onEdt(() -> null);
        }
        put("closed_editor", EditorWindow.of(imp) == null && !editor.isDisplayable());
    }

    private javax.swing.JSpinner spinner(String name) {
        return find(editor.getContentPane(), javax.swing.JSpinner.class, c -> name.equals(c.getName()));
    }

    /**
     * Opens the terminology picker of the selected segment (a modal dialog, so from a later event), searches the
     * types for {@code text}, takes the first and confirms.
     */
    private void pickType(String text) throws Exception {
        SwingUtilities.invokeLater(() -> find(editor.getContentPane(), AbstractButton.class,
                c -> "Terminology...".equals(c.getText())).doClick());
        TerminologyDialog dialog = null;
        for (int n = 0; n < 100 && dialog == null; n++) {
            Thread.sleep(50);
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof TerminologyDialog d && d.isShowing()) {
                    dialog = d;
                }
            }
        }
        TerminologyDialog d = dialog;
        onEdt(() -> {
            find(d.getContentPane(), javax.swing.JTextField.class, f -> "search".equals(f.getName())).setText(text);
            find(d.getContentPane(), javax.swing.JList.class, l -> "types".equals(l.getName())).setSelectedIndex(0);
            find(d.getContentPane(), AbstractButton.class, b -> "OK".equals(b.getText())).doClick();
            return null;
        });
        for (int n = 0; n < 100 && d.isShowing(); n++) {
            Thread.sleep(50);
        }
        onEdt(() -> null);
    }

    /** Image pixel (x, y) of the canvas as painted now: paints the canvas into an image and reads its center. */
    private int[] pixel(int x, int y) throws Exception {
        return onEdt(() -> {
            BufferedImage img = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics g = img.getGraphics();
            canvas.paint(g);
            g.dispose();
            int rgb = img.getRGB(center(canvas.screenX(x)), center(canvas.screenY(y)));
            return new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        });
    }

    private int center(int screenEdge) {
        return screenEdge + (int) (canvas.getMagnification() / 2);
    }

    private void mouse(int id, int x, int y, int modifiers, int clicks) throws Exception {
        onEdt(() -> {
            int button = id == MouseEvent.MOUSE_DRAGGED || id == MouseEvent.MOUSE_PRESSED ? InputEvent.BUTTON1_DOWN_MASK : 0;
            canvas.dispatchEvent(new MouseEvent(canvas, id, System.currentTimeMillis(), modifiers | button,
                    center(canvas.screenX(x)), center(canvas.screenY(y)), clicks, false, MouseEvent.BUTTON1));
            return null;
        });
    }

    private void key(int code, int modifiers) throws Exception {
        onEdt(() -> {
            canvas.dispatchEvent(new KeyEvent(canvas, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, code,
                    KeyEvent.CHAR_UNDEFINED));
            return null;
        });
    }

    private void click(String label) throws Exception {
        onEdt(() -> {
            AbstractButton b = find(editor.getContentPane(), AbstractButton.class, c -> label.equals(c.getText()));
            b.doClick();
            return null;
        });
    }

    private JTable table(String name) {
        return find(editor.getContentPane(), JTable.class, t -> name.equals(t.getName()));
    }

    private static <T extends Component> T find(Container root, Class<T> type, java.util.function.Predicate<T> test) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = find(inner, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int count(AnnotationSession s, int k) {
        short[] plane = s.annotation().layer(0).plane(k);
        int n = 0;
        if (plane != null) {
            for (short v : plane) {
                n += (v & 0xFFFF) == s.selected().labelValue() ? 1 : 0;
            }
        }
        return n;
    }

    private void put(String key, Object value) {
        seen.put(key, String.valueOf(value));
    }

    private static <T> T onEdt(Callable<T> action) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                result[0] = action.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
