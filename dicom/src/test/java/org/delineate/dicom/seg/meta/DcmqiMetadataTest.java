package org.delineate.dicom.seg.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dcmqi metadata read against the JSON text itself (parsed independently), round trips, errors and strictness. */
class DcmqiMetadataTest {

    @TempDir
    Path tmp;

    static Stream<String> allExamples() {
        return Stream.concat(DcmqiExamples.CURRENT.stream(), DcmqiExamples.OLD.stream());
    }

    static Stream<String> currentExamples() {
        return DcmqiExamples.CURRENT.stream();
    }

    @ParameterizedTest
    @MethodSource("allExamples")
    @SuppressWarnings("unchecked")
    void everyExampleReadsWithTheSegmentsItHolds(String name) throws IOException {
        Path file = DcmqiExamples.resource(name);
        Map<String, Object> json = (Map<String, Object>) JsonTree.parse(Files.readString(file));
        SegmentationMetadata m = DcmqiMetadata.read(file);

        List<Object> files = (List<Object>) json.get("segmentAttributes");
        assertEquals(files.size(), m.segmentAttributes().size(), "input files");
        for (int f = 0; f < files.size(); f++) {
            List<Object> segments = (List<Object>) files.get(f);
            assertEquals(segments.size(), m.segmentAttributes().get(f).size(), "segments in file " + f);
            for (int s = 0; s < segments.size(); s++) {
                Map<String, Object> expected = (Map<String, Object>) segments.get(s);
                LabeledSegment actual = m.segmentAttributes().get(f).get(s);
                Object label = expected.containsKey("labelID") ? expected.get("labelID") : expected.get("LabelID");
                assertEquals(((Number) label).intValue(), actual.labelValue());
                SegmentDescription d = actual.description();
                assertEquals(expected.get("SegmentLabel"), d.segmentLabel());
                assertEquals(expected.get("SegmentDescription"), d.segmentDescription());
                assertEquals(expected.get("SegmentAlgorithmType"), d.algorithmType().name());
                assertEquals(expected.get("SegmentAlgorithmName"), d.algorithmName());
                assertCode(expected.get("SegmentedPropertyCategoryCodeSequence"), d.category());
                assertCode(expected.get("SegmentedPropertyTypeCodeSequence"), d.type());
                List<Object> rgb = (List<Object>) expected.get("recommendedDisplayRGBValue");
                assertArrayEquals(rgb.stream().mapToInt(c -> ((Number) c).intValue()).toArray(),
                        d.recommendedDisplayRgb());
                assertEquals(expected.get("TrackingIdentifier"), d.trackingId());
                assertEquals(expected.get("TrackingUniqueIdentifier"), d.trackingUid());
                assertEquals(0, d.segmentNumber(), "segment numbers are left to the SEG writer");
            }
        }
        assertEquals(json.get("ContentCreatorName"), m.contentCreatorName());
        assertEquals(json.get("ClinicalTrialSeriesID"), m.clinicalTrialSeriesID());
        assertEquals(json.get("ClinicalTrialTimePointID"), m.clinicalTrialTimePointID());
        assertEquals(json.get("ClinicalTrialCoordinatingCenterName"), m.clinicalTrialCoordinatingCenterName());
        assertEquals(json.get("SeriesDescription"), m.seriesDescription());
        assertEquals(json.get("SeriesNumber"), m.seriesNumber());
        assertEquals(json.get("InstanceNumber"), m.instanceNumber());
        assertEquals(json.get("BodyPartExamined"), m.bodyPartExamined());
    }

    @SuppressWarnings("unchecked")
    private static void assertCode(Object expected, Code actual) {
        Map<String, Object> code = (Map<String, Object>) expected;
        assertEquals(code.get("CodeValue"), actual.value());
        assertEquals(code.get("CodingSchemeDesignator"), actual.schemeDesignator());
        assertEquals(code.get("CodeMeaning"), actual.meaning());
    }

    @ParameterizedTest
    @MethodSource("currentExamples")
    void currentExamplesReadWithoutWarnings(String name) throws IOException {
        assertEquals(List.of(), DcmqiMetadata.readWithWarnings(DcmqiExamples.resource(name)).warnings());
    }

    @Test
    void theOldLabelIdSpellingIsAcceptedAndReported() throws IOException {
        DcmqiMetadata.Reading reading = DcmqiMetadata.readWithWarnings(
                DcmqiExamples.resource("seg-example_multiple_segments-srt.json"));
        assertEquals(3, reading.warnings().size(), reading.warnings().toString());
        assertTrue(reading.warnings().get(0).contains("at $.segmentAttributes[0][0].LabelID: old spelling"),
                reading.warnings().get(0));
        assertTrue(reading.warnings().get(0).contains("seg-example_multiple_segments-srt.json"));
    }

    @ParameterizedTest
    @MethodSource("allExamples")
    void writeThenReadGivesTheSameMetadata(String name) throws IOException {
        SegmentationMetadata read = DcmqiMetadata.read(DcmqiExamples.resource(name));
        Path out = tmp.resolve("out.json");
        DcmqiMetadata.write(read, out);
        DcmqiMetadata.Reading again = DcmqiMetadata.readWithWarnings(out);
        assertEquals(read, again.metadata());
        assertEquals(List.of(), again.warnings(), "what we write reads back without complaint");
    }

