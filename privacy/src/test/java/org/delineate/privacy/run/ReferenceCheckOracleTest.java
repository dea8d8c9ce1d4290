package org.delineate.privacy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report's reference check against pydicom's count over the same released outputs, on real objects with
 * references: rt-utils' RTSTRUCTs (one valid, one with invalid and one with nonexistent references) and their CT,
 * highdicom's SEGs and SR with the pydicom CT series they reference, pydicom's RT plan, dose and structure set.
 * Some references resolve, some dangle; the counts per attribute path must agree. Also: the verification pass finds
 * nothing in these real files (no false alarm).
 */
class ReferenceCheckOracleTest {

    @TempDir
    Path tmp;

    @Test
    void danglingReferencesAgreeWithPydicom() throws IOException {
        Peers.assumePydicom();
        Path shared = TestFiles.assumeTestdata();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path pydicomFiles = shared.resolve("pydicom_testfiles/src/pydicom/data/test_files");
        List<Path> sets = List.of(shared.resolve("rt_utils_testdata/tests"), shared.resolve(
                "highdicom_testdata/data/test_files"), pydicomFiles.resolve("dicomdirtests/77654033/CT2"));
        for (int i = 0; i < sets.size(); i++) {
            copy(sets.get(i), in.resolve("set" + i));
        }
        for (String name : List.of("rtstruct.dcm", "rtplan.dcm", "rtdose.dcm")) {
            Files.copy(pydicomFiles.resolve(name), in.resolve(name));
        }
        Path out = tmp.resolve("out");
        DeidCommandTest.Result r = DeidCommandTest.run("deid", "--in", in.toString(), "--out", out.toString(),
                "--policy", "research", "--key", tmp.resolve("k.key").toString(), "--jobs", "2");
        assertEquals(0, r.exit(), r.err());
        JsonNode references = new ObjectMapper().readTree(out.resolve(RunReport.JSON).toFile()).get("references");
        Map<String, String> ours = new TreeMap<>();
        for (JsonNode row : references.get("byAttribute")) {
            ours.put(row.get("path").asText(), row.get("checked").asLong() + " " + row.get("dangling").asLong());
        }
        String program = String.join("\n",
                "import sys, os, pydicom",
                "from pydicom.uid import UID_dictionary",
                "sets = []",
                "for root, dirs, files in os.walk(sys.argv[1]):",
                "    sets += [pydicom.dcmread(os.path.join(root, f)) for f in files if f.endswith('.dcm')]",
                "defs = {k: {str(d.get(k, '')) for d in sets} for k in ('SOPInstanceUID', 'SeriesInstanceUID',",
                "        'StudyInstanceUID', 'FrameOfReferenceUID')}",
                "target = {'ReferencedSOPInstanceUID': 'SOPInstanceUID', 'ReferencedFrameOfReferenceUID':",
                "          'FrameOfReferenceUID', 'RelatedFrameOfReferenceUID': 'FrameOfReferenceUID'}",
                "nested = ('SeriesInstanceUID', 'StudyInstanceUID', 'FrameOfReferenceUID')",
                "rows = {}",
                "def walk(ds, path, depth):",
                "    cls = str(ds.get('ReferencedSOPClassUID', '')) if depth else ''",
                "    stored = not cls or cls not in UID_dictionary or 'Storage' in UID_dictionary[cls][0]",
                "    for e in ds:",
                "        p = path + '(%04X,%04X)' % (e.tag.group, e.tag.element)",
                "        if e.VR == 'SQ':",
                "            for item in e.value: walk(item, p + '[n].', depth + 1)",
                "            continue",
                "        kind = target.get(e.keyword) or (e.keyword if depth and e.keyword in nested else None)",
                "        if not kind or not e.value or kind == 'SOPInstanceUID' and not stored: continue",
                "        for v in (e.value if e.VM > 1 else [e.value]):",
                "            v = str(v).strip()",
                "            if not v or v in UID_dictionary: continue",
                "            row = rows.setdefault(p, [0, 0])",
                "            row[0] += 1",
                "            row[1] += v not in defs[kind]",
                "for d in sets: walk(d, '', 0)",
                "for p in sorted(rows): print('ROW', p, rows[p][0], rows[p][1])",
                "print('OUTPUTS', len(sets))");
        Peers.Result p = Peers.runPythonWithArguments(program, List.of(out.toString()), 120);
        assertEquals(0, p.exitCode(), p.stderr());
        Map<String, String> theirs = new TreeMap<>();
        p.stdout().lines().filter(l -> l.startsWith("ROW ")).forEach(l -> {
            String[] f = l.split(" ");
            theirs.put(f[1], f[2] + " " + f[3]);
        });
        assertEquals(theirs, ours, "checked and dangling references per attribute path");
        assertTrue(p.stdout().contains("OUTPUTS " + references.get("outputsChecked").asLong()), p.stdout());
        long checked = references.get("checked").asLong();
        long dangling = references.get("dangling").asLong();
        assertTrue(dangling > 0 && checked - dangling > 10, "some resolve, some dangle: " + references);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }
}
