package org.delineate.dicom.seg.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped CID 7150/7151 table: its integrity, pydicom's copy of the standard as oracle, SRT to SCT. */
class TerminologyTest {

    /**
     * For each row given (kind, scheme, value, meaning, cid, srt, other meanings), what pydicom 2.3.1's tables of
     * the standard (its FHIR value sets and PS3.16 Table O-1) say differently; prints the list of mismatches.
     */
    private static final String CHECK = String.join("\n",
            "import json, sys",
            "from pydicom.sr._concepts_dict import concepts",
            "from pydicom.sr._snomed_dict import mapping",
            "rows = json.load(open(sys.argv[1]))",
            "problems = []",
            "for r in rows:",
            "    found = [(m, cids) for kw, codes in concepts.get(r['scheme'], {}).items()",
            "             for v, (m, cids) in codes.items() if v == r['value']]",
            "    member = 7150 if r['kind'] == 'category' else 7151",
            "    if not any(member in cids for m, cids in found): problems.append(('not in CID %d' % member, r))",
            "    if r['kind'] == 'type' and not any(r['cid'] in cids for m, cids in found):",
            "        problems.append(('not in CID %d' % r['cid'], r))",
            "    standard = {m for m, cids in found if member in cids}",
            "    if r['meaning'] not in standard: problems.append(('meaning not %s' % sorted(standard), r))",
            "    others = {m for m, cids in found}",
            "    for o in r['other']:",
            "        if o not in others: problems.append(('other meaning %s unknown' % o, r))",
            "    srt = mapping['SCT'].get(r['value']) if r['scheme'] == 'SCT' else None",
            "    if (srt or None) != r['srt']: problems.append(('SRT is %s' % srt, r))",
            "print(json.dumps({'checked': len(rows), 'problems': problems}))");

    @TempDir
    Path tmp;

    private final Terminology terminology = Terminology.load();

    @Test
    void categoriesAreUniqueAndEveryTypesCategoryIsOne() {
        List<Code> categories = terminology.categories();
        assertEquals(categories.size(), new HashSet<>(categories).size(), "category codes are unique");
        Set<Code> typeCodes = new HashSet<>();
        Set<String> meanings = new HashSet<>();
        for (Terminology.PropertyType t : terminology.types()) {
            assertTrue(typeCodes.add(t.code()), "type listed twice: " + t);
            assertTrue(meanings.add(t.code().meaning().toLowerCase()), "meaning listed twice: " + t);
            assertTrue(categories.contains(t.category()), t + ": category is not a CID 7150 row");
            assertEquals(3, t.recommendedDisplayRgb().length);
        }
        int partitioned = 0;
        for (Code c : categories) {
            List<Terminology.PropertyType> in = terminology.typesIn(c);
            in.forEach(t -> assertEquals(c, t.category()));
            partitioned += in.size();
        }
        assertEquals(terminology.types().size(), partitioned, "typesIn partitions the types");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRowAgreesWithPydicomsCopyOfTheStandard() throws IOException {
        Peers.assumePydicom();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Code, String> srtOf = new LinkedHashMap<>();
        terminology.srtMappings().forEach((srt, sct) -> srtOf.put(sct, srt));
        for (Code c : terminology.categories()) {
            rows.add(row("category", c, 0, srtOf.get(c), List.of()));
        }
        for (Terminology.PropertyType t : terminology.types()) {
            rows.add(row("type", t.code(), t.contextGroup(), srtOf.get(t.code()), t.otherMeanings()));
        }
        Path json = tmp.resolve("rows.json");
        Files.writeString(json, toJson(rows));
        Peers.Result r = Peers.runPython(CHECK, List.of(json), 120);
        assertEquals(0, r.exitCode(), r.all());
        Map<String, Object> out = (Map<String, Object>) JsonTree.parse(r.stdout());
        assertEquals(List.of(), out.get("problems"));
        assertEquals((long) rows.size(), ((Number) out.get("checked")).longValue());
        assertTrue(terminology.categories().size() >= 8 && terminology.types().size() >= 100,
                terminology.categories().size() + " categories, " + terminology.types().size() + " types");
    }

    private static Map<String, Object> row(String kind, Code c, int cid, String srt, List<String> other) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("scheme", c.schemeDesignator());
        row.put("value", c.value());
        row.put("meaning", c.meaning());
        row.put("cid", cid);
        row.put("srt", srt);
        row.put("other", other);
        return row;
    }

