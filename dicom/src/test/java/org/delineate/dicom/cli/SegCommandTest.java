package org.delineate.dicom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delineate seg write|read} end to end on dcmqi's test data, judged by dcmqi itself: its NRRD label maps
 * (made NIfTI by nibabel, in the NRRD's voxel order, which runs against the CT's slice order) written by us must give
 * the frames of the SEG dcmqi wrote from them (pydicom compares), and dcmqi's SEGs read by us must give NIfTIs that
 * agree with the NRRDs voxel by voxel at the same patient positions (nibabel).
 */
class SegCommandTest {

    private static final Path SEGS = TestFiles.testdata().resolve("dcmqi_testdata/data/segmentations");
    private static final Path CT = SEGS.resolve("ct-3slice");

    @TempDir
    Path tmp;

    @Test
    void writingDcmqisLiverLabelsGivesDcmqisFrames() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CT), "no dcmqi test data");
        Path labels = tmp.resolve("liver.nii.gz");
        SegRuns.oracle(tmp, "nrrd2nii", SEGS.resolve("liver_seg.nrrd"), labels);
        Path out = tmp.resolve("out/liver.dcm");
        ConvertRuns.Run run = SegRuns.seg("write", "--source", CT, "--labels", labels, "--meta",
                SegRuns.dcmqiExample(tmp, "seg-example.json"), "--out", out);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("on the series' grid (i -> columns, j -> rows, k -> slices"), run.err());
        assertTrue(run.err().contains("wrote " + out + " (BINARY, 1 segment, 3 frames)"), run.err());
        assertTrue(run.err().contains("labelled with their type's meaning (labelID 1 'Liver')"), run.err());
        Map<String, Object> frames = SegRuns.oracle(tmp, "frames", out, SEGS.resolve("liver.dcm"));
        assertEquals(List.of(), frames.get("differ"), frames.toString());
        assertEquals(3L, frames.get("a"));
        // dcmqi wrote sparse-labelmap-noppv.dcm from the same seg-example.json (see the metadata PROVENANCE.md).
        assertSameSeriesAttributes(out, SEGS.resolve("sparse-labelmap-noppv.dcm"));
    }

    /**
     * Body Part Examined, the Clinical Trial attributes and Content Creator's Name of our SEG, as pydicom reads them,
     * are those of dcmqi's SEG made from the same metadata JSON (present and absent alike).
     */
    @SuppressWarnings("unchecked")
    private void assertSameSeriesAttributes(Path ours, Path dcmqis) throws Exception {
        Map<String, Object> views = SegRuns.oracle(tmp, "series", ours, dcmqis);
        Map<String, Object> theirs = (Map<String, Object>) views.get(dcmqis.toString());
        assertEquals(theirs, views.get(ours.toString()));
        assertTrue(theirs.get("ClinicalTrialCoordinatingCenterName") != null, theirs.toString());
    }

    @Test
    void overlappingSegmentsFromThreeLabelFilesGiveDcmqisFrames() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CT), "no dcmqi test data");
        List<Object> args = new java.util.ArrayList<>(List.of("write", "--source", CT, "--meta",
                SegRuns.dcmqiExample(tmp, "seg-example_partial_overlaps.json"), "--out", tmp.resolve("overlaps.dcm")));
        for (int n = 1; n <= 3; n++) {
            Path labels = tmp.resolve("overlaps-" + n + ".nii.gz");
            SegRuns.oracle(tmp, "nrrd2nii", SEGS.resolve("partial_overlaps-" + n + ".nrrd"), labels);
            args.addAll(List.of("--labels", labels));
        }
        ConvertRuns.Run run = SegRuns.seg(args.toArray());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> frames = SegRuns.oracle(tmp, "frames", tmp.resolve("overlaps.dcm"),
                SEGS.resolve("partial_overlaps.dcm"));
        assertEquals(List.of(), frames.get("differ"), frames.toString());
        assertTrue(((Number) frames.get("a")).intValue() >= 5, frames.toString());
        assertSameSeriesAttributes(tmp.resolve("overlaps.dcm"), SEGS.resolve("partial_overlaps.dcm"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readingDcmqisLiverGivesTheNrrdsVoxelsOnTheSourceAndOnItsOwnGrid() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CT), "no dcmqi test data");
        for (boolean source : new boolean[] {true, false}) {
            Path dir = tmp.resolve(source ? "on-source" : "own-grid");
            ConvertRuns.Run run = source ? SegRuns.seg("read", SEGS.resolve("liver.dcm"), "--source", CT, "--out-dir", dir)
                    : SegRuns.seg("read", SEGS.resolve("liver.dcm"), "--out-dir", dir);
            assertEquals(0, run.exitCode(), run.err());
            Map<String, Object> c = SegRuns.oracle(tmp, "compare", dir.resolve("labels.nii.gz"),
                    SEGS.resolve("liver_seg.nrrd"));
            assertTrue(((Number) c.get("indexError")).doubleValue() < 1e-3, c.toString());
            Map<String, Object> pairs = (Map<String, Object>) c.get("pairs");
            assertEquals(c.get("theirsNonzero"), pairs.get("1:1"), c.toString());
            assertFalse(pairs.containsKey("0:1") || pairs.containsKey("1:0"), c.toString());
            assertEquals(0L, c.get("nonzeroOutside"), c.toString());
            Map<String, Object> meta = (Map<String, Object>) JsonTree.parse(Files.readString(dir.resolve("meta.json"),
                    StandardCharsets.UTF_8));
            List<List<Map<String, Object>>> segments = (List<List<Map<String, Object>>>) meta.get("segmentAttributes");
            assertEquals(1, segments.size());
            assertEquals(1L, segments.get(0).get(0).get("labelID"));
            assertEquals("SlicerEditor", segments.get(0).get(0).get("SegmentAlgorithmName"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void overlappingSegmentsAreReadAsOneNiftiEachAndWriteBackTheSame() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CT), "no dcmqi test data");
        Path dir = tmp.resolve("read");
        ConvertRuns.Run run = SegRuns.seg("read", SEGS.resolve("partial_overlaps.dcm"), "--source", CT, "--out-dir", dir);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(dir.resolve("labels.nii.gz")));
        Map<String, Object> meta = (Map<String, Object>) JsonTree.parse(Files.readString(dir.resolve("meta.json"),
                StandardCharsets.UTF_8));
        List<String> files = (List<String>) meta.get("segmentAttributesFileMapping");
        assertEquals(((List<?>) meta.get("segmentAttributes")).size(), files.size());
        // The series attributes of dcmqi's metadata come back as pydicom reads them from dcmqi's SEG.
        Map<String, Object> dcmqis = (Map<String, Object>) SegRuns.oracle(tmp, "series", SEGS.resolve("partial_overlaps.dcm"))
                .get(SEGS.resolve("partial_overlaps.dcm").toString());
        for (String key : List.of("ClinicalTrialTimePointID", "ClinicalTrialCoordinatingCenterName", "ClinicalTrialSeriesID",
                "ContentCreatorName", "BodyPartExamined")) {
            assertEquals(dcmqis.get(key), meta.get(key), key);
        }
        List<Object> args = new java.util.ArrayList<>(List.of("write", "--source", CT, "--meta", dir.resolve("meta.json"),
                "--out", tmp.resolve("again.dcm")));
        for (String f : files) {
            args.addAll(List.of("--labels", dir.resolve(f)));
        }
        run = SegRuns.seg(args.toArray());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> frames = SegRuns.oracle(tmp, "frames", tmp.resolve("again.dcm"),
                SEGS.resolve("partial_overlaps.dcm"));
        assertEquals(List.of(), frames.get("differ"), frames.toString());
        assertSameSeriesAttributes(tmp.resolve("again.dcm"), SEGS.resolve("partial_overlaps.dcm"));
    }

    @Test
    void labelsWithPermutedOrFlippedAxesGiveTheSameSegmentationAndResampledOnesAreRefused() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CT), "no dcmqi test data");
        Path labels = tmp.resolve("liver.nii.gz");
        SegRuns.oracle(tmp, "nrrd2nii", SEGS.resolve("liver_seg.nrrd"), labels);
        Path meta = SegRuns.dcmqiExample(tmp, "seg-example.json");
        for (String variant : List.of("flip0", "flip1", "flip2", "swap01", "canonical")) {
            Path changed = tmp.resolve(variant + ".nii.gz");
            SegRuns.oracle(tmp, "variant", labels, changed, variant);
            Path out = tmp.resolve(variant + ".dcm");
            ConvertRuns.Run run = SegRuns.seg("write", "--source", CT, "--labels", changed, "--meta", meta, "--out", out);
            assertEquals(0, run.exitCode(), variant + ": " + run.err());
            Map<String, Object> frames = SegRuns.oracle(tmp, "frames", out, SEGS.resolve("liver.dcm"));
            assertEquals(List.of(), frames.get("differ"), variant + ": " + frames);
        }
        Path shifted = tmp.resolve("shift.nii.gz");
        SegRuns.oracle(tmp, "variant", labels, shifted, "shift");
        ConvertRuns.Run run = SegRuns.seg("write", "--source", CT, "--labels", shifted, "--meta", meta, "--out",
                tmp.resolve("shift.dcm"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(shifted + ": its grid is not the DICOM series' grid"), run.err());
        assertTrue(run.err().contains("never resampled"), run.err());
        assertFalse(Files.exists(tmp.resolve("shift.dcm")));
        Path cropped = tmp.resolve("crop.nii.gz");
        SegRuns.oracle(tmp, "variant", labels, cropped, "crop");
        run = SegRuns.seg("write", "--source", CT, "--labels", cropped, "--meta", meta, "--out", tmp.resolve("crop.dcm"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(cropped + ": its size 512 x 512 x 2 is not the DICOM series' 512 x 512 x 3"),
                run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