    @Test
    void everyModelledFieldSurvivesARoundTrip() throws IOException {
        SegmentationMetadata m = rich();
        SegmentationMetadata again = DcmqiMetadata.parse(DcmqiMetadata.toJson(m), "memory").metadata();
        assertEquals(m, again);
        assertEquals(m.allSegments().size(), again.allSegments().size());
    }

    /** Metadata using every field the model has, two input files. */
    static SegmentationMetadata rich() {
        SegmentDescription lesion = SegmentDescription.builder().segmentLabel("Lesion 1")
                .segmentDescription("Ground truth, reader 2").algorithmType(SegmentAlgorithmType.SEMIAUTOMATIC)
                .algorithmName("GrowCut").category(Code.sct("49755003", "Morphologically Abnormal Structure"))
                .type(Code.sct("108369006", "Neoplasm")).typeModifiers(List.of(Code.sct("7771000", "Left")))
                .anatomicRegion(Code.sct("39607008", "Lung"))
                .anatomicRegionModifiers(List.of(Code.sct("255549009", "Anterior")))
                .recommendedDisplayRgb(255, 0, 0).trackingId("lesion-1").trackingUid("2.25.1234567890").build();
        SegmentDescription liver = SegmentDescription.builder().segmentLabel("Liver")
                .algorithmType(SegmentAlgorithmType.MANUAL).category(Code.sct("85756007", "Tissue"))
                .type(Code.sct("10200004", "Liver")).build();
        return SegmentationMetadata.builder().contentCreatorName("Doe^Jane").clinicalTrialSeriesID("S1")
                .clinicalTrialTimePointID("T0").clinicalTrialCoordinatingCenterName("Center")
                .seriesDescription("Delineate test").seriesNumber("301").instanceNumber("1")
                .bodyPartExamined("CHEST").contentLabel("SEGMENTATION").contentDescription("Test content")
                .segmentAttributes(List.of(List.of(new LabeledSegment(3, lesion)), List.of(new LabeledSegment(1,
                        liver))))
                .segmentAttributesFileMapping(List.of("lesion.nrrd", "liver.nrrd")).build();
    }

    @Test
    void notJsonNamesTheFileLineAndColumn() throws IOException {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\n  \"segmentAttributes\": [[{\"labelID\": 1,}]]\n}");
        MetadataFormatException e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": line 2 column"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongKindNamesTheJsonPath() {
        MetadataFormatException e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.parse(
                "{\"segmentAttributes\": [[{\"labelID\": 1}, {\"labelID\": \"two\"}]]}", "meta.json"));
        assertEquals("meta.json: at $.segmentAttributes[0][1].labelID: expected an integer label value, found the"
                + " string \"two\"", e.getMessage());
        assertEquals("$.segmentAttributes[0][1].labelID", e.jsonPath());

