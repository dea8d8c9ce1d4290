package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.junit.jupiter.api.Test;

/** Splitting and sorting of synthetic classic headers: each case one way a series goes wrong in practice. */
class StackSplittingTest {

    @Test
    void shuffledSlicesAreSortedAlongTheNormalNotByInstanceNumber() {
        SyntheticSlices s = new SyntheticSlices("1.9.1");
        List<Double> z = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            z.add(-40 + 2.5 * k);
        }
        Collections.shuffle(z, new Random(7));
        z.forEach(v -> s.axial(-100, -120, v));
        List<FrameStack> stacks = s.stacks();
        assertEquals(1, stacks.size());
        FrameStack stack = stacks.get(0);
        assertEquals(12, stack.slices());
        for (int k = 0; k < 12; k++) {
            assertEquals(-40 + 2.5 * k, stack.frames().get(k).imagePositionPatient()[2], 1e-9);
        }
        VolumeGeometry g = stack.geometry();
        assertArrayEquals(new double[] {-100, -120, -40}, g.origin(), 1e-9);
        assertArrayEquals(new double[] {0.7, 0, 0}, g.columnStep(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0}, g.rowStep(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 2.5}, g.sliceStep(), 1e-9);
        assertEquals(List.of(), stack.notes());
        assertEquals("1.2.3.4", stack.frameOfReferenceUid());
        assertEquals(stack.frames().get(3).source(), stack.sources().get(3));
        assertEquals("4 x 5 x 12", stack.summary().dimensions());
        assertEquals(-1024, stack.frames().get(0).modalityLut().intercept());
    }

    @Test
    void obliqueSlicesAreSortedByTheProjectionOfTheirPosition() {
        double c = Math.cos(Math.toRadians(20));
        double sn = Math.sin(Math.toRadians(20));
        double[] orientation = {1, 0, 0, 0, c, sn};
        double[] normal = {0, -sn, c};
        SyntheticSlices s = new SyntheticSlices("1.9.2");
        for (int k : new int[] {3, 0, 4, 1, 2}) {
            s.add(s.header(new double[] {5, 10 + 3 * k * normal[1], 20 + 3 * k * normal[2]}, orientation));
        }
        FrameStack stack = s.stacks().get(0);
        assertArrayEquals(new double[] {0, 3 * normal[1], 3 * normal[2]}, stack.geometry().sliceStep(), 1e-9);
        assertTrue(stack.geometry().isOrthogonal());
    }

    @Test
    void aMissingSliceIsReportedAndTheGridStillSpansFirstToLast() {
        SyntheticSlices s = new SyntheticSlices("1.9.3");
        for (double z : new double[] {0, 2, 4, 8, 10, 12}) {
            s.axial(0, 0, z);
        }
        FrameStack stack = s.stacks().get(0);
        assertEquals(6, stack.slices());
        assertTrue(stack.notes().stream().anyMatch(n -> n.startsWith("1 slice is missing (1 between slices 3 and 4")),
                stack.notes().toString());
        assertTrue(stack.notes().stream().noneMatch(n -> n.contains("not uniform")), stack.notes().toString());
        assertArrayEquals(new double[] {0, 0, 12 / 5.0}, stack.geometry().sliceStep(), 1e-9);
        assertEquals(0.8, stack.maxPositionError(), 1e-9);
    }

    @Test
    void nonUniformSpacingIsReportedWithTheLargestDeviation() {
        SyntheticSlices s = new SyntheticSlices("1.9.4");
        for (double z : new double[] {0, 2, 4, 7, 9, 11}) {
            s.axial(0, 0, z);
        }
        FrameStack stack = s.stacks().get(0);
        assertTrue(stack.notes().contains("The slice spacing is not uniform: gaps from 2.000 to 3.000 mm, nominal 2.000 mm; "
                + "the largest deviation from it is 1.000 mm."), stack.notes().toString());
    }

    @Test
    void gantryTiltKeepsTheShearAndReportsTheAngle() {
        double tilt = Math.toRadians(15);
        SyntheticSlices s = new SyntheticSlices("1.9.5");
        for (int k = 4; k >= 0; k--) {
            // the table moves 2 mm along z per slice; the tilted planes are offset along y
            s.axial(0, -2 * Math.tan(tilt) * k, 2 * k);
        }
        FrameStack stack = s.stacks().get(0);
        VolumeGeometry g = stack.geometry();
        assertArrayEquals(new double[] {0, -2 * Math.tan(tilt), 2}, g.sliceStep(), 1e-9);
        assertFalse(g.isOrthogonal());
        assertTrue(stack.notes().contains("Gantry tilt: the slices are stacked 15.000 degrees away from their normal; "
                + "the geometry keeps this shear."), stack.notes().toString());
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(stack.frames().get(k).imagePositionPatient(), g.toPatient(0, 0, k), 1e-9);
        }
    }

    @Test
    void mixedOrientationsBecomeSeparateStacks() {
        SyntheticSlices s = new SyntheticSlices("1.9.6");
        for (int k = 0; k < 3; k++) {
            s.axial(0, 0, 3 * k);
            s.add(s.header(new double[] {0, 4 * k, 0}, SyntheticSlices.CORONAL));
        }
        List<FrameStack> stacks = s.stacks();
        assertEquals(2, stacks.size());
        assertEquals("normal S", stacks.get(0).label());
        assertEquals("normal P", stacks.get(1).label());
        assertNotEquals(stacks.get(0).volumeGroup(), stacks.get(1).volumeGroup());
        assertArrayEquals(new double[] {0, 4, 0}, stacks.get(1).geometry().sliceStep(), 1e-9);
    }

    @Test
    void orientationsWithinTheToleranceShareAStack() {
        SyntheticSlices s = new SyntheticSlices("1.9.7");
        for (int k = 0; k < 4; k++) {
            s.add(s.header(new double[] {0, 0, 3 * k}, new double[] {1, 2e-4 * k, 0, 0, 1, 0}));
        }
        assertEquals(1, s.stacks().size());
    }

    @Test
    void twoEchoesAtTheSamePositionsBecomeTwoStacks() {
        SyntheticSlices s = new SyntheticSlices("1.9.8");
        for (int k = 0; k < 4; k++) {
            for (int echo = 1; echo <= 2; echo++) {
                DataSet ds = s.header(new double[] {0, 0, 5 * k}, SyntheticSlices.AXIAL);
                ds.setLongs(Tag.EchoNumbers, VR.IS, echo);
                ds.setDoubles(Tag.EchoTime, VR.DS, echo == 1 ? 12.5 : 90);
                s.add(ds);
            }
        }
        List<FrameStack> stacks = s.stacks();
        assertEquals(2, stacks.size());
        assertEquals("echo 1, TE 12.5 ms", stacks.get(0).label());
        assertEquals("echo 2, TE 90.0 ms", stacks.get(1).label());
        assertEquals(1, stacks.get(0).volumeCount());
        stacks.forEach(stack -> assertEquals(4, stack.slices()));
    }

    @Test
    void aScoutAmongAxialsIsAStackOfItsOwn() {
        SyntheticSlices s = new SyntheticSlices("1.9.9");
        DataSet scout = s.header(new double[] {0, -100, 100}, SyntheticSlices.SAGITTAL);
        scout.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "LOCALIZER");
        s.add(scout);
        for (int k = 0; k < 5; k++) {
            s.axial(0, 0, 2 * k);
        }
        List<FrameStack> stacks = s.stacks();
        assertEquals(2, stacks.size());
        assertEquals(1, stacks.get(0).slices());
        assertTrue(stacks.get(0).label().startsWith("ORIGINAL\\PRIMARY\\LOCALIZER"), stacks.get(0).label());
        assertEquals(5, stacks.get(1).slices());
        assertTrue(stacks.get(1).notes().isEmpty(), stacks.get(1).notes().toString());
    }

    @Test
    void aSingleSliceIsAsThickAsSpacingBetweenSlicesOrSliceThickness() {
        SyntheticSlices s = new SyntheticSlices("1.9.10");
        s.add(s.header(new double[] {1, 2, 3}, SyntheticSlices.CORONAL));
        assertArrayEquals(new double[] {0, 2.5, 0}, s.stacks().get(0).geometry().sliceStep(), 1e-12);

        SyntheticSlices t = new SyntheticSlices("1.9.11");
        DataSet ds = t.header(new double[] {1, 2, 3}, SyntheticSlices.AXIAL);
        ds.setDoubles(Tag.SpacingBetweenSlices, VR.DS, 4);
        t.add(ds);
        assertArrayEquals(new double[] {0, 0, 4}, t.stacks().get(0).geometry().sliceStep(), 1e-12);
    }

    @Test
    void repeatedPositionsWithAcquisitionNumbersBecomeVolumesOfOneGroup() {
        SyntheticSlices s = new SyntheticSlices("1.9.12");
        for (int acquisition = 2; acquisition >= 1; acquisition--) {
            for (int k = 0; k < 3; k++) {
                DataSet ds = s.header(new double[] {0, 0, 4 * k}, SyntheticSlices.AXIAL);
                ds.setLongs(Tag.AcquisitionNumber, VR.IS, acquisition);
                s.add(ds);
            }
        }
        List<FrameStack> stacks = s.stacks();
        assertEquals(2, stacks.size());
        assertEquals("volume 1 of 2 (acquisition 1)", stacks.get(0).label());
        assertEquals("volume 2 of 2 (acquisition 2)", stacks.get(1).label());
        assertEquals(stacks.get(0).volumeGroup(), stacks.get(1).volumeGroup());
        assertEquals(1, (int) stacks.get(0).frames().get(0).acquisitionNumber());
        assertTrue(stacks.get(0).notes().contains("The slice positions repeat: the frames are split into 2 volumes by "
                + "acquisition."), stacks.get(0).notes().toString());
        assertEquals(1, s.series().get(0).volumes().size());
    }

    @Test
    void repeatedPositionsWithNothingToTellThemApartAreSplitByInstanceNumber() {
        SyntheticSlices s = new SyntheticSlices("1.9.13");
        for (int volume = 0; volume < 3; volume++) {
            for (int k = 0; k < 4; k++) {
                s.axial(0, 0, 5 * k);
            }
        }
        List<FrameStack> stacks = s.stacks();
        assertEquals(3, stacks.size());
        for (int v = 0; v < 3; v++) {
            FrameStack stack = stacks.get(v);
            assertEquals(v, stack.volumeIndex());
            assertEquals(4, stack.slices());
            for (int k = 0; k < 4; k++) {
                assertEquals(v * 4 + k + 1, (int) stack.frames().get(k).instanceNumber());
            }
        }
        assertTrue(stacks.get(0).notes().get(0).startsWith("Each of the 4 slice positions holds 3 frames"),
                stacks.get(0).notes().toString());
    }

    @Test
    void aCopiedFileIsUsedOnce() {
        SyntheticSlices s = new SyntheticSlices("1.9.14");
        for (int k = 0; k < 3; k++) {
            s.axial(0, 0, 2 * k);
        }
        DataSet copy = s.header(new double[] {0, 0, 2}, SyntheticSlices.AXIAL);
        copy.setString(Tag.SOPInstanceUID, VR.UI, "1.9.14.2");
        s.add(copy);
        List<FrameStack> stacks = s.stacks();
        assertEquals(1, stacks.size());
        assertEquals(3, stacks.get(0).slices());
        assertTrue(stacks.get(0).notes().get(0).startsWith("1 frame was found twice"), stacks.get(0).notes().toString());
    }

    @Test
    void framesWithoutPositionGetANominalGeometryPerInstance() {
        SyntheticSlices s = new SyntheticSlices("1.9.15");
        for (int i = 0; i < 2; i++) {
            DataSet ds = s.header(new double[] {0, 0, 0}, SyntheticSlices.AXIAL);
            ds.remove(Tag.ImagePositionPatient);
            ds.remove(Tag.ImageOrientationPatient);
            s.add(ds);
        }
        List<FrameStack> stacks = s.stacks();
        assertEquals(2, stacks.size());
        assertFalse(stacks.get(0).patientGeometry());
        assertTrue(stacks.get(0).usable());
        assertTrue(stacks.get(0).notes().get(0).contains("nominal"), stacks.get(0).notes().toString());
    }

    @Test
    void aMosaicWithoutItsSliceCountIsRefusedWithTheReason() {
        SyntheticSlices s = new SyntheticSlices("1.9.16");
        DataSet ds = s.header(new double[] {0, 0, 0}, SyntheticSlices.AXIAL);
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "M", "MOSAIC");
        s.add(ds);
        FrameStack stack = s.stacks().get(0);
        assertFalse(stack.usable());
        assertNull(stack.geometry());
        assertTrue(stack.refusal().startsWith("Siemens mosaic (ImageType MOSAIC) without the number of slices: neither "
                + "(0019,xx0A) NumberOfImagesInMosaic"), stack.refusal());
    }

    @Test
    void seriesAreKeptApartBySeriesInstanceUid() {
        SyntheticSlices a = new SyntheticSlices("1.9.17");
        a.axial(0, 0, 0).axial(0, 0, 1);
        SyntheticSlices b = new SyntheticSlices("1.9.18");
        b.axial(0, 0, 0).axial(0, 0, 1);
        List<FrameHeader> all = new ArrayList<>(a.frames());
        all.addAll(b.frames());
        List<Series> series = SeriesAssembler.assemble(all, Tolerances.defaults());
        assertEquals(2, series.size());
        assertEquals("1.9.18", series.get(1).seriesInstanceUid());
        assertEquals(1, series.get(1).stacks().size());
    }
}
