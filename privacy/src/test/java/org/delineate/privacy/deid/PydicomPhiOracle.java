package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.Peers;
import org.delineate.privacy.StandardTable;

/**
 * pydicom as the judge of residual PHI: collects the identifying values of each input file on its own, from the
 * standard's Table E.1-1 JSON rather than from the engine (every PN value and name component, the free text of
 * every attribute the table does not keep under the options applied, every date, every UID that is neither in
 * pydicom's UID registry nor a class UID), then reports every element of the matching output (File Meta included;
 * Pixel Data, numeric VRs and CS excluded: defined terms such as NONE or RTSTRUCT are no identifiers even when a
 * removed description holds the same word) whose value contains one, ignoring case. Tokens shorter than five
 * characters count only as whole words ("RIS" is a name component in one file, and part of "Characteristics");
 * decimal numbers and the dummy "ANONYMOUS" are not identifiers.
 */
public final class PydicomPhiOracle {

    private static final String PROGRAM = String.join("\n",
            "import json, re, sys, pydicom",
            "from pydicom.uid import UID_dictionary",
            "table = {}",
            "for row in json.load(open(sys.argv[1])):",
            "    t = row['tag']",
            "    if re.fullmatch(r'\\([0-9A-F]{4},[0-9A-F]{4}\\)', t): table[int(t[1:5] + t[6:10], 16)] = row",
            "options = [c for c in sys.argv[2].split(',') if c]",
            "def action(tag):",
            "    row = table.get(int(tag))",
            "    if row is None: return None",
            "    chosen = [row[c] for c in options if row.get(c)]",
            "    return 'C' if 'C' in chosen else chosen[0] if chosen else row['basicProfile']",
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
            "NUMBER = re.compile(r'[+-]?[0-9]*\\.[0-9]+')",
            "def identifiers(ds):",
            "    ids = set()",
            "    def add(s):",
            "        s = s.strip().strip('\\x00').strip()",
            "        if len(s) >= (4 if s.isdigit() else 3) and s.upper() != 'ANONYMOUS' and not NUMBER.fullmatch(s):",
            "            ids.add(s.upper())",
            "    for p, e in walk(ds):",
            "        if e.tag == 0x7FE00010 or e.VR in ('UN', 'OB', 'OW'): continue",
            "        if e.VR == 'PN':",
            "            for v in values(e):",
            "                add(v)",
            "                for c in re.split(r'[\\^=]', v): add(c)",
            "        elif e.VR == 'DA' and 'rtnLongFullDatesOpt' not in options:",
            "            for v in values(e): add(v)",
            "        elif e.VR == 'DT' and 'rtnLongFullDatesOpt' not in options:",
            "            for v in values(e): add(v[:8])",
            "        elif e.VR == 'UI' and 'rtnUIDsOpt' not in options:",
            "            if not (e.keyword or '').endswith('ClassUID'):",
            "                for v in values(e):",
            "                    if v not in UID_dictionary and len(v) >= 10: add(v)",
            "        elif e.VR in ('LO', 'SH', 'ST', 'LT', 'UT', 'UC') and action(e.tag) not in (None, 'K', 'C'):",
            "            for v in values(e): add(v)",
            "    return ids",
            "def found(t, u):",
            "    if len(t) >= 5: return t in u",
            "    return re.search(r'(?<![A-Z0-9])' + re.escape(t) + r'(?![A-Z0-9])', u) is not None",
            "for i in range(3, len(sys.argv), 2):",
            "    src = pydicom.dcmread(sys.argv[i], force=True)",
            "    out = pydicom.dcmread(sys.argv[i + 1], force=True)",
            "    ids = identifiers(src)",
            "    print('IDS', len(ids))",
            "    for p, e in list(walk(out.file_meta, 'meta:')) + list(walk(out)):",
            "        if e.tag == 0x7FE00010 or e.VR in ('CS', 'IS', 'DS', 'US', 'SS', 'UL', 'SL', 'FL', 'FD', 'AT'): continue",
            "        for v in values(e):",
            "            u = v.upper()",
            "            for t in ids:",
            "                if found(t, u):",
            "                    print('LEAK', sys.argv[i + 1].split('/')[-1], p, e.keyword, 'contains', t)");

    private PydicomPhiOracle() {
    }

    /**
     * Asserts that no output (paired with its input) holds an identifying value of its input.
     *
     * @param options the options applied, as Table E.1-1 JSON column names (which attributes they keep)
     */
    public static void assertNoResidualPhi(List<Path[]> inputOutputPairs, String... options) throws IOException {
        List<String> args = new ArrayList<>();
        args.add(StandardTable.path().toString());
        args.add(String.join(",", options));
        for (Path[] pair : inputOutputPairs) {
            args.add(pair[0].toString());
            args.add(pair[1].toString());
        }
        Peers.Result result = Peers.runPythonWithArguments(PROGRAM, args, 300);
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
