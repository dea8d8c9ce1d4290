package org.delineate.plugins.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.delineate.dicom.sample.CtPhantom;
import org.delineate.plugins.SampleGrid;
import org.delineate.plugins.XvfbImageJ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Segment Editor in a real ImageJ under Xvfb, as {@code ./delineate} starts it (the sample study opens in the
 * editor): {@link EditorDriver} clicks buttons, presses keys in the image window and drags the mouse on the canvas;
 * this test checks what it saw against values computed here from the phantom's geometry (2.5 mm voxels and slices)
 * and its lesion (a 15 mm ball of 100 HU in 60 HU liver).
 */
class SegmentEditorXvfbTest {

    @TempDir
    Path tmp;

    @Test
    void paintsUndoesOutlinesFollowsMacrosPlacesLandmarksGrowsAndMeasuresInTheImageJWindow() throws Exception {
        SampleGrid grid = SampleGrid.standard();
        CtPhantom p = grid.phantom();
        double origin = grid.origin();
        double bottom = grid.bottom();
        int[] seed = grid.lesionVoxel();
        Map<String, String> seen = XvfbImageJ.call(tmp, EditorDriver.class, "run", seed[0] + " " + seed[1] + " " + seed[2], 150);
        assertEquals(null, seen.get("failed"), "the session went through: " + seen);
        assertEquals("open", seen.get("editor"), "./delineate opens the sample in the Segment Editor: " + seen);
        assertEquals(SegmentEditorTool.NAME, seen.get("tool"), "the editor's tool is selected in ImageJ's toolbar");
        double mag = Double.parseDouble(seen.get("magnification"));
        assertTrue(mag >= 2, "the 128 x 128 sample is zoomed in for painting: " + mag);
        assertEquals("Segment 1", seen.get("added"));
        assertEquals("Liver", seen.get("segment"), "renamed from the terminology picker's type (search \"liver\")");
        assertEquals("SCT 10200004", seen.get("segment_type"), "Liver, CID 7151 (SNOMED CT 10200004)");
        assertEquals("1", seen.get("table_rows"));
        assertEquals("ERASER", seen.get("after_e"), "E in the image window");
        assertEquals("BRUSH", seen.get("after_b"));

        // The driver clicks the middle screen pixel of image pixel x: voxel x + 0.5 / mag (voxel centers at integers).
        double off = 0.5 / mag;
        double radius = Double.parseDouble(seen.get("radius"));
        int stroke = 0;
        for (int j = 0; j < p.rows(); j++) {
            for (int i = 0; i < p.rows(); i++) {
                double t = Math.max(0, Math.min(1, (i - (30 + off)) / 20.0));
                double dx = (i - (30 + off) - 20 * t) * p.pixelSpacing();
                double dy = (j - (40 + off)) * p.pixelSpacing();
                stroke += dx * dx + dy * dy <= radius * radius ? 1 : 0;
            }
        }
        assertEquals(String.valueOf(stroke), seen.get("stroke_voxels"), "a 5 mm brush dragged from (30, 40) to (50, 40)");
        assertEquals("true", seen.get("set_30_40"));
        assertEquals("3", seen.get("undo_steps"), "adding the segment, coding it, the stroke");
        int[] before = rgb(seen.get("pixel_before"));
        int[] after = rgb(seen.get("pixel_after"));
        int color = Integer.parseInt(seen.get("color"), 16);
        double alpha = Math.round(0.5 * 255) / 255.0;
        for (int c = 0; c < 3; c++) {
            double expected = alpha * (color >> (16 - 8 * c) & 0xFF) + (1 - alpha) * before[c];
            assertEquals(expected, after[c], 2.0, "the canvas shows the segment's color at 50 % over the image: " + seen);
        }
        assertEquals("0", seen.get("undone_voxels"), "Ctrl+Z");
        assertEquals(seen.get("stroke_voxels"), seen.get("redone_voxels"), "Ctrl+Y");
        assertEquals("22", seen.get("slice_after_down"), "Down shows the next slice");
        assertEquals("200", seen.get("polygon_voxels"), "the polygon (60..80, 60..70) + off holds columns 61..80, rows 61..70");
        assertEquals("done", seen.get("macro"));
        assertEquals("2", seen.get("macro_rows"), "a segment added by a macro is listed");
        assertEquals("1", seen.get("macro_selected_row"), "and selected, as the macro selected it");
        assertEquals("true", seen.get("macro_pixel_changed"), "a macro's disk is drawn on the canvas");
        assertEquals("false", seen.get("hidden_segment_visible"), "the Show check box hides the segment");
        assertEquals("true", seen.get("hidden_pixel_gray"), "a hidden segment is not drawn");
        assertEquals("P1", seen.get("landmark_name"));
        assertEquals("1", seen.get("landmark_rows"));
        int k2 = Integer.parseInt(seen.get("polygon_slice"));
        double[] lps = java.util.Arrays.stream(seen.get("landmark_lps").split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(origin + (64 + off) * p.pixelSpacing(), lps[0], 1e-6);
        assertEquals(origin + (20 + off) * p.pixelSpacing(), lps[1], 1e-6);
        assertEquals(bottom + k2 * p.sliceSpacing(), lps[2], 1e-6);
        assertEquals("1", seen.get("distance_rows"), "the Landmarks tab's Measure distances: P1 and P2, one pair");
        assertEquals("P1-P2", seen.get("distance_pair"));
        assertEquals(Math.hypot(100 - 64, 90 - 20) * p.pixelSpacing(), Double.parseDouble(seen.get("distance_mm")), 1e-6,
                "both on one slice, clicked at (64, 20) and (100, 90)");

        assertEquals("Segment 3", seen.get("lesion_segment"));
        assertTrue(seen.get("grow_status").startsWith("Region growing painted"), seen.get("grow_status"));
        assertEquals("3", seen.get("measured_rows"));
        assertEquals("Segment 3", seen.get("measured_segment"));
        double sphere = 4.0 / 3 * Math.PI * Math.pow(CtPhantom.LESION_RADIUS, 3) / 1000;
        assertEquals(sphere, Double.parseDouble(seen.get("measured_ml")), sphere * 0.05,
                "region growing in 80..120 HU from a seed in the lesion takes the lesion (2.5 mm voxels: within 5 %)");
        assertEquals("true", seen.get("editor_after_load"), "Load Annotation: the editor follows the new session");
        assertEquals("true", seen.get("loaded_session"));
        assertEquals("true", seen.get("paints_after_load"), "and the mouse paints in it");
        assertEquals("true", seen.get("closed_editor"), "closing the image closes its editor");
    }

    private static int[] rgb(String s) {
        return java.util.Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
