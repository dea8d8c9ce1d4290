package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.privacy.PrivacyPeers;

/**
 * pydicom as the judge of residual PHI: collects the identifying values of each input file on its own (every PN
 * value and name component, ID-like LO/SH values, institution and station names, private text, every date, every
 * UID that is not in pydicom's UID registry and not a class UID), then reports every element of the matching
 * output (File Meta included, Pixel Data excluded) whose value contains one, ignoring case (tokens shorter than
 * five characters only as whole words: "RIS" is a name component in one file, and part of "Characteristics").
 */
final class PydicomPhiOracle {

    private static final String PROGRAM = String.join("\n",
            "import re, sys, pydicom",
            "from pydicom.uid import UID_dictionary",
            "def walk(ds, path=''):",
            "    for e in ds:",
            "        p = path + '(%04X,%04X)' % (e.tag.group, e.tag.element)",
            "        if e.VR == 'SQ':",
            "            for i, item in enumerate(e.value):",
            "                yield from walk(item, p + '[%d].' % (i + 1))",
            "        else:",
            "            yield p, e",
            "def values(e):",
            "    v = e.value",
            "    if v is None: return []",
            "    if isinstance(v, (bytes, bytearray)): return [v.decode('latin-1')]",
            "    if isinstance(v, (list, pydicom.multival.MultiValue)): return [str(x) for x in v]",
            "    return [str(v)]",
            "ID_LIKE = {'AccessionNumber', 'InstitutionName', 'InstitutionAddress', 'StationName',",
            "           'InstitutionalDepartmentName', 'DeviceSerialNumber', 'RequestingService'}",
            "def identifiers(ds):",
            "    ids = set()",
            "    def add(s):",
            "        s = s.strip().strip('\\x00').strip()",
            "        if len(s) >= (4 if s.isdigit() else 3): ids.add(s.upper())",
            "    for p, e in walk(ds):",
            "        kw = e.keyword or ''",
            "        if e.tag == 0x7FE00010 or e.VR in ('UN', 'OB', 'OW'): continue",
            "        if e.VR == 'PN':",
            "            for v in values(e):",
            "                add(v)",
            "                for c in re.split(r'[\\^=]', v): add(c)",
            "        elif e.VR == 'DA':",
            "            for v in values(e): add(v)",
            "        elif e.VR == 'DT':",
            "            for v in values(e): add(v[:8])",
            "        elif e.VR == 'UI':",
            "            if not kw.endswith('ClassUID'):",
            "                for v in values(e):",
            "                    if v not in UID_dictionary and len(v) >= 10: add(v)",
            "        elif e.VR in ('LO', 'SH', 'ST'):",
            "            if (e.tag.is_private and e.tag.element >= 0x1000) or kw.endswith('ID') or kw.endswith('IDs') \\",
            "                    or kw in ID_LIKE:",
            "                for v in values(e): add(v)",
            "    return ids",
            "bad = 0",
            "for i in range(1, len(sys.argv), 2):",
            "    src = pydicom.dcmread(sys.argv[i], force=True)",
            "    out = pydicom.dcmread(sys.argv[i + 1], force=True)",
            "    ids = identifiers(src)",
            "    print('IDS', len(ids))",
            "    elements = list(walk(out.file_meta, 'meta:')) + list(walk(out))",
            "    for p, e in elements:",
            "        if e.tag == 0x7FE00010: continue",
            "        for v in values(e):",
            "            u = v.upper()",
            "            for t in ids:",
            "                if (t in u) if len(t) >= 5 else re.search(r'(?<![A-Z0-9])' + re.escape(t) + r'(?![A-Z0-9])', u):",
            "                    bad += 1",
            "                    print('LEAK', sys.argv[i + 1].split('/')[-1], p, e.keyword, 'contains', t)");

    private PydicomPhiOracle() {
    }

    /** Asserts that no output (paired with its input) holds an identifying value of its input. */
    static void assertNoResidualPhi(List<Path[]> inputOutputPairs) throws IOException {
        List<String> args = new ArrayList<>();
        for (Path[] pair : inputOutputPairs) {
            args.add(pair[0].toString());
            args.add(pair[1].toString());
        }
        PrivacyPeers.Result result = PrivacyPeers.runPython(PROGRAM, args, 300);
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> leaks = result.stdout().lines().filter(l -> l.startsWith("LEAK")).toList();
        assertEquals(List.of(), leaks, "identifying values survived de-identification");
        List<String> counts = result.stdout().lines().filter(l -> l.startsWith("IDS")).toList();
        assertEquals(inputOutputPairs.size(), counts.size(), result.stdout());
        for (String count : counts) {
            assertTrue(Integer.parseInt(count.substring(4)) > 0, "the oracle found no identifier in an input");
        }
    }
}
