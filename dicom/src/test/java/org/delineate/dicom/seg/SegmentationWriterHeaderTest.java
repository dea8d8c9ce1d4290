package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.code.Code;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attributes of a written segmentation as pydicom reads them, compared with the source file (also read by
 * pydicom), the segment descriptions and the options.
 */
class SegmentationWriterHeaderTest {

    @TempDir
    static Path tmp;

    private static SegWriterSources.Loaded tiny;

    private static final String FACTS = String.join("\n",
            "import sys, json, pydicom",
            "seg = pydicom.dcmread(sys.argv[1], stop_before_pixels=True)",
            "src = pydicom.dcmread(sys.argv[2], stop_before_pixels=True)",
            "def tag(t): return '(%04X,%04X)' % (t.group, t.element)",
            "def code(seq): return None if not seq else [seq[0].CodeValue, seq[0].CodingSchemeDesignator, seq[0].CodeMeaning]",
            "shared = seg.SharedFunctionalGroupsSequence[0]",
            "f = {}",
            "for k in ['SOPClassUID', 'Modality', 'Manufacturer', 'ManufacturerModelName', 'DeviceSerialNumber',",
            "          'SoftwareVersions', 'SeriesDescription', 'ContentLabel', 'SegmentationType', 'SegmentsOverlap',",
            "          'ContentDate', 'ContentTime', 'SeriesInstanceUID', 'SOPInstanceUID', 'LossyImageCompression']:",
            "    f[k] = str(seg.get(k, ''))",
            "f['ContentCreatorName'] = str(seg.ContentCreatorName)",
            "for k in ['BodyPartExamined', 'ClinicalTrialTimePointID', 'ClinicalTrialCoordinatingCenterName', 'ClinicalTrialSeriesID']:",
            "    f[k] = None if k not in seg else str(seg[k].value or '')",
            "f['ImageType'] = list(seg.ImageType)",
            "for k in ['SeriesNumber', 'InstanceNumber', 'BitsAllocated', 'NumberOfFrames']:",
            "    f[k] = int(seg.get(k))",
            "f['copied'] = {k: str(seg.get(k)) == str(src.get(k)) for k in ['PatientName', 'PatientID', 'PatientBirthDate',",
            "    'PatientSex', 'StudyInstanceUID', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber',",
            "    'ReferringPhysicianName', 'FrameOfReferenceUID']}",
            "f['sourceSeries'] = src.SeriesInstanceUID",
            "f['referencedSeries'] = seg.ReferencedSeriesSequence[0].SeriesInstanceUID",
            "f['iopAsWritten'] = [str(v) for v in shared.PlaneOrientationSequence[0].ImageOrientationPatient] == [str(v) for v in src.ImageOrientationPatient]",
            "f['pixelSpacingAsWritten'] = [str(v) for v in shared.PixelMeasuresSequence[0].PixelSpacing] == [str(v) for v in src.PixelSpacing]",
            "f['shared'] = sorted(tag(e.tag) for e in shared)",
            "per = set()",
            "for item in seg.PerFrameFunctionalGroupsSequence: per |= set(tag(e.tag) for e in item)",
            "f['perFrame'] = sorted(per)",
            "d = seg.PerFrameFunctionalGroupsSequence[0].DerivationImageSequence[0]",
            "f['derivation'] = code(d.DerivationCodeSequence)",
            "f['purpose'] = code(d.SourceImageSequence[0].PurposeOfReferenceCodeSequence)",
            "f['dimensions'] = [[tag(pydicom.tag.Tag(i.DimensionIndexPointer)), tag(pydicom.tag.Tag(i.FunctionalGroupPointer)),",
            "    i.DimensionOrganizationUID == seg.DimensionOrganizationSequence[0].DimensionOrganizationUID]",
            "    for i in seg.DimensionIndexSequence]",
            "f['organization'] = seg.DimensionOrganizationSequence[0].DimensionOrganizationUID",
            "segs = []",
            "for s in seg.SegmentSequence:",
            "    t = s.SegmentedPropertyTypeCodeSequence[0]",
            "    segs.append({'number': int(s.SegmentNumber), 'label': s.SegmentLabel, 'algorithm': s.SegmentAlgorithmType,",
            "        'algorithmName': s.get('SegmentAlgorithmName'), 'category': code(s.SegmentedPropertyCategoryCodeSequence),",
            "        'type': code(s.SegmentedPropertyTypeCodeSequence),",
            "        'modifiers': [code([m]) for m in t.get('SegmentedPropertyTypeModifierCodeSequence', [])],",
            "        'region': code(s.get('AnatomicRegionSequence')),",
            "        'lab': [int(v) for v in s.get('RecommendedDisplayCIELabValue', [])],",
            "        'trackingId': s.get('TrackingID'), 'trackingUid': s.get('TrackingUID'), 'description': s.get('SegmentDescription')})",
            "f['segments'] = segs",
            "if 'SegmentationFractionalType' in seg: f['fractional'] = [seg.SegmentationFractionalType, int(seg.MaximumFractionalValue)]",
            "print(json.dumps(f))");

