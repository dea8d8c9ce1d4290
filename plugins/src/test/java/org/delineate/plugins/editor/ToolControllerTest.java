package org.delineate.plugins.editor;

import static org.delineate.plugins.editor.EditorFixtures.SPACING;
import static org.delineate.plugins.editor.EditorFixtures.count;
import static org.delineate.plugins.editor.EditorFixtures.isSet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Landmark;
import org.delineate.annotation.LandmarkTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mouse events in screen coordinates of a canvas (at a zoom and scroll position) become model edits: brush,
 * eraser, sphere, polygon, region growing and landmarks, undo and redo, shortcuts; all without a display. Expected
 * voxel counts are counted here from the geometry (0.8 mm pixels, 2 mm slices).
 */
class ToolControllerTest {

    private AnnotationSession session;
    private EditorSettings settings;
    private EditorFixtures.RecordingView view;
    private ToolController controller;
    /** Canvas at 100 %, scrolled to the image's top-left corner: screen pixel = voxel. */
    private final ViewTransform plain = new ViewTransform(0, 0, 1);

    @BeforeEach
    void setUp() {
        session = EditorFixtures.session();
        settings = new EditorSettings(session, 400, 600);
        view = new EditorFixtures.RecordingView();
        controller = new ToolController(session, settings, new LandmarkNaming(), view);
    }

    private Pointer at(ViewTransform v, int sx, int sy, int slice) {
        return Pointer.at(sx, sy, v, slice, false, 1);
    }

    private Pointer alt(ViewTransform v, int sx, int sy, int slice) {
        return Pointer.at(sx, sy, v, slice, true, 1);
    }

