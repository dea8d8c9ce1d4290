package org.delineate.annotation.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.PhantomVolumes;
import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Landmark;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.annotation.edit.Brush;
import org.delineate.annotation.edit.RegionGrowing;
import org.delineate.annotation.edit.ThresholdRange;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measurements on the CT phantom, whose lesion is a sphere of known radius and value. */
class MeasurementsTest {

    @TempDir
    Path tmp;

    private static SegmentDescription lesion() {
        return SegmentDescription.builder().segmentLabel("lesion").algorithmType(SegmentAlgorithmType.SEMIAUTOMATIC)
                .algorithmName("region growing").category(Code.sct("49755003", "Morphologically Altered Structure"))
                .type(Code.sct("4147007", "Mass")).build();
    }

    @Test
    void thePhantomLesionIsMeasuredAsTheSphereItIs() throws Exception {
        CtPhantom phantom = new CtPhantom(256, 60, 1.25, 1.25, "2.25.11", "2.25.12", "2.25.13");
        Volume ct = PhantomVolumes.write(phantom, tmp);
        Annotation a = new Annotation(AnnotationGrid.of(ct), null, "t", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Segment s = a.addSegment(lesion(), 0xFF0000, 0);
        double[] seed = ct.geometry().toIndex(CtPhantom.LESION_X, CtPhantom.LESION_Y, phantom.lesionZ());
        VoxelEdit grow = a.edit("region growing", s.id());
        long voxels = RegionGrowing.grow(grow, (int) Math.round(seed[0]), (int) Math.round(seed[1]),
                (int) Math.round(seed[2]), new ThresholdRange(ct, 90, 110), Long.MAX_VALUE);
        grow.commit();
        SegmentMeasurement m = Measurements.of(a, a.segment(s.id()), ct);
        double sphere = 4.0 / 3 * Math.PI * Math.pow(CtPhantom.LESION_RADIUS, 3) / 1000;
        assertEquals(voxels, m.voxels());
        assertEquals(sphere, m.volumeMl(), sphere * 0.02, "lesion volume within 2 % of the sphere's");
        assertEquals(100, m.mean(), 1e-9);
        assertEquals(0, m.sd(), 1e-9);
        assertEquals(100, m.min(), 1e-9);
        assertEquals(100, m.max(), 1e-9);
        double diameter = 2 * CtPhantom.LESION_RADIUS;
        assertEquals(diameter, m.longestDiameter(), 2 * 1.25, "center to center, within a voxel at each end");
        assertTrue(m.longestDiameter() <= diameter);
        assertEquals(m.longestDiameter(), m.perpendicularDiameter(), 1.25 * 1.5, "a sphere's section is round");
        double[] ends = m.diameterEnds();
        assertEquals(m.longestDiameter(), Math.hypot(Math.hypot(ends[0] - ends[3], ends[1] - ends[4]), ends[2] - ends[5]), 1e-6);
        assertEquals(phantom.lesionZ(), ends[2], 1.25, "the widest section is the middle one");
    }

    @Test
    void everyPairOfLandmarksIsMeasuredOnceInTheOrderOfPlacing() {
        VolumeGeometry g = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {1, 1}, new double[] {0, 0, 1});
        Annotation a = new Annotation(new AnnotationGrid(4, 4, 4, g), null, "t", Clock.systemUTC());
        assertEquals(List.of(), Measurements.distances(a.landmarks()));
        a.addLandmark("p", null, new double[] {1, 2, 3});
        assertEquals(List.of(), Measurements.distances(a.landmarks()), "one landmark: no pair");
        a.addLandmark("q", null, new double[] {1 + 2, 2 + 3, 3 + 6});
        a.addLandmark("r", null, new double[] {1 - 1, 2 - 4, 3 - 8});
        List<LandmarkDistance> d = Measurements.distances(a.landmarks());
        assertEquals(List.of("p-q", "p-r", "q-r"), d.stream().map(x -> x.a().name() + "-" + x.b().name()).toList());
        assertEquals(7, d.get(0).distance(), 1e-12, "2, 3, 6");
        assertEquals(9, d.get(1).distance(), 1e-12, "1, 4, 8");
        assertEquals(Math.sqrt(3 * 3 + 7 * 7 + 14 * 14), d.get(2).distance(), 1e-12);
    }

    @Test
    void anEllipseHasItsAxesAsDiameters() {
        VolumeGeometry g = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {0.5, 0.5}, new double[] {0, 0, 3});
        Annotation a = new Annotation(new AnnotationGrid(200, 200, 1, g), null, "t", Clock.systemUTC());
        Segment s = a.addSegment(lesion(), 0, 0);
        VoxelEdit e = a.edit("polygon", s.id());
        for (int j = 0; j < 200; j++) {
            for (int i = 0; i < 200; i++) {
                double x = (i - 100) * 0.5;
                double y = (j - 100) * 0.5;
                if (x * x / 400 + y * y / 100 <= 1) {
                    e.paint(i, j, 0);
                }
            }
        }
        e.commit();
        SegmentMeasurement m = Measurements.of(a, a.segment(s.id()), null);
        assertEquals(40, m.longestDiameter(), 0.5, "major axis 2 x 20 mm");
        assertEquals(20, m.perpendicularDiameter(), 0.5, "minor axis 2 x 10 mm");
        assertEquals(Double.NaN, m.mean());
        assertEquals(Math.PI * 20 * 10 / 1000 * 3, m.volumeMl(), 0.01 * Math.PI * 20 * 10 / 1000 * 3);
        Landmark p = a.addLandmark("p", null, new double[] {0, 0, 0});
        Landmark q = a.addLandmark("q", null, new double[] {3, 4, 12});
        assertEquals(13, Measurements.distance(p, q), 1e-12);
        assertEquals(0, new Brush(a.grid()).disk(a.edit("brush", s.id()), 100, 100, 0, 1, true), "already painted");
    }
}