    @BeforeAll
    static void load() throws Exception {
        tiny = SegWriterSources.tiny();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Path seg) throws Exception {
        Peers.assumePydicom();
        Peers.Result r = Peers.runPython(FACTS, List.of(seg, tiny.files().get(0)), 60);
        assertEquals(0, r.exitCode(), r.all());
        return (Map<String, Object>) JsonTree.parse(r.stdout());
    }

    private static Path write(String name, SegmentationFrames frames, List<SegmentDescription> segments,
            SegWriteOptions options) throws Exception {
        Path out = tmp.resolve(name + ".dcm");
        SegmentationWriter.write(out, tiny.source(), frames, segments, options);
        SegRoundTrip.assertReadsBack(out, tiny.volume(), frames, segments);
        return out;
    }

    @Test
    void binaryHeaderHasTheSourcesPatientStudyAndPlaneAndOurEquipment() throws Exception {
        SegmentationFrames masks = SegmentationFrames.ofMasks(23, 38, SegWriterInputs.overlappingMasks(23, 38, 3, 2));
        SegWriteOptions options = SegWriteOptions.builder().seriesNumber(42).instanceNumber(7).contentLabel("LIVER_SEG")
                .contentCreatorName("Reader^Ann").seriesDescription("Liver by hand").manufacturerModelName("Delineate SEG")
                .deviceSerialNumber("SN-1").softwareVersions("1.2.3")
                .contentDateTime(LocalDateTime.of(2026, 3, 4, 5, 6, 7)).build();
        Map<String, Object> f = facts(write("header", masks, SegWriterInputs.descriptions(2), options));

        assertEquals("1.2.840.10008.5.1.4.1.1.66.4", f.get("SOPClassUID"));
        assertEquals("SEG", f.get("Modality"));
        assertEquals(List.of("DERIVED", "PRIMARY"), f.get("ImageType"));
        assertEquals("Delineate", f.get("Manufacturer"));
        assertEquals("Delineate SEG", f.get("ManufacturerModelName"));
        assertEquals("SN-1", f.get("DeviceSerialNumber"));
        assertEquals("1.2.3", f.get("SoftwareVersions"));
        assertEquals("Liver by hand", f.get("SeriesDescription"));
        assertEquals("LIVER_SEG", f.get("ContentLabel"));
        assertEquals("Reader^Ann", f.get("ContentCreatorName"));
        assertEquals("20260304", f.get("ContentDate"));
        assertEquals("050607", f.get("ContentTime"));
        assertEquals(42L, ((Number) f.get("SeriesNumber")).longValue());
        assertEquals(7L, ((Number) f.get("InstanceNumber")).longValue());
        assertEquals(1L, ((Number) f.get("BitsAllocated")).longValue());
        assertEquals("BINARY", f.get("SegmentationType"));
        assertEquals("YES", f.get("SegmentsOverlap"));
        assertEquals("00", f.get("LossyImageCompression"));
        ((Map<?, ?>) f.get("copied")).forEach((k, v) -> assertEquals(Boolean.TRUE, v, k + " copied from the source"));
        assertNotEquals(f.get("sourceSeries"), f.get("SeriesInstanceUID"));
        assertEquals(f.get("sourceSeries"), f.get("referencedSeries"));
        assertEquals(Boolean.TRUE, f.get("iopAsWritten"), "ImageOrientationPatient as the source wrote it");
        assertEquals(Boolean.TRUE, f.get("pixelSpacingAsWritten"));

        // Functional groups: shared and per-frame never the same group.
        assertEquals(List.of("(0020,9116)", "(0028,9110)"), f.get("shared"));
        assertEquals(List.of("(0008,9124)", "(0020,9111)", "(0020,9113)", "(0062,000A)"), f.get("perFrame"));
        assertEquals(List.of("113076", "DCM", "Segmentation"), f.get("derivation"));
        assertEquals(List.of("121322", "DCM", "Source image for image processing operation"), f.get("purpose"));
        assertEquals(List.of(List.of("(0062,000B)", "(0062,000A)", true), List.of("(0020,0032)", "(0020,9113)", true)),
                f.get("dimensions"));

        // Segments numbered 1..N in the order given, with everything of their description.
        List<Map<String, Object>> segments = (List<Map<String, Object>>) f.get("segments");
        List<SegmentDescription> given = SegWriterInputs.descriptions(2);
        assertEquals(2, segments.size());
        for (int s = 0; s < 2; s++) {
            Map<String, Object> seg = segments.get(s);
            SegmentDescription d = given.get(s);
            assertEquals((long) s + 1, ((Number) seg.get("number")).longValue());
            assertEquals(d.segmentLabel(), seg.get("label"));
            assertEquals(d.algorithmType().name(), seg.get("algorithm"));
            assertEquals(d.algorithmName(), seg.get("algorithmName"));
            assertEquals(codeList(d.category()), seg.get("category"));
            assertEquals(codeList(d.type()), seg.get("type"));
            assertEquals(d.typeModifiers().stream().map(SegmentationWriterHeaderTest::codeList).toList(), seg.get("modifiers"));
            assertEquals(d.anatomicRegion() == null ? null : codeList(d.anatomicRegion()), seg.get("region"));
            int[] lab = DisplayColor.rgbToDicomLab(d.recommendedDisplayRgb());
            assertEquals(List.of((long) lab[0], (long) lab[1], (long) lab[2]),
                    ((List<Number>) seg.get("lab")).stream().map(Number::longValue).toList());
            assertEquals(d.trackingId(), seg.get("trackingId"));
            assertEquals(d.trackingUid(), seg.get("trackingUid"));
        }
    }