    /** Voxel centers of slice k within r mm of the segment (x0, y0)-(x1, y1), in voxel coordinates. */
    private static int capsule(double x0, double y0, double x1, double y1, double r) {
        int n = 0;
        for (int j = 0; j < EditorFixtures.ROWS; j++) {
            for (int i = 0; i < EditorFixtures.COLUMNS; i++) {
                double dx = x1 - x0;
                double dy = y1 - y0;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((i - x0) * dx + (j - y0) * dy) / len2));
                double ex = (i - x0 - t * dx) * SPACING;
                double ey = (j - y0 - t * dy) * SPACING;
                n += ex * ex + ey * ey <= r * r ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aBrushStrokeIsOneUndoStepWithItsRectanglesRepainted() {
        session.addSegment("Liver");
        settings.setBrushRadius(2);
        int steps = session.annotation().undoSteps();
        controller.press(at(plain, 10, 10, 2));
        assertEquals(capsule(10, 10, 10, 10, 2), count(session, 2), "a press paints the disk");
        controller.drag(at(plain, 20, 12, 2));
        controller.drag(at(plain, 30, 12, 2));
        controller.release(at(plain, 30, 12, 2));
        int painted = count(session, 2);
        int expected = 0;
        for (int j = 0; j < EditorFixtures.ROWS; j++) {
            for (int i = 0; i < EditorFixtures.COLUMNS; i++) {
                boolean a = capsule1(i, j, 10, 10, 20, 12, 2) || capsule1(i, j, 20, 12, 30, 12, 2);
                expected += a ? 1 : 0;
            }
        }
        assertEquals(expected, painted);
        assertEquals(steps + 1, session.annotation().undoSteps(), "the whole stroke is one step");
        assertEquals(3, view.painted.size(), "each part of the stroke is repainted as it is painted");
        assertTrue(view.painted.get(1).contains(10, 10) && view.painted.get(1).contains(20, 12), view.painted.toString());
        assertEquals("2:null", view.expected.get(view.expected.size() - 1), "the expectation is dropped after the commit");
        assertTrue(view.expected.get(0).startsWith("2:"), "the commit's change is announced with the stroke's bounds");
        controller.command(EditorCommand.UNDO, 2);
        assertEquals(0, count(session, 2));
        controller.command(EditorCommand.REDO, 2);
        assertEquals(painted, count(session, 2));
        assertEquals(java.util.List.of(), view.errors);
    }

    private static boolean capsule1(int i, int j, double x0, double y0, double x1, double y1, double r) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((i - x0) * dx + (j - y0) * dy) / (dx * dx + dy * dy)));
        double ex = (i - x0 - t * dx) * SPACING;
        double ey = (j - y0 - t * dy) * SPACING;
        return ex * ex + ey * ey <= r * r;
    }

    @Test
    void zoomAndScrollAreTakenIntoAccount() {
        session.addSegment("Liver");
        settings.setBrushRadius(0.5);
        ViewTransform zoomed = new ViewTransform(30, 20, 4);
        // screen (10, 6) at 400 % from (30, 20): image point (32.5, 21.5), voxel (32, 21)
        controller.press(at(zoomed, 10, 6, 0));
        controller.release(at(zoomed, 10, 6, 0));
        assertTrue(isSet(session, 32, 21, 0));
        assertEquals(1, count(session, 0), "0.5 mm reaches only the center voxel of 0.8 mm pixels");
    }

    @Test
    void eraserAndAltEraseTheSegmentOnly() {
        session.addSegment("Liver");
        settings.setBrushRadius(3);
        controller.press(at(plain, 30, 20, 4));
        controller.release(at(plain, 30, 20, 4));
        int disk = count(session, 4);
        settings.setBrushRadius(1);
        controller.press(alt(plain, 30, 20, 4));
        controller.release(alt(plain, 30, 20, 4));
        assertEquals(disk - capsule(30, 20, 30, 20, 1), count(session, 4), "Alt erases with the brush");
        controller.command(EditorCommand.ERASER, 4);
        assertEquals(EditorTool.ERASER, settings.tool());
        settings.setBrushRadius(5);
        controller.press(at(plain, 30, 20, 4));
        controller.release(at(plain, 30, 20, 4));
        assertEquals(0, count(session, 4));
    }

    @Test
    void theSphereBrushPaintsABallAcrossSlices() {
        session.addSegment("Liver");
        settings.setTool(EditorTool.SPHERE);
        settings.setBrushRadius(4.5);
        controller.press(at(plain, 32, 24, 5));
        controller.release(at(plain, 32, 24, 5));
        int total = 0;
        int expected = 0;
        for (int k = 0; k < EditorFixtures.SLICES; k++) {
            total += count(session, k);
            double dz = (k - 5) * EditorFixtures.SLICE_SPACING;
            expected += dz * dz <= 4.5 * 4.5 ? capsule(32, 24, 32, 24, Math.sqrt(4.5 * 4.5 - dz * dz)) : 0;
        }
        assertEquals(expected, total);
        assertTrue(count(session, 3) > 0 && count(session, 7) > 0 && count(session, 2) == 0 && count(session, 8) == 0);
        settings.setSubtract(true);
        controller.press(at(plain, 32, 24, 5));
        controller.release(at(plain, 32, 24, 5));
        assertEquals(0, count(session, 5) + count(session, 4) + count(session, 6), "subtracting, the sphere erases");
    }

    @Test
    void aClickedPolygonIsFilledAndAnAltPolygonSubtracted() {
        session.addSegment("Liver");
        settings.setTool(EditorTool.POLYGON);
        ViewTransform zoomed = new ViewTransform(0, 0, 2);
        // screen s at 200 % is voxel s / 2 - 0.25: 19 -> 9.25, 41 -> 20.25, 33 -> 16.25
        controller.press(at(zoomed, 19, 19, 1));
        controller.release(at(zoomed, 19, 19, 1));
        controller.press(at(zoomed, 41, 19, 1));
        controller.press(at(zoomed, 41, 33, 1));
        controller.move(at(zoomed, 30, 40, 1));
        assertEquals(4, controller.outline(1).size(), "3 vertices and the rubber band");
        controller.press(at(zoomed, 19, 33, 1));
        assertEquals(0, count(session, 1), "nothing is filled before the outline is closed");
        controller.press(at(zoomed, 21, 20, 1));
        assertEquals(11 * 7, count(session, 1), "columns 10..20, rows 10..16");
        assertEquals(0, controller.outline(1).size());
        // Alt at the first vertex subtracts columns 12..16, rows 12..15; a double click closes
        controller.press(alt(zoomed, 23, 23, 1));
        controller.press(at(zoomed, 33, 23, 1));
        controller.press(at(zoomed, 33, 31, 1));
        controller.press(at(zoomed, 23, 31, 1));
        controller.press(Pointer.at(23, 31, zoomed, 1, false, 2));
        assertEquals(11 * 7 - 5 * 4, count(session, 1));
        assertEquals(java.util.List.of(), view.errors);
    }

    @Test
    void aDraggedOutlineIsClosedOnReleaseAndEscapeDropsAnOutline() {
        session.addSegment("Liver");
        controller.select(EditorTool.POLYGON);
        controller.press(at(plain, 10, 10, 0));
        for (int x = 11; x <= 20; x++) {
            controller.drag(at(plain, x, 10, 0));
        }
        for (int y = 11; y <= 20; y++) {
            controller.drag(at(plain, 20, y, 0));
        }
        controller.release(at(plain, 20, 20, 0));
        // the triangle (10,10) (20,10) (20,20): centers strictly inside or on it, by the even-odd rule
        int n = count(session, 0);
        assertTrue(n >= 45 && n <= 66, "about half of an 11 x 11 square: " + n);
        assertTrue(isSet(session, 18, 12, 0) && !isSet(session, 12, 18, 0));
        controller.press(at(plain, 40, 30, 0));
        controller.press(at(plain, 50, 30, 0));
        controller.press(at(plain, 50, 40, 0));
        assertTrue(controller.command(EditorCommand.CANCEL, 0));
        assertFalse(controller.command(EditorCommand.CLOSE_POLYGON, 0), "Enter has nothing to close: left to ImageJ");
        assertFalse(controller.command(EditorCommand.CANCEL, 0), "Escape has nothing to drop: left to ImageJ");
        assertEquals(n, count(session, 0), "Escape dropped the outline");
        controller.press(at(plain, 40, 30, 0));
        controller.press(at(plain, 50, 30, 0));
        controller.press(at(plain, 50, 40, 0));
        controller.command(EditorCommand.CLOSE_POLYGON, 0);
        assertTrue(count(session, 0) > n, "Enter closed the outline");
    }

    @Test
    void regionGrowingFillsTheBoxAndRefusesLeaks() {
        session.addSegment("Liver");
        controller.select(EditorTool.REGION_GROWING);
        controller.press(at(plain, 30, 20, 4));
        int total = 0;
        for (int k = 0; k < EditorFixtures.SLICES; k++) {
            total += count(session, k);
        }
        assertEquals(20 * 20 * 4, total, "the bright box, 20 x 20 voxels on 4 slices");
        assertTrue(view.statuses.get(view.statuses.size() - 1).contains("1600 voxels"), view.statuses.toString());
        session.annotation().undo();
        controller.press(at(plain, 5, 5, 4));
        assertTrue(view.errors.get(0).contains("the seed's value 0.0 is outside the range 400.0 to 600.0"), view.errors.toString());
        settings.setRange(-10, 600);
        settings.setMaxRegionVoxels(5000);
        controller.press(at(plain, 5, 5, 4));
        assertTrue(view.errors.get(1).contains("leaks"), view.errors.toString());
        assertEquals(0, count(session, 4), "a leaking region is not painted");
    }

    @Test
    void paintingLimitedToTheRangeStaysInTheBox() {
        session.addSegment("Liver");
        settings.setLimitedToRange(true);
        assertTrue(settings.limitedToRange());
        settings.setBrushRadius(8);
        controller.press(at(plain, EditorFixtures.BOX_I0, EditorFixtures.BOX_J0, 4));
        controller.release(at(plain, EditorFixtures.BOX_I0, EditorFixtures.BOX_J0, 4));
        assertTrue(isSet(session, EditorFixtures.BOX_I0, EditorFixtures.BOX_J0, 4));
        assertFalse(isSet(session, EditorFixtures.BOX_I0 - 1, EditorFixtures.BOX_J0, 4), "outside the box is below 400");
        int inBox = capsuleInBox(EditorFixtures.BOX_I0, EditorFixtures.BOX_J0, 8);
        assertEquals(inBox, count(session, 4));
        settings.setLimitedToRange(false);
        assertNull(session.intensityRange());
    }

    private static int capsuleInBox(int x, int y, double r) {
        int n = 0;
        for (int j = EditorFixtures.BOX_J0; j <= EditorFixtures.BOX_J1; j++) {
            for (int i = EditorFixtures.BOX_I0; i <= EditorFixtures.BOX_I1; i++) {
                double dx = (i - x) * SPACING;
                double dy = (j - y) * SPACING;
                n += dx * dx + dy * dy <= r * r ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void landmarksArePlacedFromATemplateMovedAndDeleted() {
        LandmarkTemplate axes = LandmarkTemplates.shipped().stream().filter(t -> t.name().equals("Lesion axes")).findFirst()
                .orElseThrow();
        controller.naming().setTemplate(axes);
        controller.select(EditorTool.LANDMARK);
        ViewTransform zoomed = new ViewTransform(0, 0, 2);
        controller.press(at(zoomed, 21, 41, 3));
        controller.release(at(zoomed, 21, 41, 3));
        Landmark first = session.annotation().landmarks().get(0);
        assertEquals("Long axis start", first.name());
        // screen 21 at 200 % is voxel 10.25; voxel (10.25, 20.25, 3) in patient coordinates
        assertArrayEquals(new double[] {-20 + 10.25 * SPACING, -10 + 20.25 * SPACING, 30 + 3 * 2}, first.position(), 1e-9);
        assertTrue(view.statuses.get(view.statuses.size() - 1).contains("Next point: Long axis end"), view.statuses.toString());
        controller.press(at(zoomed, 61, 41, 3));
        assertEquals("Long axis end", session.annotation().landmarks().get(1).name());
        // press within 8 screen pixels of the first, drag, release: moved as one step
        int steps = session.annotation().undoSteps();
        controller.press(at(zoomed, 24, 44, 3));
        controller.drag(at(zoomed, 30, 50, 3));
        assertEquals("Long axis start", controller.movingLandmark().name());
        controller.release(at(zoomed, 41, 61, 3));
        assertEquals(steps + 1, session.annotation().undoSteps());
        assertArrayEquals(new double[] {-20 + 20.25 * SPACING, -10 + 30.25 * SPACING, 36}, session.annotation().landmarks().get(0).position(), 1e-9);
        assertEquals(2, session.annotation().landmarks().size());
        controller.press(alt(zoomed, 61, 41, 4));
        assertEquals(2, session.annotation().landmarks().size(), "a landmark of another slice is not hit");
        assertEquals("No landmark here to delete", view.statuses.get(view.statuses.size() - 1));
        controller.press(alt(zoomed, 61, 41, 3));
        assertEquals(java.util.List.of("Long axis start"), session.annotation().landmarks().stream().map(Landmark::name).toList());
        controller.naming().setTemplate(null);
        controller.naming().setTyped("Apex");
        controller.press(at(zoomed, 1, 1, 0));
        controller.press(at(zoomed, 81, 1, 0));
        assertEquals(java.util.List.of("Long axis start", "Apex", "P1"),
                session.annotation().landmarks().stream().map(Landmark::name).toList());
    }

    @Test
    void shortcutsChangeTheBrushTheSliceAndTheTool() {
        settings.setBrushRadius(2);
        controller.command(EditorCommand.LARGER_BRUSH, 0);
        assertEquals(2.5, settings.brushRadius(), 1e-12);
        controller.command(EditorCommand.SMALLER_BRUSH, 0);
        controller.command(EditorCommand.SMALLER_BRUSH, 0);
        assertEquals(1.6, settings.brushRadius(), 1e-12);
        controller.command(EditorCommand.NEXT_SLICE, 3);
        controller.command(EditorCommand.PREVIOUS_SLICE, 3);
        controller.command(EditorCommand.NEXT_SLICE, EditorFixtures.SLICES - 1);
        controller.command(EditorCommand.PREVIOUS_SLICE, 0);
        assertEquals(java.util.List.of(4, 2), view.shown, "no slice beyond the ends");
        controller.command(EditorCommand.POLYGON, 0);
        assertEquals(EditorTool.POLYGON, settings.tool());
        controller.command(EditorCommand.UNDO, 0);
        assertEquals("Nothing to undo", view.statuses.get(view.statuses.size() - 1));
    }

    @Test
    void withoutASegmentOrOnALockedOneToolsReportInsteadOfThrowing() {
        controller.press(at(plain, 10, 10, 0));
        controller.release(at(plain, 10, 10, 0));
        assertTrue(view.errors.get(0).contains("no segment is selected"), view.errors.toString());
        var liver = session.addSegment("Liver");
        new SegmentList(session).setLocked(liver.id(), true);
        controller.press(at(plain, 10, 10, 0));
        controller.drag(at(plain, 12, 10, 0));
        controller.release(at(plain, 12, 10, 0));
        assertTrue(view.errors.get(1).contains("is locked"), view.errors.toString());
        controller.select(EditorTool.POLYGON);
        session.select(null);
        controller.press(at(plain, 10, 10, 0));
        assertTrue(view.errors.get(2).contains("no segment is selected"), view.errors.toString());
    }
}
