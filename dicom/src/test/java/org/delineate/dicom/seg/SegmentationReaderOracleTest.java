package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every segmentation in the shared test data, placed into its source series, agrees voxel for voxel with
 * pydicom's decoded frames at the slice and in-plane offset an independent numpy placement gives.
 */
class SegmentationReaderOracleTest {

    private static final String DCMQI = "dcmqi_testdata/data/";
    private static final String HIGHDICOM = "highdicom_testdata/data/test_files/";
    private static final String PYDICOM = "pydicom_testfiles/src/pydicom/data/test_files/";
    private static final String CT2 = PYDICOM + "dicomdirtests/77654033/CT2";

    private static int segsAgreed;
    private static int framesAgreed;

    static Stream<Arguments> segmentations() {
        return Stream.of(
                Arguments.of(DCMQI + "segmentations/23x38x3/seg/label.seg", DCMQI + "segmentations/23x38x3/image"),
                Arguments.of(DCMQI + "segmentations/24x38x3/seg/label.seg", DCMQI + "segmentations/24x38x3/image"),
                Arguments.of(DCMQI + "segmentations/liver.dcm", DCMQI + "segmentations/ct-3slice"),
                Arguments.of(DCMQI + "segmentations/partial_overlaps.dcm", DCMQI + "segmentations/ct-3slice"),
                Arguments.of(DCMQI + "segmentations/sparse-labelmap-noppv.dcm", DCMQI + "segmentations/24x38x3/image"),
                Arguments.of(DCMQI + "segmentations/sparse-labelmap-ppv5.dcm", DCMQI + "segmentations/24x38x3/image"),
                Arguments.of(PYDICOM + "liver_1frame.dcm", DCMQI + "segmentations/ct-3slice"),
                Arguments.of(HIGHDICOM + "seg_image_cr_binary.dcm", PYDICOM + "dicomdirtests/77654033/CR1"),
                Arguments.of(HIGHDICOM + "seg_image_ct_binary.dcm", CT2),
                Arguments.of(HIGHDICOM + "seg_image_ct_binary_fractional.dcm", CT2),
                Arguments.of(HIGHDICOM + "seg_image_ct_binary_overlap.dcm", CT2),
                Arguments.of(HIGHDICOM + "seg_image_ct_true_fractional.dcm", CT2),
                Arguments.of(HIGHDICOM + "seg_image_ct_binary_single_frame.dcm", HIGHDICOM + "ct_image.dcm"));
    }

    @ParameterizedTest
    @MethodSource("segmentations")
    void placedFramesAgreeWithPydicom(String segPath, String sourcePath) throws Exception {
        Path segFile = SegOracle.data(segPath);
        Path source = SegOracle.data(sourcePath);
        SegOracle.View view = SegOracle.view(segFile, SegOracle.files(source));
        Volume volume = SegOracle.volume(source);
        SegmentationFile seg = SegmentationReader.read(segFile);
        SegmentVolumes placed = seg.place(PlacementTarget.of(volume), PlacementOptions.defaults());
        assertAgrees(view, seg, placed, volume.columns(), volume.rows(), volume.slices());
    }

    /** The same, into the target made from the stack with each slice's own position (CT2 is unevenly spaced). */
    @Test
    void unevenlySpacedStackPlacesByTrueSlicePositions() throws Exception {
        Path segFile = SegOracle.data(HIGHDICOM + "seg_image_ct_binary_overlap.dcm");
        Path source = SegOracle.data(CT2);
        SegOracle.View view = SegOracle.view(segFile, SegOracle.files(source));
        var stack = SegOracle.stack(source);
        SegmentationFile seg = SegmentationReader.read(segFile);
        SegmentVolumes placed = seg.place(PlacementTarget.of(stack), PlacementOptions.defaults());
        assertTrue(placed.placements().stream().noneMatch(PlacedFrame::byReference), placed.placements().toString());
        assertAgrees(view, seg, placed, stack.columns(), stack.rows(), stack.slices());
        // Through the volume alone, the regular grid is 68 mm apart: frames go by their source references.
        SegmentVolumes byVolume = seg.place(PlacementTarget.of(SegOracle.volume(source)), PlacementOptions.defaults());
        assertTrue(byVolume.notes().stream().anyMatch(n -> n.contains("placed there by reference")), byVolume.notes().toString());
    }

