package org.delineate.dicom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.data.Uids;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delineate seg} on our CT phantom: labels made by nibabel from thresholds of the phantom converted by
 * {@code delineate convert}, flipped along j as dcm2niix writes them, labelIDs 10..50 and an SRT code in the
 * metadata; written as BINARY, LABELMAP and FRACTIONAL and read back, compared by nibabel. Usage and input errors
 * give exit codes 2 and 1 and messages naming the file.
 */
class SegPhantomCommandTest {

    private static final String META = """
            {"ContentCreatorName": "Reader^One", "SeriesDescription": "Phantom organs", "SeriesNumber": "301",
             "InstanceNumber": "1", "ContentLabel": "ORGANS",
             "segmentAttributes": [[%s]]}
            """;
    private static final String SEGMENT = """
            {"labelID": %d, "SegmentLabel": "%s", "SegmentAlgorithmType": "%s", %s
             "SegmentedPropertyCategoryCodeSequence": {"CodeValue": "%s", "CodingSchemeDesignator": "%s", "CodeMeaning": "%s"},
             "SegmentedPropertyTypeCodeSequence": {"CodeValue": "%s", "CodingSchemeDesignator": "SCT", "CodeMeaning": "%s"},
             "recommendedDisplayRGBValue": [%d, 100, 50]}""";

    @TempDir
    static Path tmp;

    private static Path source;
    private static Path labels;
    private static Path fraction;
    private static Path meta;

    @BeforeAll
    static void phantom() throws Exception {
        source = Files.createDirectories(tmp.resolve("ct"));
        CtPhantom phantom = new CtPhantom(96, 24, 3.0, 4.0, Uids.newUid(), Uids.newUid(), Uids.newUid());
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < phantom.slices(); k++) {
            writer.write(DicomFile.of(phantom.slice(k), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    source.resolve("ct" + k + ".dcm"));
        }
        ConvertRuns.Run run = ConvertRuns.convert(source.toString(), tmp.resolve("ct.nii.gz").toString());
        assertEquals(0, run.exitCode(), run.err());
        Path straight = tmp.resolve("straight.nii.gz");
        fraction = tmp.resolve("fraction.nii.gz");
        Map<String, Object> counts = SegRuns.oracle(tmp, "phantom", tmp.resolve("ct.nii.gz"), straight, fraction);
        for (Object n : counts.values()) {
            assertTrue(((Number) n).longValue() > 0, "every organ has voxels: " + counts);
        }
        labels = tmp.resolve("labels.nii.gz");
        SegRuns.oracle(tmp, "variant", straight, labels, "flip1");
        meta = tmp.resolve("meta.json");
        Files.writeString(meta, metaJson(0, 1, 2, 3, 4), StandardCharsets.UTF_8);
    }

