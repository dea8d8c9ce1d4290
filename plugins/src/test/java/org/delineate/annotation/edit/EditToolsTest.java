package org.delineate.annotation.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Test;

/** The Segment Editor's tools on synthetic shapes whose right answer is known. */
class EditToolsTest {

    private static Annotation annotation(int columns, int rows, int slices, double spacing, double sliceSpacing) {
        VolumeGeometry g = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {spacing, spacing}, new double[] {0, 0, sliceSpacing});
        return new Annotation(new AnnotationGrid(columns, rows, slices, g), null, "t",
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private static Segment segment(Annotation a) {
        return a.addSegment(SegmentDescription.builder().segmentLabel("s").algorithmType(SegmentAlgorithmType.MANUAL)
                .category(Code.sct("85756007", "Tissue")).type(Code.sct("85756007", "Tissue")).build(), 0xFF0000, 0);
    }

    @Test
    void distanceTransformIsExactAgainstBruteForce() {
        Random random = new Random(7);
        int[] size = {23, 17, 5};
        double[] spacing = {0.7, 1.3, 2.5};
        boolean[] feature = new boolean[23 * 17 * 5];
        for (int n = 0; n < 12; n++) {
            feature[random.nextInt(feature.length)] = true;
        }
        float[] d = DistanceTransform.squared(feature, size, spacing);
        for (int n = 0; n < feature.length; n++) {
            double best = Double.MAX_VALUE;
            for (int m = 0; m < feature.length; m++) {
                if (feature[m]) {
                    double dx = (n % 23 - m % 23) * spacing[0];
                    double dy = ((n / 23) % 17 - (m / 23) % 17) * spacing[1];
                    double dz = (n / (23 * 17) - m / (23 * 17)) * spacing[2];
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            assertEquals(best, d[n], 1e-3 * Math.max(1, best), "voxel " + n);
        }
    }

    @Test
    void holesInsideAreFilledOpeningsToTheBorderAreNot() {
        Annotation a = annotation(40, 40, 2, 1, 1);
        Segment s = segment(a);
        Brush brush = new Brush(a.grid());
        VoxelEdit ring = a.edit("brush", s.id());
        brush.disk(ring, 20, 20, 0, 10, true);
        brush.disk(ring, 20, 20, 0, 5, false);
        brush.disk(ring, 20, 20, 1, 10, true);
        brush.stroke(ring, 20, 20, 20, 0, 1, 2, false);
        ring.commit();
        long ringVoxels = a.layer(0).count(s.labelValue());
        VoxelEdit fill = a.edit("fill holes", s.id());
        int added = HoleFilling.fill(fill, 0, 1);
        fill.commit();
        assertTrue(added > 60, "the disk's hole of radius 5 is filled: " + added);
        assertEquals(s.labelValue(), a.layer(0).get(20, 20, 0));
        assertEquals(0, a.layer(0).get(20, 20, 1), "the slit to the border leaves slice 1 open");
        assertEquals(ringVoxels + added, a.layer(0).count(s.labelValue()));
    }

    @Test
    void smallIslandsGoTheLargestStays() {
        Annotation a = annotation(60, 60, 30, 1, 1);
        Segment s = segment(a);
        Brush brush = new Brush(a.grid());
        VoxelEdit e = a.edit("sphere brush", s.id());
        int big = brush.sphere(e, 20, 20, 15, 8, true);
        int small = brush.sphere(e, 45, 45, 15, 2, true);
        e.paint(5, 50, 3);
        e.commit();
        assertEquals(3, IslandRemoval.islands(a.layer(0), s.labelValue()).size());
        VoxelEdit remove = a.edit("islands", s.id());
        assertEquals(1, IslandRemoval.removeSmallerThan(remove, 2));
        remove.commit();
        assertEquals(big + small, a.layer(0).count(s.labelValue()));
        VoxelEdit keep = a.edit("islands", s.id());
        assertEquals(small, IslandRemoval.keepLargest(keep));
        keep.commit();
        assertEquals(big, a.layer(0).count(s.labelValue()));
    }

    @Test
    void regionGrowingStaysInsideTheAcceptedConnectedRegion() {
        Annotation a = annotation(30, 30, 10, 1, 1);
        Segment s = segment(a);
        // two boxes of "tissue", touching nowhere
        var accepted = (org.delineate.annotation.VoxelFilter) (i, j, k) -> (i >= 2 && i <= 10 && j >= 2 && j <= 12 && k >= 1 && k <= 4)
                || (i >= 20 && i <= 25 && j >= 20 && j <= 25);
        VoxelEdit e = a.edit("region growing", s.id());
        assertEquals(9 * 11 * 4, RegionGrowing.grow(e, 5, 5, 2, accepted, Long.MAX_VALUE));
        e.commit();
        assertEquals(9 * 11 * 4, a.layer(0).count(s.labelValue()));
        assertEquals(0, a.layer(0).get(22, 22, 2));
        VoxelEdit none = a.edit("region growing", s.id());
        assertEquals(0, RegionGrowing.grow(none, 15, 15, 2, accepted, Long.MAX_VALUE), "a seed outside the range grows nothing");
        none.cancel();
        VoxelEdit capped = a.edit("region growing", s.id());
        assertEquals(100, RegionGrowing.grow(capped, 22, 22, 5, accepted, 100));
        capped.cancel();
    }

    @Test
    void fillBetweenSlicesMorphsOneDiskIntoAnother() {
        Annotation a = annotation(100, 100, 11, 1, 2);
        Segment s = segment(a);
        Brush brush = new Brush(a.grid());
        VoxelEdit e = a.edit("brush", s.id());
        brush.disk(e, 40, 50, 0, 10, true);
        brush.disk(e, 60, 50, 10, 20, true);
        e.commit();
        VoxelEdit fill = a.edit("fill between slices", s.id());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, SliceInterpolation.fillBetween(fill, a.grid()));
        fill.commit();
        double area = 0;
        double centerI = 0;
        for (int j = 0; j < 100; j++) {
            for (int i = 0; i < 100; i++) {
                if (a.layer(0).get(i, j, 5) == s.labelValue()) {
                    area++;
                    centerI += i;
                }
            }
        }
        // NB: halfway, the blend of |p - c0| - 10 and |p - c1| - 20 is <= 0 inside the ellipse with foci c0 and
        // c1 (20 mm apart) whose distances sum to 30 mm: semi-axes 15 and sqrt(15² - 10²).
        double ellipse = Math.PI * 15 * Math.sqrt(15 * 15 - 10 * 10);
        assertEquals(ellipse, area, ellipse * 0.03, "halfway, the shape-based blend");
        assertEquals(50, centerI / area, 1, "and so is the center");
    }

    @Test
    void smoothingClosesCracksOpensSpikesAndMedianDropsSpeckles() {
        Annotation a = annotation(60, 60, 20, 1, 1);
        Segment s = segment(a);
        Brush brush = new Brush(a.grid());
        VoxelEdit e = a.edit("sphere brush", s.id());
        brush.sphere(e, 30, 30, 10, 10, true);
        for (int i = 20; i <= 40; i++) {
            e.erase(i, 30, 10); // a crack one voxel wide
        }
        for (int i = 41; i <= 55; i++) {
            e.paint(i, 20, 10); // a spike one voxel thick
        }
        e.paint(5, 5, 5); // a speckle
        e.commit();
        VoxelEdit close = a.edit("smoothing", s.id());
        Smoothing.smooth(close, a.grid(), Smoothing.Method.CLOSING, 2);
        close.commit();
        assertEquals(s.labelValue(), a.layer(0).get(30, 30, 10), "closing fills the crack");
        VoxelEdit open = a.edit("smoothing", s.id());
        Smoothing.smooth(open, a.grid(), Smoothing.Method.OPENING, 2);
        open.commit();
        assertEquals(0, a.layer(0).get(50, 20, 10), "opening removes the spike");
        assertEquals(0, a.layer(0).get(5, 5, 5), "and the speckle");
        assertEquals(s.labelValue(), a.layer(0).get(30, 30, 10), "but keeps the body");
        VoxelEdit speck = a.edit("brush", s.id());
        speck.paint(5, 5, 5);
        speck.commit();
        VoxelEdit median = a.edit("smoothing", s.id());
        Smoothing.smooth(median, a.grid(), Smoothing.Method.MEDIAN, 1.5);
        median.commit();
        assertEquals(0, a.layer(0).get(5, 5, 5), "median drops a lone voxel");
        assertEquals(s.labelValue(), a.layer(0).get(30, 30, 10));
    }
}