    private static String toJson(List<Map<String, Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Map<String, Object> row : rows) {
                g.writeStartObject();
                for (Map.Entry<String, Object> e : row.entrySet()) {
                    g.writeFieldName(e.getKey());
                    if (e.getValue() instanceof List<?> list) {
                        g.writeStartArray();
                        for (Object o : list) {
                            g.writeString((String) o);
                        }
                        g.writeEndArray();
                    } else if (e.getValue() instanceof Integer i) {
                        g.writeNumber(i);
                    } else if (e.getValue() == null) {
                        g.writeNull();
                    } else {
                        g.writeString((String) e.getValue());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    /**
     * The SRT codes of dcmqi's older examples map to the SCT codes dcmqi's maintainers put in the newer versions
     * of the same examples: an oracle independent of our table and of pydicom.
     */
    @Test
    void srtCodesOfDcmqisOldExamplesMapToTheCodesOfItsNewOnes() throws IOException {
        List<Code> srt = new ArrayList<>();
        List<Code> sct = new ArrayList<>();
        String[][] oldAndNew = {{"seg-example-srt.json", "seg-example.json"},
            {"seg-example_multiple_segments-srt.json", "seg-example_multiple_segments.json"}};
        for (String[] pair : oldAndNew) {
            List<LabeledSegment> old = DcmqiMetadata.read(DcmqiExamples.resource(pair[0])).allSegments();
            List<LabeledSegment> current = DcmqiMetadata.read(DcmqiExamples.resource(pair[1])).allSegments();
            assertEquals(old.size(), current.size());
            for (int i = 0; i < old.size(); i++) {
                SegmentDescription before = old.get(i).description();
                SegmentDescription after = current.get(i).description();
                srt.add(before.category());
                srt.add(before.type());
                sct.add(after.category());
                sct.add(after.type());
                SegmentDescription mapped = terminology.withSctCodes(before);
                assertEquals(after.category(), mapped.category());
                assertEquals(after.type(), mapped.type());
            }
        }
        for (int i = 0; i < srt.size(); i++) {
            assertEquals(Terminology.SRT, srt.get(i).schemeDesignator());
            assertEquals(sct.get(i), terminology.toSct(srt.get(i)), srt.get(i) + " maps to " + sct.get(i));
        }
        Set<String> values = new HashSet<>();
        srt.forEach(c -> values.add(c.value()));
        assertEquals(Set.of("T-D0050", "T-62000", "T-D000A", "T-11502", "T-32000"), values,
                "the SRT codes in dcmqi's examples");
    }

    /** SRT codes in the dcmqi SEGs (pydicom reads them) map as PS3.16 Table O-1 (pydicom's copy) says. */
    @Test
    @SuppressWarnings("unchecked")
    void srtCodesInDcmqisSegsMapAsTheStandardSays() throws IOException {
        Peers.assumePydicom();
        Path data = DcmqiExamples.segmentations().getParent();
        Assumptions.assumeTrue(Files.isDirectory(data), data + " is missing");
        String script = String.join("\n",
                "import json, sys, pydicom",
                "from pydicom.sr._snomed_dict import mapping",
                "out = {}",
                "for f in sys.argv[1:]:",
                "    for s in pydicom.dcmread(f, stop_before_pixels=True).SegmentSequence:",
                "        for kw in ('SegmentedPropertyCategoryCodeSequence', 'SegmentedPropertyTypeCodeSequence'):",
                "            c = s[kw][0]",
                "            if c.CodingSchemeDesignator == 'SRT':",
                "                out[c.CodeValue] = [c.CodeMeaning, mapping['SRT'].get(c.CodeValue)]",
                "print(json.dumps(out))");
        List<Path> segs = List.of(data.resolve("sr-example/seg.dcm"), data.resolve("segmentations/liver.dcm"),
                data.resolve("segmentations/24x38x3/seg/label.seg"));
        Peers.Result r = Peers.runPython(script, segs, 120);
        assertEquals(0, r.exitCode(), r.all());
        Map<String, Object> found = (Map<String, Object>) JsonTree.parse(r.stdout());
        assertEquals(Set.of("T-D0050", "T-62000", "M-01000", "M-80003"), found.keySet());
        for (Map.Entry<String, Object> e : found.entrySet()) {
            List<Object> meaningAndSct = (List<Object>) e.getValue();
            Code code = new Code(e.getKey(), Terminology.SRT, (String) meaningAndSct.get(0));
            Code mapped = terminology.toSct(code);
            assertEquals("SCT", mapped.schemeDesignator(), code.toString());
            assertEquals(meaningAndSct.get(1), mapped.value(), code.toString());
        }
    }

    @Test
    void lookupsByCodeAndMeaning() {
        // Codes as dcmqi's examples write them; PS3.16 puts Liver in CID 7192, under Anatomical Structure.
        Code liver = new Code("10200004", "SCT", "Liver");
        Code tissue = new Code("85756007", "SCT", "Tissue");
        Code anatomicalStructure = new Code("123037004", "SCT", "Anatomical Structure");
        Terminology.PropertyType byCode = terminology.type(liver).orElseThrow();
        assertEquals(anatomicalStructure, byCode.category());
        assertEquals(7192, byCode.contextGroup());
        assertSame(byCode, terminology.typeByMeaning("  LIVER ").orElseThrow());
        assertSame(byCode, terminology.type(new Code("T-62000", "SRT", "Liver")).orElseThrow());
        assertEquals(tissue, terminology.categoryByMeaning("tissue").orElseThrow());
        assertEquals(tissue, terminology.category(new Code("T-D0050", "SRT", "Tissue")).orElseThrow());
        assertTrue(terminology.typesIn(tissue).contains(terminology.typeByMeaning("Muscle").orElseThrow()));
        // "tumor" is the standard's other meaning of Neoplasm (108369006) in CID 3815.
        assertEquals(terminology.typeByMeaning("Neoplasm").orElseThrow(),
                terminology.typeByMeaning("Tumor").orElseThrow());
        assertTrue(terminology.typeByMeaning("no such thing").isEmpty());
        assertTrue(terminology.type(new Code("T-99999", "SRT", "Unknown")).isEmpty());
        Code unknown = new Code("T-99999", "SRT", "Unknown");
        assertSame(unknown, terminology.toSct(unknown), "unmapped codes are returned as given");
        assertSame(liver, terminology.toSct(liver));
    }

    @Test
    void theCommonSegmentationTargetsAreThere() {
        for (String meaning : List.of("Liver", "Kidney", "Spleen", "Lung", "Heart", "Brain", "Neoplasm", "Mass",
                "Cyst", "Nodule", "Body fat", "Muscle", "Bone", "Blood vessel", "Body fluid", "Gas", "Tumor",
                "Lesion", "Background")) {
            assertTrue(terminology.typeByMeaning(meaning).isPresent() || "Lesion".equals(meaning), meaning);
        }
        for (String meaning : List.of("Tissue", "Anatomical Structure", "Morphologically Abnormal Structure",
                "Physical object", "Body Substance", "Spatial and Relational Concept")) {
            assertTrue(terminology.categoryByMeaning(meaning).isPresent(), meaning);
        }
    }

    @Test
    void eachLoadIsItsOwnObject() {
        Terminology other = Terminology.load();
        assertTrue(other != terminology);
        assertEquals(terminology.types(), other.types());
    }

    @Test
    void malformedTablesNameTheLine() {
        String header = "# comment\n";
        String category = "category\tSCT\t85756007\tTissue\t\t7191\t\tT-D0050\t\n";
        String type = "type\tSCT\t10200004\tLiver\t85756007\t7191\t1,2,3\tT-62000\t\n";
        assertEquals("t.tsv line 4: type (10200004, SCT, \"Liver\") listed twice",
                parseError(header + category + type + type));
        assertEquals("t.tsv line 2: category 123 of (10200004, SCT, \"Liver\") is not a listed category",
                parseError(header + type.replace("85756007", "123")));
        assertEquals("t.tsv line 3: color component 256, expected 0 to 255",
                parseError(header + category + type.replace("1,2,3", "1,2,256")));
        assertEquals("t.tsv line 2: 3 columns, expected 9", parseError(header + "category\tSCT\t1\n"));
        assertEquals("t.tsv line 3: SRT code T-D0050 mapped to (85756007, SCT, \"Tissue\") and (10200004, SCT,"
                + " \"Liver\")",
                parseError(header + category + type.replace("T-62000", "T-D0050")));
    }

    private static String parseError(String table) {
        IOException e = assertThrows(IOException.class, () -> Terminology.parse(new ByteArrayInputStream(
                table.getBytes(StandardCharsets.UTF_8)), "t.tsv"));
        return e.getMessage();
    }
}
