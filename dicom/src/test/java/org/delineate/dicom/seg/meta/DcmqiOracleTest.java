package org.delineate.dicom.seg.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.DisplayColor;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dcmqi metadata against external oracles: dcmqi's own schema (Python's jsonschema), Python's json module,
 * and the SEG files dcmqi made from these JSON files (read by pydicom).
 */
class DcmqiOracleTest {

    /** Validates each file against dcmqi's seg-schema (draft 4, its $refs resolved locally); prints errors. */
    private static final String VALIDATE = String.join("\n",
            "import json, sys, jsonschema",
            "seg = json.load(open(sys.argv[1])); common = json.load(open(sys.argv[2]))",
            "base = 'https://raw.githubusercontent.com/qiicr/dcmqi/master/doc/schemas/'",
            "store = {base + 'seg-schema.json': seg, base + 'common-schema.json': common}",
            "validator = jsonschema.Draft4Validator(seg, resolver=jsonschema.RefResolver.from_schema(seg, store=store))",
            "out = {}",
            "for f in sys.argv[3:]:",
            "    out[f] = [e.message for e in validator.iter_errors(json.load(open(f)))]",
            "print(json.dumps(out))");

    /** Lists, per file, the top-level keys and each segment's keys and code keys, as Python's json reads them. */
    private static final String KEYS = String.join("\n",
            "import json, sys",
            "out = {}",
            "for f in sys.argv[1:]:",
            "    d = json.load(open(f))",
            "    segs = [sorted(s.keys()) for file in d['segmentAttributes'] for s in file]",
            "    codes = sorted({k for file in d['segmentAttributes'] for s in file for v in s.values()"
                    + " if isinstance(v, dict) for k in v})",
            "    out[f] = {'top': sorted(d.keys()), 'segments': segs, 'codes': codes}",
            "print(json.dumps(out))");

    /** The Segment Sequence of each SEG as pydicom reads it. */
    private static final String SEGMENTS = String.join("\n",
            "import json, sys, pydicom",
            "def code(item, kw):",
            "    if kw not in item: return None",
            "    c = item[kw][0]",
            "    return [c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning]",
            "out = {}",
            "for f in sys.argv[1:]:",
            "    ds = pydicom.dcmread(f, stop_before_pixels=True)",
            "    out[f] = [{'number': int(s.SegmentNumber), 'label': s.get('SegmentLabel'),",
            "               'description': s.get('SegmentDescription'), 'algorithmType': s.get('SegmentAlgorithmType'),",
            "               'algorithmName': s.get('SegmentAlgorithmName'),",
            "               'category': code(s, 'SegmentedPropertyCategoryCodeSequence'),",
            "               'type': code(s, 'SegmentedPropertyTypeCodeSequence'),",
            "               'lab': [int(v) for v in s.RecommendedDisplayCIELabValue] if 'RecommendedDisplayCIELabValue' in s"
                    + " else None,",
            "               'trackingId': s.get('TrackingID'), 'trackingUid': s.get('TrackingUID')}",
            "              for s in ds.SegmentSequence]",
            "print(json.dumps(out))");

    @TempDir
    Path tmp;