    @Test
    void bodyPartAndClinicalTrialAttributesOfDcmqisMetadataAreWrittenAndReadBack() throws Exception {
        // The values of dcmqi's example seg-example.json, and a body part (none of dcmqi's examples has one).
        SegmentationFrames masks = SegmentationFrames.ofMasks(23, 38, SegWriterInputs.overlappingMasks(23, 38, 3, 1));
        SegWriteOptions options = SegWriteOptions.builder().bodyPartExamined("ABDOMEN").clinicalTrialSeriesId("Session1")
                .clinicalTrialTimePointId("1").clinicalTrialCoordinatingCenterName("BWH").build();
        Path all = write("trial", masks, SegWriterInputs.descriptions(1), options);
        Map<String, Object> f = facts(all);
        assertEquals("ABDOMEN", f.get("BodyPartExamined"));
        assertEquals("1", f.get("ClinicalTrialTimePointID"));
        assertEquals("BWH", f.get("ClinicalTrialCoordinatingCenterName"));
        assertEquals("Session1", f.get("ClinicalTrialSeriesID"));
        SegWriterOracle.assertDciodvfyClean(all, List.of());
        SegmentationInfo info = SegmentationReader.read(all).info();
        assertEquals(List.of("ABDOMEN", "1", "BWH", "Session1"), java.util.Arrays.asList(info.bodyPartExamined(),
                info.clinicalTrialTimePointId(), info.clinicalTrialCoordinatingCenterName(), info.clinicalTrialSeriesId()));

        // Only a series ID: the Clinical Trial Series Module with its Type 2 coordinating center empty; no study module.
        Path series = write("trial-series", masks, SegWriterInputs.descriptions(1),
                SegWriteOptions.builder().clinicalTrialSeriesId("S-7").build());
        f = facts(series);
        assertEquals("S-7", f.get("ClinicalTrialSeriesID"));
        assertEquals("", f.get("ClinicalTrialCoordinatingCenterName"));
        assertEquals(null, f.get("ClinicalTrialTimePointID"));
        assertEquals(null, f.get("BodyPartExamined"));
        SegWriterOracle.assertDciodvfyClean(series, List.of());
        info = SegmentationReader.read(series).info();
        assertEquals(null, info.clinicalTrialCoordinatingCenterName(), "an empty value reads as absent");

        InvalidSegmentationException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSegmentationException.class,
                () -> write("bad", masks, SegWriterInputs.descriptions(1), SegWriteOptions.builder()
                        .bodyPartExamined("abdomen").clinicalTrialSeriesId("x".repeat(65)).build()));
        assertEquals(List.of("(0018,0015)", "(0012,0071)"), e.problems().stream().map(SegmentationProblem::path).toList());
    }

    @Test
    void everyInstanceHasItsOwnUidsAndDimensionOrganization() throws Exception {
        SegmentationFrames masks = SegmentationFrames.ofMasks(23, 38, SegWriterInputs.overlappingMasks(23, 38, 3, 1));
        Map<String, Object> a = facts(write("a", masks, SegWriterInputs.descriptions(1), SegWriteOptions.defaults()));
        Map<String, Object> b = facts(write("b", masks, SegWriterInputs.descriptions(1), SegWriteOptions.defaults()));
        assertNotEquals(a.get("organization"), b.get("organization"));
        assertNotEquals(a.get("SOPInstanceUID"), b.get("SOPInstanceUID"));
        assertNotEquals(a.get("SeriesInstanceUID"), b.get("SeriesInstanceUID"));
        assertTrue(((String) a.get("organization")).startsWith("2.25."));
        assertEquals("NO", a.get("SegmentsOverlap"), "one segment cannot overlap");
    }

    @Test
    void fractionalAndLabelMapHeaders() throws Exception {
        SegmentationFrames fractions = SegmentationFrames.ofFractions(23, 38, SegWriterInputs.fractions(23, 38, 3, 1, 100));
        Map<String, Object> f = facts(write("fractional", fractions, SegWriterInputs.descriptions(1), SegWriteOptions.builder()
                .type(SegmentationType.FRACTIONAL).fractionalType(SegmentationFractionalType.PROBABILITY)
                .maxFractionalValue(100).build()));
        assertEquals(List.of("PROBABILITY", 100L), ((List<?>) f.get("fractional")).stream()
                .map(v -> v instanceof Number n ? (Object) n.longValue() : v).toList());
        assertEquals(8L, ((Number) f.get("BitsAllocated")).longValue());

        List<Object> planes = SegWriterInputs.labelPlanes(23, 38, 3, new int[] {5, 9}, false);
        Map<String, Object> l = facts(write("labelmap", SegmentationFrames.ofLabels(23, 38, planes, 5, 9),
                SegWriterInputs.descriptions(2), SegWriteOptions.builder().type(SegmentationType.LABELMAP).build()));
        assertEquals("1.2.840.10008.5.1.4.1.1.66.7", l.get("SOPClassUID"));
        assertEquals("LABELMAP", l.get("SegmentationType"));
        assertEquals("NO", l.get("SegmentsOverlap"));
        assertEquals(8L, ((Number) l.get("BitsAllocated")).longValue());
        assertEquals(List.of("(0008,9124)", "(0020,9111)", "(0020,9113)"), l.get("perFrame"),
                "no Segment Identification in a LABELMAP");
        assertEquals(List.of(List.of("(0020,0032)", "(0020,9113)", true)), l.get("dimensions"));
        List<Map<String, Object>> segments = (List<Map<String, Object>>) l.get("segments");
        assertEquals(List.of(0L, 1L, 2L), segments.stream().map(s -> ((Number) s.get("number")).longValue()).toList());
        assertEquals(List.of("125040", "DCM", "Background"), segments.get(0).get("type"));
        // 2 of 3 slices have labels: the empty first slice is omitted.
        assertEquals(2L, ((Number) l.get("NumberOfFrames")).longValue());
    }

    @Test
    void anAllEmptySegmentationKeepsOneFramePerSegment() throws Exception {
        List<List<byte[]>> empty = List.of(
                List.of(new byte[23 * 38], new byte[23 * 38], new byte[23 * 38]),
                java.util.Arrays.asList(null, null, null));
        Map<String, Object> f = facts(write("empty", SegmentationFrames.ofMasks(23, 38, empty), SegWriterInputs.descriptions(2),
                SegWriteOptions.defaults()));
        assertEquals(2L, ((Number) f.get("NumberOfFrames")).longValue());
    }

    private static List<String> codeList(Code c) {
        return List.of(c.value(), c.schemeDesignator(), c.meaning());
    }
}