    /** The 23x38 segmentation placed into the Legacy Converted Enhanced CT multi-frame of the same images. */
    @Test
    void placesIntoAMultiFrameSource() throws Exception {
        Path segFile = SegOracle.data(DCMQI + "segmentations/23x38x3/seg/label.seg");
        SegOracle.View view = SegOracle.view(segFile, SegOracle.files(SegOracle.data(DCMQI + "segmentations/23x38x3/image")));
        Volume volume = SegOracle.volume(SegOracle.data(DCMQI + "segmentations/23x38x3/multiframe/mf.dcm"));
        SegmentationFile seg = SegmentationReader.read(segFile);
        SegmentVolumes placed = seg.place(PlacementTarget.of(volume), PlacementOptions.defaults());
        assertAgrees(view, seg, placed, volume.columns(), volume.rows(), volume.slices());
    }

    /** The SR example's segmentation, whose 13 PET source images are not in the test data, on its own grid. */
    @Test
    void ownGridWithoutTheSource() throws Exception {
        Path segFile = SegOracle.data(DCMQI + "sr-example/seg.dcm");
        SegOracle.View view = SegOracle.view(segFile, List.of());
        SegmentationFile seg = SegmentationReader.read(segFile);
        SegmentVolumes placed = seg.placeOnOwnGrid(PlacementOptions.defaults());
        assertEquals(view.slices(), placed.grid().slices());
        assertAgrees(view, seg, placed, seg.columns(), seg.rows(), view.slices());
        double[] first = seg.frames().get(0).imagePositionPatient();
        assertArrayEquals(first, placed.grid().geometry().toPatient(0, 0, 0), 1e-6);
    }

