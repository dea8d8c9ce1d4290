package org.delineate.plugins.editor;

import static org.delineate.plugins.editor.EditorUser.onEdt;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;

/**
 * Drives the Segment Editor of the running ImageJ (under Xvfb) the way a user does, through {@link EditorUser}:
 * buttons clicked, keys pressed in the image window, mouse pressed, dragged and released on the canvas. Called from
 * a macro ({@code call("org.delineate.plugins.editor.EditorDriver.run")}) by {@code SegmentEditorXvfbTest}; returns
 * what it saw as {@code key=value} pairs separated by {@code ;}, which the test checks against values it computes
 * itself.
 */
public final class EditorDriver {

    private final ImagePlus imp;
    private final EditorWindow editor;
    private final EditorUser u;
    private final Map<String, String> seen = new LinkedHashMap<>();

    private EditorDriver(ImagePlus imp, EditorWindow editor) {
        this.imp = imp;
        this.editor = editor;
        this.u = new EditorUser(imp);
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
        try {
            d.script(java.util.Arrays.stream(seed.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray());
        } catch (Exception | AssertionError e) {
            d.put("failed", e + " " + java.util.Arrays.toString(e.getStackTrace()) + " log: " + IJ.getLog());
        }
        StringBuilder out = new StringBuilder();
        d.seen.forEach((k, v) -> out.append(k).append('=').append(v).append(';'));
        return out.toString();
    }

    private void script(int[] seed) throws Exception {
        AnnotationSession session = editor.controller().session();
        put("editor", "open");
        put("magnification", imp.getCanvas().getMagnification());
        put("tool", ij.gui.Toolbar.getToolName());
        u.button("Add");
        put("added", onEdt(session::selected).name());
        u.pickType("liver");
        Segment s = onEdt(session::selected);
        put("segment", s.name());
        put("segment_type", s.description().type().schemeDesignator() + " " + s.description().type().value());
        put("table_rows", onEdt(() -> u.table("segments").getRowCount()));
        int k = 20;
        onEdt(() -> {
            imp.setSlice(k + 1);
            return null;
        });
        u.key(KeyEvent.VK_E, 0);
        put("after_e", editor.controller().settings().tool());
        u.key(KeyEvent.VK_B, 0);
        put("after_b", editor.controller().settings().tool());
        put("radius", editor.controller().settings().brushRadius());
        int[] before = u.pixel(30, 40);
        u.mouse(MouseEvent.MOUSE_PRESSED, 30, 40, 0, 1);
        u.mouse(MouseEvent.MOUSE_DRAGGED, 40, 40, 0, 1);
        u.mouse(MouseEvent.MOUSE_DRAGGED, 50, 40, 0, 1);
        u.mouse(MouseEvent.MOUSE_RELEASED, 50, 40, 0, 1);
        put("stroke_voxels", count(session, k));
        put("set_30_40", session.annotation().layer(0).get(30, 40, k) == s.labelValue());
        put("undo_steps", session.annotation().undoSteps());
        int[] after = u.pixel(30, 40);
        put("pixel_before", before[0] + "," + before[1] + "," + before[2]);
        put("pixel_after", after[0] + "," + after[1] + "," + after[2]);
        put("color", Integer.toHexString(s.color()));
        u.key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        put("undone_voxels", count(session, k));
        u.key(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        put("redone_voxels", count(session, k));
        u.key(KeyEvent.VK_DOWN, 0);
        put("slice_after_down", imp.getCurrentSlice());
        u.key(KeyEvent.VK_P, 0);
        int k2 = imp.getCurrentSlice() - 1;
        int[][] corners = {{60, 60}, {80, 60}, {80, 70}, {60, 70}};
        for (int[] c : corners) {
            u.mouse(MouseEvent.MOUSE_PRESSED, c[0], c[1], 0, 1);
            u.mouse(MouseEvent.MOUSE_RELEASED, c[0], c[1], 0, 1);
        }
        u.mouse(MouseEvent.MOUSE_PRESSED, 60, 60, 0, 1);
        u.mouse(MouseEvent.MOUSE_RELEASED, 60, 60, 0, 1);
        put("polygon_slice", k2);
        put("polygon_voxels", count(session, k2));

        // A macro edits the same annotation: its segment appears in the list, its disk on the canvas.
        int[] gray = u.pixel(100, 100);
        String macro = IJ.runMacro("run(\"Delineate Macro Functions\"); Ext.addSegment(\"Macro segment\"); "
                + "Ext.setBrushRadius(5); Ext.paintDisk(100, 100, " + k2 + "); return \"done\";");
        put("macro", macro);
        onEdt(() -> null);
        put("macro_rows", onEdt(() -> u.table("segments").getRowCount()));
        put("macro_selected_row", onEdt(() -> u.table("segments").getSelectedRow()));
        int[] painted = u.pixel(100, 100);
        put("macro_pixel_changed", !java.util.Arrays.equals(gray, painted));
        onEdt(() -> {
            u.table("segments").setValueAt(Boolean.FALSE, 1, SegmentTableModel.SHOW);
            return null;
        });
        put("hidden_pixel_gray", java.util.Arrays.equals(gray, u.pixel(100, 100)));
        put("hidden_segment_visible", session.annotation().segments().get(1).visible());
        u.key(KeyEvent.VK_L, 0);
        u.mouse(MouseEvent.MOUSE_PRESSED, 64, 20, 0, 1);
        u.mouse(MouseEvent.MOUSE_RELEASED, 64, 20, 0, 1);
        put("landmarks", session.annotation().landmarks().size());
        put("landmark_name", session.annotation().landmarks().get(0).name());
        double[] lps = session.annotation().landmarks().get(0).position();
        put("landmark_lps", lps[0] + "," + lps[1] + "," + lps[2]);
        put("landmark_rows", onEdt(() -> u.table("landmarks").getRowCount()));
        u.mouse(MouseEvent.MOUSE_PRESSED, 100, 90, 0, 1);
        u.mouse(MouseEvent.MOUSE_RELEASED, 100, 90, 0, 1);
        u.button("Measure distances");
        ResultsTable distances = ResultsTable.getResultsTable("Landmark distances");
        put("distance_rows", distances == null ? "no table" : distances.size());
        put("distance_pair", distances.getStringValue("Landmark A", 0) + "-" + distances.getStringValue("Landmark B", 0));
        put("distance_mm", distances.getValue("Distance (mm)", 0));

        u.button("Add");
        Segment lesion = onEdt(session::selected);
        put("lesion_segment", lesion.name());
        u.key(KeyEvent.VK_G, 0);
        onEdt(() -> {
            u.spinner("low").setValue(80.0);
            u.spinner("high").setValue(120.0);
            imp.setSlice(seed[2] + 1);
            return null;
        });
        u.mouse(MouseEvent.MOUSE_PRESSED, seed[0], seed[1], 0, 1);
        u.mouse(MouseEvent.MOUSE_RELEASED, seed[0], seed[1], 0, 1);
        put("grow_status", u.status());
        u.button("Measure");
        ResultsTable results = ResultsTable.getResultsTable();
        put("measured_rows", results.size());
        put("measured_segment", results.getStringValue("Segment", 2));
        put("measured_ml", results.getValue("Volume (mL)", 2));

        // Load Annotation replaces the session: the open editor follows, stays the image's editor and paints
        // (regression, found by WorkbenchXvfbTest: the replaced editor's late window-closed event took the image's
        // editor property, so the mouse no longer reached the new one).
        java.nio.file.Path json = java.nio.file.Files.createTempFile("delineate-editor", ".json");
        session.save(json);
        IJ.run(imp, "Load Annotation", "path=[" + json + "]");
        java.nio.file.Files.delete(json);
        onEdt(() -> null);
        EditorWindow follower = EditorWindow.of(imp);
        put("editor_after_load", follower != null && follower != editor && follower.isShowing() && !editor.isDisplayable());
        AnnotationSession loaded = u.session();
        put("loaded_session", loaded != session && loaded.annotation().segments().size() == 3);
        onEdt(() -> {
            u.table("segments").setRowSelectionInterval(0, 0);
            return null;
        });
        u.key(KeyEvent.VK_B, 0);
        int drawn = count(loaded, u.slice());
        u.click(20, 100);
        put("paints_after_load", count(loaded, u.slice()) > drawn);

        onEdt(() -> {
            imp.close();
            return null;
        });
        for (int n = 0; n < 50 && (EditorWindow.of(imp) != null || follower.isDisplayable()); n++) {
            Thread.sleep(100);
            onEdt(() -> null);
        }
        put("closed_editor", EditorWindow.of(imp) == null && !follower.isDisplayable());
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
        seen.put(key, String.valueOf(value).replace(';', ','));
    }
}