        e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.parse(
                "{\"segmentAttributes\": {\"labelID\": 1}}", "meta.json"));
        assertEquals("meta.json: at $.segmentAttributes: expected an array, found an object", e.getMessage());

        e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.parse(
                "{\"segmentAttributes\": [[{\"labelID\": 1, \"recommendedDisplayRGBValue\": [1, 2, 300]}]]}",
                "meta.json"));
        assertEquals("meta.json: at $.segmentAttributes[0][0].recommendedDisplayRGBValue[2]: expected an integer 0"
                + " to 255, found the number 300", e.getMessage());

        e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.parse("[1, 2]", "meta.json"));
        assertEquals("meta.json: at $: expected an object, found an array", e.getMessage());

        e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.parse(
                "{\"segmentAttributes\": [[{\"labelID\": 0}]]}", "meta.json"));
        assertEquals("meta.json: at $.segmentAttributes[0][0].labelID: expected a label value 1 to 65535, found the"
                + " number 0", e.getMessage());
    }

    @Test
    void unknownAndMissingFieldsAreReportedNotFatal() throws IOException {
        String json = "{\"Unknown\": 1, \"SeriesNumber\": 7, \"segmentAttributes\": [[{\"labelID\": 2,"
                + " \"segmentationFileName\": \"a.nrrd\", \"SegmentAlgorithmType\": \"manual\","
                + " \"SegmentedPropertyTypeCodeSequence\": [{\"CodeValue\": \"10200004\","
                + " \"CodingSchemeDesignator\": \"SCT\", \"CodeMeaning\": \"Liver\"}],"
                + " \"SegmentedPropertyCategoryCodeSequence\": {\"CodeValue\": \"85756007\"}}]]}";
        DcmqiMetadata.Reading r = DcmqiMetadata.parse(json, "m.json");
        List<String> expected = List.of("m.json: at $.Unknown: unknown field, ignored",
                "m.json: at $.SeriesNumber: a number where dcmqi's schema has a string, accepted",
                "m.json: at $.segmentAttributes[0][0].segmentationFileName: unknown field, ignored",
                "m.json: at $.segmentAttributes[0][0].SegmentAlgorithmType: \"manual\" is not upper case, accepted",
                "m.json: at $.segmentAttributes[0][0].SegmentedPropertyCategoryCodeSequence: a code needs CodeValue,"
                        + " CodingSchemeDesignator and CodeMeaning: ignored",
                "m.json: at $.segmentAttributes[0][0]: SegmentedPropertyCategoryCodeSequence missing or incomplete"
                        + " (required by dcmqi's schema)",
                "m.json: at $.segmentAttributes[0][0].SegmentedPropertyTypeCodeSequence: an array where dcmqi's"
                        + " schema has one object, accepted");
        assertEquals(new ArrayList<>(expected).stream().sorted().toList(), r.warnings().stream().sorted().toList());
        SegmentDescription d = r.metadata().segmentAttributes().get(0).get(0).description();
        assertEquals("7", r.metadata().seriesNumber());
        assertNull(d.category());
        assertEquals(new Code("10200004", "SCT", "Liver"), d.type());
        assertEquals(SegmentAlgorithmType.MANUAL, d.algorithmType());
        assertNull(d.segmentLabel());
        assertNull(r.metadata().contentCreatorName());
    }

    @Test
    void writingRefusesWhatTheSchemaRefusesAndListsEveryProblem() {
        SegmentationMetadata good = rich();
        SegmentDescription bad = good.segmentAttributes().get(0).get(0).description().toBuilder().category(null)
                .typeModifiers(List.of(Code.sct("7771000", "Left"), Code.sct("24028007", "Right")))
                .trackingUid(null).build();
        SegmentationMetadata m = good.toBuilder().seriesDescription("x".repeat(65)).seriesNumber("3a")
                .segmentAttributes(List.of(List.of(new LabeledSegment(3, bad), new LabeledSegment(3, bad)), List.of()))
                .build();
        List<String> problems = DcmqiMetadata.problems(m);
        assertTrue(problems.contains("$.SeriesDescription: 65 characters, at most 64 allowed"), problems.toString());
        assertTrue(problems.contains("$.SeriesNumber: \"3a\" is not an integer string (IS) of at most 12 characters"));
        assertTrue(problems.contains("$.segmentAttributes[0][1].labelID: label value 3 is already used in this file"));
        assertTrue(problems.contains("$.segmentAttributes[0][0].SegmentedPropertyCategoryCodeSequence: required"));
        assertTrue(problems.contains("$.segmentAttributes[0][0].SegmentedPropertyTypeModifierCodeSequence: dcmqi's"
                + " schema holds one code here, not 2"));
        assertTrue(problems.contains("$.segmentAttributes[0][0]: TrackingIdentifier and TrackingUniqueIdentifier go"
                + " together (DICOM requires both or neither)"));
        assertTrue(problems.contains("$.segmentAttributes[1]: an input file needs at least one segment"));
        assertEquals(10, problems.size(), problems.toString());
        assertEquals(List.of(), DcmqiMetadata.problems(good));

        Path out = tmp.resolve("refused.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DcmqiMetadata.write(m, out));
        assertTrue(e.getMessage().contains("$.SeriesDescription: 65 characters"), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
        assertThrows(IllegalArgumentException.class, () -> DcmqiMetadata.toJson(SegmentationMetadata.builder()
                .build()));
    }

    @Test
    void aCieLabColorAloneBecomesTheRgbColor() throws IOException {
        // D65 white and black: L* 100 and 0, a* = b* = 0 (scaled 32896 = (0 + 128) * 65535 / 255).
        String json = "{\"segmentAttributes\": [[{\"labelID\": 1, \"RecommendedDisplayCIELabValue\": [65535, 32896,"
                + " 32896]}, {\"labelID\": 2, \"RecommendedDisplayCIELabValue\": [0, 32896, 32896]}]]}";
        List<LabeledSegment> s = DcmqiMetadata.parse(json, "lab.json").metadata().segmentAttributes().get(0);
        assertArrayEquals(new int[] {255, 255, 255}, s.get(0).description().recommendedDisplayRgb());
        assertArrayEquals(new int[] {0, 0, 0}, s.get(1).description().recommendedDisplayRgb());
    }

    @Test
    void aHugeFileIsRefusedBeforeReading() throws IOException {
        Path file = tmp.resolve("huge.json");
        try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.position(DcmqiMetadata.MAX_FILE_SIZE + 1);
            channel.write(java.nio.ByteBuffer.wrap(" ".getBytes(StandardCharsets.US_ASCII)));
        }
        MetadataFormatException e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.read(file));
        assertTrue(e.getMessage().contains("more than the"), e.getMessage());
    }

    @Test
    void deeplyNestedJsonIsAnErrorNotAStackOverflow() {
        String json = "[".repeat(5000) + "]".repeat(5000);
        MetadataFormatException e = assertThrows(MetadataFormatException.class, () -> DcmqiMetadata.parse(json,
                "deep.json"));
        assertTrue(e.getMessage().startsWith("deep.json: line 1 column"), e.getMessage());
    }
}
