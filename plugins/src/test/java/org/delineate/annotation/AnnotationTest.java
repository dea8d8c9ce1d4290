package org.delineate.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.edit.Brush;
import org.delineate.annotation.edit.PolygonFill;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Test;

/** The Segment Editor's model: segments, layers, painting, undo, landmarks, the edit log. */
class AnnotationTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    static Annotation annotation(int columns, int rows, int slices, double spacing, double sliceSpacing) {
        VolumeGeometry g = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {spacing, spacing}, new double[] {0, 0, sliceSpacing});
        return new Annotation(new AnnotationGrid(columns, rows, slices, g), null, "tester", CLOCK);
    }

    static SegmentDescription description(String label) {
        return SegmentDescription.builder().segmentLabel(label).algorithmType(SegmentAlgorithmType.MANUAL)
                .category(Code.sct("49755003", "Morphologically Altered Structure"))
                .type(Code.sct("108369006", "Neoplasm")).build();
    }

    private static List<short[]> snapshot(LabelLayer layer) {
        List<short[]> copy = new ArrayList<>();
        for (int k = 0; k < layer.slices(); k++) {
            copy.add(layer.plane(k) == null ? new short[layer.columns() * layer.rows()] : layer.plane(k).clone());
        }
        return copy;
    }

    private static void assertLayer(List<short[]> expected, LabelLayer layer) {
        for (int k = 0; k < layer.slices(); k++) {
            short[] actual = layer.plane(k) == null ? new short[layer.columns() * layer.rows()] : layer.plane(k);
            assertArrayEquals(expected.get(k), actual, "slice " + k);
        }
    }

    @Test
    void aDiskCoversTheAreaOfItsRadiusInMm() {
        Annotation a = annotation(200, 200, 3, 0.5, 2);
        Segment tumor = a.addSegment(description("tumor"), 0xFF0000, 0);
        VoxelEdit edit = a.edit("brush", tumor.id());
        int painted = new Brush(a.grid()).disk(edit, 100, 100, 1, 20, true);
        assertArrayEquals(new int[] {1}, edit.commit());
        double area = painted * 0.5 * 0.5;
        assertEquals(Math.PI * 400, area, Math.PI * 400 * 0.01, "disk of 20 mm at 0.5 mm pixels");
        assertEquals(painted, a.layer(0).count(tumor.labelValue()));
        assertTrue(a.layer(0).isEmpty(0) && a.layer(0).isEmpty(2));
    }

    @Test
    void aSphereHasTheVolumeOfItsRadius() {
        Annotation a = annotation(64, 64, 40, 1, 1.5);
        Segment s = a.addSegment(description("ball"), 0x00FF00, 0);
        VoxelEdit edit = a.edit("sphere brush", s.id());
        int voxels = new Brush(a.grid()).sphere(edit, 32, 32, 20, 15, true);
        edit.commit();
        double volume = voxels * a.grid().voxelVolume();
        assertEquals(4.0 / 3 * Math.PI * Math.pow(15, 3), volume, 0.02 * 4.0 / 3 * Math.PI * Math.pow(15, 3));
    }

    @Test
    void aStrokeHasNoGapsAndCoversTheCapsule() {
        Annotation a = annotation(100, 100, 1, 1, 1);
        Segment s = a.addSegment(description("line"), 0x0000FF, 0);
        VoxelEdit edit = a.edit("brush", s.id());
        int painted = new Brush(a.grid()).stroke(edit, 10, 50.5, 90, 50.5, 0, 10.3, true);
        edit.commit();
        double capsule = 80 * 20.6 + Math.PI * 10.3 * 10.3;
        assertEquals(capsule, painted, capsule * 0.05);
        for (int i = 10; i <= 90; i++) {
            assertEquals(s.labelValue(), a.layer(0).get(i, 50, 0), "on the line at i = " + i);
            assertEquals(s.labelValue(), a.layer(0).get(i, 41, 0), "10 rows off the line at i = " + i);
            assertEquals(0, a.layer(0).get(i, 39, 0), "beyond the radius at i = " + i);
        }
    }

    @Test
    void polygonFillsVoxelCentersInside() {
        Annotation a = annotation(50, 50, 2, 1, 1);
        Segment s = a.addSegment(description("box"), 0xFFFF00, 0);
        VoxelEdit edit = a.edit("polygon", s.id());
        assertEquals(11 * 6, PolygonFill.fill(edit, new double[] {9.5, 20.5, 20.5, 9.5}, new double[] {4.5, 4.5, 10.5, 10.5}, 1, true));
        edit.commit();
        assertEquals(s.labelValue(), a.layer(0).get(10, 5, 1));
        assertEquals(0, a.layer(0).get(9, 5, 1));
        VoxelEdit triangle = a.edit("polygon", s.id());
        int n = PolygonFill.fill(triangle, new double[] {0, 40, 0}, new double[] {20, 20, 49}, 0, true);
        triangle.commit();
        assertEquals(0.5 * 40 * 29, n, 40, "about the triangle's area");
        VoxelEdit subtract = a.edit("polygon", s.id());
        PolygonFill.fill(subtract, new double[] {9.5, 15.5, 15.5, 9.5}, new double[] {4.5, 4.5, 10.5, 10.5}, 1, false);
        subtract.commit();
        assertEquals(5 * 6, a.layer(0).count(s.labelValue()) - n);
    }

    @Test
    void undoAndRedoRestoreEveryVoxelAndKeepOnlyWhatChanged() {
        Annotation a = annotation(512, 512, 5, 0.7, 1);
        Segment s1 = a.addSegment(description("one"), 0xFF0000, 0);
        Segment s2 = a.addSegment(description("two"), 0x00FF00, 0);
        Brush brush = new Brush(a.grid());
        List<List<short[]>> states = new ArrayList<>();
        states.add(snapshot(a.layer(0)));
        long before = a.historyBytes();
        for (int step = 0; step < 6; step++) {
            VoxelEdit e = a.edit("brush", step % 2 == 0 ? s1.id() : s2.id());
            brush.stroke(e, 100 + 20 * step, 200, 160 + 20 * step, 240, step % 5, 8, true);
            e.commit();
            states.add(snapshot(a.layer(0)));
        }
        long perStroke = (a.historyBytes() - before) / 6;
        assertTrue(perStroke < 0.05 * 512 * 512 * 2, "a stroke keeps " + perStroke + " bytes, under 5 % of a slice copy");
        for (int step = 6; step > 0; step--) {
            assertTrue(a.undo());
            assertLayer(states.get(step - 1), a.layer(0));
        }
        assertTrue(a.undo(), "the segments' creation is undone too");
        assertTrue(a.undo());
        assertFalse(a.undo());
        assertEquals(List.of(), a.segments());
        while (a.redo()) {
            // all the way forward
        }
        assertLayer(states.get(6), a.layer(0));
        assertEquals(2, a.segments().size());
    }

    @Test
    void paintingReplacesOtherSegmentsOfTheLayerButNotLockedOnesOrOtherLayers() {
        Annotation a = annotation(40, 40, 1, 1, 1);
        Segment liver = a.addSegment(description("liver"), 0x884400, 0);
        Segment lesion = a.addSegment(description("lesion"), 0xFF0000, 0);
        int second = a.addLayer();
        Segment vessel = a.addSegment(description("vessel"), 0x0000FF, second);
        Brush brush = new Brush(a.grid());
        VoxelEdit e = a.edit("brush", liver.id());
        brush.disk(e, 20, 20, 0, 10, true);
        e.commit();
        VoxelEdit v = a.edit("brush", vessel.id());
        brush.disk(v, 20, 20, 0, 3, true);
        v.commit();
        a.replaceSegment(a.segment(liver.id()).withLocked(true));
        VoxelEdit l = a.edit("brush", lesion.id());
        assertEquals(0, brush.disk(l, 20, 20, 0, 4, true), "the locked liver is kept");
        brush.disk(l, 35, 35, 0, 2, true);
        l.commit();
        assertEquals(liver.labelValue(), a.layer(0).get(20, 20, 0));
        assertEquals(vessel.labelValue(), a.layer(second).get(20, 20, 0), "segments of another layer overlap");
        assertThrows(IllegalStateException.class, () -> a.edit("brush", liver.id()));
        a.replaceSegment(a.segment(liver.id()).withLocked(false));
        VoxelEdit over = a.edit("brush", lesion.id());
        assertTrue(brush.disk(over, 20, 20, 0, 4, true) > 0);
        over.commit();
        assertEquals(lesion.labelValue(), a.layer(0).get(20, 20, 0));
    }

    @Test
    void removingASegmentClearsItsVoxelsAndUndoBringsThemBack() {
        Annotation a = annotation(30, 30, 3, 1, 1);
        Segment s = a.addSegment(description("gone"), 0x123456, 0);
        VoxelEdit e = a.edit("sphere brush", s.id());
        int n = new Brush(a.grid()).sphere(e, 15, 15, 1, 5, true);
        e.commit();
        List<short[]> painted = snapshot(a.layer(0));
        a.removeSegment(s.id());
        assertNull(a.segment(s.id()));
        assertEquals(0, a.layer(0).count(s.labelValue()));
        a.undo();
        assertEquals(n, a.layer(0).count(s.labelValue()));
        assertLayer(painted, a.layer(0));
        assertEquals("gone", a.segment(s.id()).name());
    }

    @Test
    void landmarksAndTheEditLog() {
        Annotation a = annotation(10, 10, 10, 1, 1);
        List<String> heard = new ArrayList<>();
        a.addListener(new AnnotationListener() {
            @Override
            public void landmarksChanged() {
                heard.add("landmarks");
            }

            @Override
            public void voxelsChanged(int[] slices) {
                heard.add("voxels " + java.util.Arrays.toString(slices));
            }
        });
        Landmark tip = a.addLandmark("tip", null, new double[] {1, 2, 3});
        a.replaceLandmark(tip.withPosition(new double[] {4, 5, 6}));
        assertArrayEquals(new double[] {4, 5, 6}, a.landmarks().get(0).position());
        a.undo();
        assertArrayEquals(new double[] {1, 2, 3}, a.landmarks().get(0).position());
        Segment s = a.addSegment(description("s"), 0, 0);
        VoxelEdit e = a.edit("brush", s.id());
        e.paint(1, 1, 7);
        e.commit();
        assertEquals(List.of("landmarks", "landmarks", "landmarks", "voxels [7]"), heard);
        List<EditRecord> log = a.log();
        assertEquals(List.of("add landmark", "change landmark", "undo", "add segment", "brush"),
                log.stream().map(EditRecord::tool).toList());
        assertArrayEquals(new int[] {7}, log.get(4).slices());
        assertEquals("tester", log.get(4).user());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), log.get(4).time());
    }
}