    @ParameterizedTest
    @MethodSource("segmentations")
    void segmentDescriptionsAgreeWithPydicom(String segPath, String sourcePath) throws Exception {
        Path segFile = SegOracle.data(segPath);
        SegOracle.View view = SegOracle.view(segFile, SegOracle.files(SegOracle.data(sourcePath)));
        SegmentationFile seg = SegmentationReader.read(segFile);
        assertEquals(view.type(), seg.type().name());
        assertEquals(view.segments().size(), seg.segments().size());
        for (int n = 0; n < view.segments().size(); n++) {
            Map<String, Object> expected = view.segments().get(n);
            SegmentDescription actual = seg.segments().get(n);
            int number = ((Number) expected.get("number")).intValue();
            assertEquals(number, actual.segmentNumber());
            assertEquals(expected.get("label"), actual.segmentLabel());
            assertEquals(expected.get("description"), actual.segmentDescription());
            assertEquals(expected.get("algorithmType"), actual.algorithmType() == null ? null : actual.algorithmType().name());
            assertEquals(expected.get("algorithmName"), actual.algorithmName());
            assertCode(expected.get("category"), actual.category());
            assertCode(expected.get("type"), actual.type());
            assertCode(expected.get("anatomicRegion"), actual.anatomicRegion());
            assertEquals(expected.get("trackingId"), actual.trackingId());
            assertEquals(expected.get("trackingUid"), actual.trackingUid());
            @SuppressWarnings("unchecked")
            List<Object> lab = (List<Object>) expected.get("lab");
            if (lab == null) {
                assertNull(seg.recommendedDisplayCieLab(number));
                assertNull(actual.recommendedDisplayRgb());
            } else {
                assertArrayEquals(lab.stream().mapToInt(o -> ((Number) o).intValue()).toArray(),
                        seg.recommendedDisplayCieLab(number));
                assertNotNull(actual.recommendedDisplayRgb());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertCode(Object expected, Code actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        List<Object> c = (List<Object>) expected;
        assertEquals(c.get(0), actual.value());
        assertEquals(c.get(1), actual.schemeDesignator());
        assertEquals(c.get(2), actual.meaning());
    }

    /**
     * Each oracle frame is where pydicom/numpy say it is, with pydicom's values, in the segment's volume
     * (and the merged label map); nothing else is set.
     */
    static void assertAgrees(SegOracle.View view, SegmentationFile seg, SegmentVolumes placed, int columns, int rows,
            int slices) throws Exception {
        assertEquals(view.frames().size(), placed.placements().size(), "frames placed: " + placed.notes());
        boolean labelMapType = seg.type() == SegmentationType.LABELMAP;
        Map<Integer, Volume> volumes = new HashMap<>();
        for (SegmentDescription s : seg.segments()) {
            if (s.segmentNumber() > 0) {
                volumes.put(s.segmentNumber(), placed.segmentVolume(s.segmentNumber()));
            }
        }
        Map<Integer, Long> expectedCounts = new HashMap<>();
        int[][] merged = new int[slices][columns * rows];
        boolean overlap = false;
        for (SegOracle.Frame f : view.frames()) {
            assertNotNull(f.k(), "the oracle found no slice for frame " + f.number());
            PlacedFrame p = placed.placements().get(f.number() - 1);
            assertEquals(f.number(), p.frameNumber());
            assertEquals(List.of(f.k(), f.i0(), f.j0()), List.of(p.slice(), p.column(), p.row()), "frame " + f.number());
            for (int r = 0; r < f.rows(); r++) {
                for (int c = 0; c < f.columns(); c++) {
                    int v = f.values()[r * f.columns() + c];
                    int index = (f.j0() + r) * columns + f.i0() + c;
                    if (labelMapType) {
                        int label = seg.isBackground(v) ? 0 : v;
                        merged[f.k()][index] = label;
                        if (label > 0) {
                            assertEquals(1, (int) volumes.get(label).modalityValue(f.i0() + c, f.j0() + r, f.k()));
                            expectedCounts.merge(label, 1L, Long::sum);
                        }
                    } else {
                        assertEquals(v, (int) volumes.get(f.segment()).modalityValue(f.i0() + c, f.j0() + r, f.k()),
                                "frame " + f.number() + " pixel (" + c + ", " + r + ")");
                        if (v != 0) {
                            expectedCounts.merge(f.segment(), 1L, Long::sum);
                            if (merged[f.k()][index] != 0 && merged[f.k()][index] != f.segment()) {
                                overlap = true;
                            }
                            merged[f.k()][index] = f.segment();
                        }
                    }
                }
            }
        }
        for (Map.Entry<Integer, Volume> e : volumes.entrySet()) {
            assertEquals(expectedCounts.getOrDefault(e.getKey(), 0L), nonZero(e.getValue()), "voxels of segment " + e.getKey());
        }
        assertEquals(overlap, placed.overlapping());
        if (!overlap) {
            Volume map = placed.labelMap();
            int largest = seg.segments().stream().mapToInt(SegmentDescription::segmentNumber).max().orElse(0);
            assertEquals(largest > 255 ? SampleType.UINT16 : SampleType.UINT8, map.sampleType());
            for (int k = 0; k < slices; k++) {
                for (int index = 0; index < columns * rows; index++) {
                    assertEquals(merged[k][index], (int) map.modalityValue(index % columns, index / columns, k));
                }
            }
        }
        segsAgreed++;
        framesAgreed += view.frames().size();
    }

    private static long nonZero(Volume v) {
        long n = 0;
        for (int k = 0; k < v.slices(); k++) {
            for (byte b : (byte[]) v.plane(k)) {
                n += b != 0 ? 1 : 0;
            }
        }
        return n;
    }

    @AfterAll
    static void summary() {
        System.out.println("SEG oracle: " + segsAgreed + " placements of segmentations agreed with pydicom, " + framesAgreed
                + " frames");
    }
}