    private static void assumeJsonschema() throws IOException {
        Peers.assumeInstalled(Peers.PYTHON);
        Assumptions.assumeTrue(Peers.run(List.of(Peers.PYTHON, "-c", "import jsonschema"), 60).exitCode() == 0,
                "jsonschema is not installed for " + Peers.PYTHON + " (apt-get install python3-jsonschema)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> python(String script, List<Path> files) throws IOException {
        Peers.Result r = Peers.runPython(script, files, 120);
        assertEquals(0, r.exitCode(), r.all());
        return (Map<String, Object>) JsonTree.parse(r.stdout());
    }

    /** Our JSON for every example (read, then written) and for metadata using every field. */
    private List<Path> written() throws IOException {
        List<Path> out = new ArrayList<>();
        List<String> names = new ArrayList<>(DcmqiExamples.CURRENT);
        names.addAll(DcmqiExamples.OLD);
        for (String name : names) {
            Path file = tmp.resolve("ours-" + name);
            DcmqiMetadata.write(DcmqiMetadata.read(DcmqiExamples.resource(name)), file);
            out.add(file);
        }
        Path rich = tmp.resolve("ours-rich.json");
        DcmqiMetadata.write(DcmqiMetadataTest.rich(), rich);
        out.add(rich);
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatWeWriteValidatesAgainstDcmqisSchema() throws IOException {
        assumeJsonschema();
        List<Path> ours = written();
        List<Path> args = new ArrayList<>(List.of(DcmqiExamples.resource("seg-schema.json"),
                DcmqiExamples.resource("common-schema.json")));
        args.addAll(ours);
        // Control: the validator does refuse something, dcmqi's own old examples with "LabelID".
        for (String old : DcmqiExamples.OLD) {
            args.add(DcmqiExamples.resource(old));
        }
        Map<String, Object> errors = python(VALIDATE, args);
        assertEquals(ours.size() + DcmqiExamples.OLD.size(), errors.size());
        for (Path file : ours) {
            assertEquals(List.of(), errors.get(file.toString()), file.getFileName().toString());
        }
        for (String old : DcmqiExamples.OLD) {
            List<Object> refused = (List<Object>) errors.get(DcmqiExamples.resource(old).toString());
            assertTrue(refused.contains("'labelID' is a required property"), refused.toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pythonsJsonReadsOurFieldsWithDcmqisNames() throws IOException {
        Peers.assumeInstalled(Peers.PYTHON);
        List<Path> ours = written();
        List<Path> originals = new ArrayList<>();
        for (String name : DcmqiExamples.CURRENT) {
            originals.add(DcmqiExamples.resource(name));
        }
        List<Path> all = new ArrayList<>(ours);
        all.addAll(originals);
        Map<String, Object> keys = python(KEYS, all);
        for (int i = 0; i < DcmqiExamples.CURRENT.size(); i++) {
            Map<String, Object> mine = (Map<String, Object>) keys.get(ours.get(i).toString());
            Map<String, Object> theirs = (Map<String, Object>) keys.get(originals.get(i).toString());
            String name = DcmqiExamples.CURRENT.get(i);
            assertEquals(theirs.get("segments"), mine.get("segments"), name + ": segment fields");
            assertEquals(theirs.get("codes"), mine.get("codes"), name + ": code fields");
            Set<Object> top = new HashSet<>((List<Object>) theirs.get("top"));
            top.add("@schema");
            assertEquals(top, new HashSet<>((List<Object>) mine.get("top")), name + ": series fields");
        }
        Map<String, Object> rich = (Map<String, Object>) keys.get(ours.get(ours.size() - 1).toString());
        assertEquals(List.of("@schema", "BodyPartExamined", "ClinicalTrialCoordinatingCenterName",
                "ClinicalTrialSeriesID", "ClinicalTrialTimePointID", "ContentCreatorName", "ContentDescription",
                "ContentLabel", "InstanceNumber", "SeriesDescription", "SeriesNumber", "segmentAttributes",
                "segmentAttributesFileMapping"), rich.get("top"));
        assertEquals(List.of("AnatomicRegionModifierSequence", "AnatomicRegionSequence", "SegmentAlgorithmName",
                "SegmentAlgorithmType", "SegmentDescription", "SegmentLabel", "SegmentedPropertyCategoryCodeSequence",
                "SegmentedPropertyTypeCodeSequence", "SegmentedPropertyTypeModifierCodeSequence", "TrackingIdentifier",
                "TrackingUniqueIdentifier", "labelID", "recommendedDisplayRGBValue"),
                ((List<Object>) rich.get("segments")).get(0));
        assertEquals(List.of("CodeMeaning", "CodeValue", "CodingSchemeDesignator"), rich.get("codes"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void segmentsAgreeWithTheSegsDcmqiMadeFromThem() throws IOException {
        Peers.assumePydicom();
        Path dir = DcmqiExamples.segmentations();
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is missing");
        Map<String, String> segToJson = Map.of(
                "partial_overlaps.dcm", "seg-example_partial_overlaps.json",
                "sparse-labelmap-noppv.dcm", "seg-example.json",
                "sparse-labelmap-ppv5.dcm", "seg-example.json",
                "24x38x3/seg/label.seg", "seg-example-srt.json",
                "23x38x3/seg/label.seg", "seg-example-srt.json");
        List<Path> segs = new ArrayList<>();
        segToJson.keySet().stream().sorted().forEach(s -> segs.add(dir.resolve(s)));
        Map<String, Object> dumped = python(SEGMENTS, segs);
        int compared = 0;
        for (Map.Entry<String, String> pair : segToJson.entrySet()) {
            List<Object> inSeg = (List<Object>) dumped.get(dir.resolve(pair.getKey()).toString());
            List<LabeledSegment> inJson = DcmqiMetadata.read(DcmqiExamples.resource(pair.getValue())).allSegments();
            // dcmqi adds a Background segment (number 0) to label map SEGs; it is not in the JSON.
            List<Map<String, Object>> described = new ArrayList<>();
            for (Object o : inSeg) {
                if (((Number) ((Map<String, Object>) o).get("number")).intValue() != 0) {
                    described.add((Map<String, Object>) o);
                }
            }
            assertEquals(inJson.size(), described.size(), pair + ": segments");
            for (LabeledSegment segment : inJson) {
                SegmentDescription d = segment.description();
                Map<String, Object> match = find(described, d);
                assertNotNull(match, pair + ": no SEG segment for " + d);
                assertEquals(d.segmentDescription(), match.get("description"), pair.toString());
                assertEquals(d.algorithmType().name(), match.get("algorithmType"), pair.toString());
                assertEquals(d.algorithmName(), match.get("algorithmName"), pair.toString());
                assertEquals(codeList(d.category()), match.get("category"), pair.toString());
                assertEquals(codeList(d.type()), match.get("type"), pair.toString());
                assertEquals(d.trackingId(), match.get("trackingId"), pair.toString());
                assertEquals(d.trackingUid(), match.get("trackingUid"), pair.toString());
                int[] lab = ((List<Object>) match.get("lab")).stream().mapToInt(v -> ((Number) v).intValue())
                        .toArray();
                assertColorClose(d.recommendedDisplayRgb(), DisplayColor.dicomLabToRgb(lab), pair.toString());
                compared++;
            }
        }
        assertEquals(5 + 1 + 1 + 1 + 1, compared, "segments compared");
    }

    /** The SEG segment with the JSON's label, or (dcmqi derives a missing label) the same type code. */
    private static Map<String, Object> find(List<Map<String, Object>> segments, SegmentDescription d) {
        for (Map<String, Object> s : segments) {
            boolean same = d.segmentLabel() != null ? d.segmentLabel().equals(s.get("label"))
                    : codeList(d.type()).equals(s.get("type"));
            if (same) {
                return s;
            }
        }
        return null;
    }

    private static List<Object> codeList(Code c) {
        return List.of(c.value(), c.schemeDesignator(), c.meaning());
    }

    /** dcmqi stored the JSON's RGB as CIELab; converting back may differ by rounding. */
    private static void assertColorClose(int[] expected, int[] actual, String where) {
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1, where + ": color " + java.util.Arrays.toString(expected)
                    + " came back from the SEG's CIELab as " + java.util.Arrays.toString(actual));
        }
    }

    @Test
    void anRgbColorGoesThroughTheSegsCieLabUnchanged() {
        // The pair seen in partial_overlaps.dcm: JSON [128, 174, 128] stored by dcmqi as [43803, 26565, 37722].
        int[] back = DisplayColor.dicomLabToRgb(new int[] {43803, 26565, 37722});
        assertArrayEquals(new int[] {128, 174, 128}, back);
    }
}