    /** Metadata of some of the organs body, lungs, liver, spine, lesion (labelID 10, 20, ...; the body's category SRT). */
    private static String metaJson(int... which) {
        String[][] organs = {{"Body", "T-D0050", "SRT", "Tissue", "38266002", "Entire body"},
            {"Lungs", "85756007", "SCT", "Tissue", "39607008", "Lung"},
            {"Liver", "85756007", "SCT", "Tissue", "10200004", "Liver"},
            {"Spine", "85756007", "SCT", "Tissue", "421060004", "Spine"},
            {"Lesion", "49755003", "SCT", "Morphologically Altered Structure", "4147007", "Mass"}};
        StringBuilder segments = new StringBuilder();
        for (int s : which) {
            String[] o = organs[s];
            segments.append(segments.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, SEGMENT, 10 * (s + 1), o[0],
                    s == 4 ? "AUTOMATIC" : "MANUAL", s == 4 ? "\"SegmentAlgorithmName\": \"Threshold\"," : "", o[1], o[2],
                    o[3], o[4], o[5], 40 * s));
        }
        return String.format(java.util.Locale.ROOT, META, segments);
    }

    @Test
    void binaryAndLabelMapReadBackAsTheLabelsWithSegmentNumbers() throws Exception {
        for (String type : List.of("binary", "labelmap")) {
            Path seg = tmp.resolve(type + ".dcm");
            ConvertRuns.Run run = SegRuns.seg("write", "--source", source, "--labels", labels, "--meta", meta, "--type", type,
                    "--out", seg);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("j reversed -> rows"), run.err());
            assertTrue(run.err().contains("SRT T-D0050 'Tissue' -> SCT 85756007 'Tissue'"), run.err());
            assertTrue(run.err().contains("(" + type.toUpperCase(java.util.Locale.ROOT) + ", 5 segments"), run.err());
            Path dir = tmp.resolve(type);
            run = SegRuns.seg("read", seg, "--source", source, "--out-dir", dir);
            assertEquals(0, run.exitCode(), run.err());
            Map<String, Object> same = SegRuns.oracle(tmp, "same", dir.resolve("labels.nii.gz"), labels, 10);
            assertEquals(0L, same.get("differing"), same.toString());
            assertTrue(((Number) same.get("affineError")).doubleValue() < 1e-4, same.toString());
            String json = Files.readString(dir.resolve("meta.json"), StandardCharsets.UTF_8);
            assertTrue(json.contains("85756007") && !json.contains("T-D0050"), json);
            assertTrue(json.contains("\"Phantom organs\"") && json.contains("\"Threshold\""), json);
        }
    }

    @Test
    void fractionalFloatsAreStoredIn255thsAndReadBackAsFractions() throws Exception {
        Path oneSegment = tmp.resolve("liver-meta.json");
        Files.writeString(oneSegment, metaJson(2), StandardCharsets.UTF_8);
        Path seg = tmp.resolve("fractional.dcm");
        ConvertRuns.Run run = SegRuns.seg("write", "--source", source, "--labels", fraction, "--meta", oneSegment,
                "--type", "fractional", "--out", seg);
        assertEquals(0, run.exitCode(), run.err() + Files.readString(oneSegment));
        Path dir = tmp.resolve("fractional");
        run = SegRuns.seg("read", seg, "--source", source, "--out-dir", dir);
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> same = SegRuns.oracle(tmp, "same", dir.resolve("segment-1.nii.gz"), fraction);
        assertTrue(((Number) same.get("maxDifference")).doubleValue() <= 0.5 / 255 + 1e-6, same.toString());
        assertTrue(((Number) same.get("affineError")).doubleValue() < 1e-4, same.toString());

        // The same fractions as uint8 0..255 with scl_slope 1 and scl_inter 0 stored (no scaling in effect).
        Path bytes = tmp.resolve("fraction-uint8.nii");
        assertEquals(Map.of("slope", 1.0, "inter", 0.0), SegRuns.oracle(tmp, "bytes", fraction, bytes));
        run = SegRuns.seg("write", "--source", source, "--labels", bytes, "--meta", oneSegment, "--type", "fractional",
                "--out", tmp.resolve("fractional-uint8.dcm"));
        assertEquals(0, run.exitCode(), run.err());
        run = SegRuns.seg("read", tmp.resolve("fractional-uint8.dcm"), "--source", source, "--out-dir", dir.resolve("u8"));
        assertEquals(0, run.exitCode(), run.err());
        same = SegRuns.oracle(tmp, "same", dir.resolve("u8/segment-1.nii.gz"), fraction);
        assertTrue(((Number) same.get("maxDifference")).doubleValue() <= 0.5 / 255 + 1e-6, same.toString());
    }

    @Test
    void everyValidatorProblemIsListedAndNothingIsWritten() throws Exception {
        Path bad = tmp.resolve("bad-meta.json");
        Files.writeString(bad, Files.readString(meta).replace("\"ORGANS\"", "\"organs\"")
                .replace("\"SegmentAlgorithmName\": \"Threshold\",", ""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("bad.dcm");
        ConvertRuns.Run run = SegRuns.seg("write", "--source", source, "--labels", labels, "--meta", bad, "--out", out);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(out + ": not written, the segmentation would not be valid (2 problems):"), run.err());
        assertTrue(run.err().contains("(0070,0080)"), run.err());
        assertTrue(run.err().contains("(0062,0002)[5].(0062,0009)"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void usageAndInputErrors() throws Exception {
        ConvertRuns.Run run = SegRuns.seg("write", "--source", source, "--labels", labels, "--meta", meta, "--type", "mask",
                "--out", tmp.resolve("x.dcm"));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--type is binary, fractional or labelmap, not 'mask'"), run.err());
        run = SegRuns.seg("write", "--source", source, "--labels", labels, "--meta", meta);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--out"), run.err());
        assertEquals(2, SegRuns.seg().exitCode());
        run = SegRuns.seg("write", "--source", source, "--labels", labels, "--labels", labels, "--meta", meta, "--out",
                tmp.resolve("x.dcm"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(meta + ": segmentAttributes lists 1 label file(s), but 2 --labels were given"),
                run.err());
        run = SegRuns.seg("write", "--source", tmp.resolve("nothing"), "--labels", labels, "--meta", meta, "--out",
                tmp.resolve("x.dcm"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(tmp.resolve("nothing") + ": no such file or folder"), run.err());
        run = SegRuns.seg("read", tmp.resolve("missing.dcm"), "--out-dir", tmp.resolve("r"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(tmp.resolve("missing.dcm") + ": no such file"), run.err());
        run = SegRuns.seg("read", labels, "--out-dir", tmp.resolve("r"));
        assertEquals(1, run.exitCode(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(tmp.resolve("x.dcm")));
    }
}
