package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants of real segmentations written by pydicom (seg_variants.py): cropped and padded frames,
 * RLE and Deflated encodings, a 16-bit label map, functional groups moved between shared and per-frame,
 * no Referenced Series Sequence, non-consecutive segment numbers. Each is placed into its source and
 * compared with pydicom's frames, and where the voxels must be the same, with the original's placement.
 */
class SegmentationVariantsTest {

    private static final String SEGS = "dcmqi_testdata/data/segmentations/";

    @TempDir
    static Path variants;

    @BeforeAll
    static void writeVariants() throws IOException {
        Peers.assumePydicom();
        String script;
        try (InputStream in = SegmentationVariantsTest.class.getResourceAsStream("seg_variants.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Peers.Result r = Peers.runPython(script, List.of(TestFiles.testdata(), variants), 300);
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private static SegmentVolumes placeAndCompare(String variant, String oracleSeg, String source) throws Exception {
        Path file = variants.resolve(variant + ".dcm");
        Path sourcePath = SegOracle.data(source);
        SegOracle.View view = SegOracle.view(oracleSeg == null ? file : SegOracle.data(oracleSeg), SegOracle.files(sourcePath));
        Volume volume = SegOracle.volume(sourcePath);
        SegmentationFile seg = SegmentationReader.read(file);
        SegmentVolumes placed = seg.place(PlacementTarget.of(volume), PlacementOptions.defaults());
        SegmentationReaderOracleTest.assertAgrees(view, seg, placed, volume.columns(), volume.rows(), volume.slices());
        return placed;
    }

    private static void assertSameLabelMap(SegmentVolumes expected, SegmentVolumes actual) {
        Volume a = expected.labelMap();
        Volume b = actual.labelMap();
        for (int k = 0; k < a.slices(); k++) {
            assertArrayEquals((byte[]) a.plane(k), (byte[]) b.plane(k), "slice " + k);
        }
    }

    private static SegmentVolumes original(String seg, String source) throws Exception {
        return SegmentationReader.read(SegOracle.data(seg)).place(PlacementTarget.of(SegOracle.volume(SegOracle.data(source))),
                PlacementOptions.defaults());
    }

    @Test
    void croppedFramesArePlacedAtTheirOffsets() throws Exception {
        SegmentVolumes crop = placeAndCompare("crop", null, SEGS + "ct-3slice");
        assertTrue(crop.placements().stream().allMatch(p -> p.column() > 0 && p.row() > 0), crop.placements().toString());
        assertSameLabelMap(original(SEGS + "liver.dcm", SEGS + "ct-3slice"), crop);
    }

    @Test
    void framesReachingBeyondTheGridWithBackgroundOnlyFit() throws Exception {
        SegmentVolumes pad = placePadded();
        assertTrue(pad.placements().stream().allMatch(p -> p.column() == -2), pad.placements().toString());
        assertSameLabelMap(original(SEGS + "23x38x3/seg/label.seg", SEGS + "23x38x3/image"), pad);
    }

    /** The padded frames reach 2 columns left of the grid: compared with the unpadded original's oracle view. */
    private static SegmentVolumes placePadded() throws Exception {
        Path sourcePath = SegOracle.data(SEGS + "23x38x3/image");
        Volume volume = SegOracle.volume(sourcePath);
        SegmentationFile seg = SegmentationReader.read(variants.resolve("pad.dcm"));
        assertEquals(25, seg.columns());
        return seg.place(PlacementTarget.of(volume), PlacementOptions.defaults());
    }

    @Test
    void rleCodedOneBitFramesAgreeWithTheNativeOriginal() throws Exception {
        // NB: pydicom cannot decode 1-bit RLE; its view of the native original holds the same frames.
        SegmentVolumes rle = placeAndCompare("rle1", SEGS + "liver.dcm", SEGS + "ct-3slice");
        assertSameLabelMap(original(SEGS + "liver.dcm", SEGS + "ct-3slice"), rle);
    }

    @Test
    void rleCodedFractionalFramesAgree() throws Exception {
        SegmentVolumes rle = placeAndCompare("rle8", null, "pydicom_testfiles/src/pydicom/data/test_files/dicomdirtests/77654033/CT2");
        assertEquals(SegmentationType.FRACTIONAL, rle.segmentation().type());
    }

    @Test
    void deflatedSegmentationAgrees() throws Exception {
        placeAndCompare("deflate", null, SEGS + "ct-3slice");
    }

    @Test
    void sixteenBitLabelMapGivesAWideLabelMap() throws Exception {
        SegmentVolumes wide = placeAndCompare("label16", null, SEGS + "24x38x3/image");
        assertEquals(SampleType.UINT16, wide.labelMap().sampleType());
        assertEquals(300, wide.segments().get(1).segmentNumber());
    }

    @Test
    void perFrameFunctionalGroupsWinOverShared() throws Exception {
        SegmentVolumes groups = placeAndCompare("groups", null, SEGS + "24x38x3/image");
        assertTrue(groups.segmentation().frames().stream().allMatch(f -> f.segmentNumber() == 1 && f.pixelSpacing()[0] == 0.7),
                groups.segmentation().frames().toString());
    }

    @Test
    void missingReferencedSeriesIsTolerated() throws Exception {
        SegmentVolumes noref = placeAndCompare("noref", null, SEGS + "ct-3slice");
        assertTrue(noref.notes().contains("(0008,1115) ReferencedSeriesSequence is missing; frames are matched by position "
                + "or their own references."), noref.notes().toString());
    }

    @Test
    void nonConsecutiveSegmentNumbers() throws Exception {
        SegmentVolumes numbers = placeAndCompare("numbers", null, SEGS + "ct-3slice");
        assertEquals(List.of(3, 7, 8, 20, 42), numbers.segments().stream().map(SegmentDescription::segmentNumber).toList());
        assertTrue(numbers.overlapping());
    }
}
