package org.delineate.annotation.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Test;

/** The overlay: segment colors and opacity, hidden segments, layers composited, partial repaints. */
class OverlayRendererTest {

    private static SegmentDescription d(String label) {
        return SegmentDescription.builder().segmentLabel(label).algorithmType(SegmentAlgorithmType.MANUAL)
                .category(Code.sct("85756007", "Tissue")).type(Code.sct("85756007", "Tissue")).build();
    }

    @Test
    void colorsOpacityLayersAndHiddenSegments() {
        VolumeGeometry g = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {1, 1}, new double[] {0, 0, 1});
        Annotation a = new Annotation(new AnnotationGrid(4, 3, 2, g), null, "t", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Segment red = a.addSegment(d("red"), 0xFF0000, 0);
        Segment green = a.addSegment(d("green"), 0x00FF00, 0);
        Segment blue = a.addSegment(d("blue"), 0x0000FF, a.addLayer());
        a.replaceSegment(a.segment(red.id()).withOpacity(1.0));
        a.replaceSegment(a.segment(blue.id()).withOpacity(128 / 255.0));
        VoxelEdit r = a.edit("brush", red.id());
        r.paint(0, 0, 1);
        r.paint(1, 0, 1);
        r.commit();
        VoxelEdit gr = a.edit("brush", green.id());
        gr.paint(2, 0, 1);
        gr.commit();
        VoxelEdit b = a.edit("brush", blue.id());
        b.paint(1, 0, 1);
        b.paint(3, 2, 1);
        b.commit();
        OverlayRenderer renderer = new OverlayRenderer();
        int[] argb = renderer.render(a, 1, new int[12]);
        assertEquals(0xFFFF0000, argb[0], "opaque red");
        // 128/255 blue over opaque red: alpha 255, red 127, blue 128 (straight-alpha source-over)
        assertEquals(0xFF7F0080, argb[1]);
        assertEquals(0x80 << 24 | 0x00FF00, argb[2], "green at the default opacity 0.5");
        assertEquals(0x800000FF, argb[11], "blue alone");
        assertEquals(0, argb[5], "nothing");
        a.replaceSegment(a.segment(green.id()).withVisible(false));
        argb = renderer.render(a, 1, new int[12]);
        assertEquals(0, argb[2], "a hidden segment is not drawn");
        int[] partial = new int[12];
        java.util.Arrays.fill(partial, 7);
        renderer.render(a, 1, 0, 0, 2, 1, partial);
        assertEquals(0xFFFF0000, partial[0]);
        assertEquals(7, partial[2], "outside the rectangle nothing is touched");
        assertEquals(0, renderer.render(a, 0, new int[12])[0], "an unpainted slice is transparent");
    }
}
