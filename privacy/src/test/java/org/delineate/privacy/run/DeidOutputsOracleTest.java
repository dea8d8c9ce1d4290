package org.delineate.privacy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of one {@code delineate deid} run on {@link DeidInputs} judged by external tools: pydicom (references
 * resolve inside the output, frames of reference stay shared, pixels unchanged unless a rule applied), nibabel (the
 * NIfTI header scrubbed, voxels and affine unchanged), dciodvfy (no more errors than in the inputs) and the
 * mapping tables ({@code --mappings}) against what pydicom reads in inputs and outputs.
 */
class DeidOutputsOracleTest {

    @TempDir
    static Path tmp;
    static Path in;
    static Path out;
    static Path key;
    static Path mappings;
    static List<String> dicomInputs;

    @BeforeAll
    static void run() throws IOException {
        Peers.assumePydicom();
        in = Files.createDirectories(tmp.resolve("in"));
        dicomInputs = DeidInputs.create(in);
        out = tmp.resolve("out");
        key = tmp.resolve("k.key");
        mappings = tmp.resolve("sensitive");
        Path rules = Files.writeString(tmp.resolve("rules.json"), DeidInputs.RULES);
        DeidCommandTest.Result r = runDeid(rules);
        assertEquals(0, r.exit(), r.err());
    }

    private static DeidCommandTest.Result runDeid(Path rules) {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = org.delineate.cli.DelineateCommand.execute(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true), "deid", "--in", in.toString(), "--out", out.toString(), "--policy", "research",
                "--key", key.toString(), "--rules", rules.toString(), "--jobs", "2", "--mappings", mappings.toString());
        return new DeidCommandTest.Result(exit, err.toString());
    }

    private static List<String> pairArguments() throws IOException {
        List<String> args = new ArrayList<>();
        for (String input : dicomInputs) {
            Path output = DeidCommandTest.expectedOutput(out, input, key, in);
            args.add(in.resolve(input).toString());
            args.add(output.toString());
        }
        return args;
    }

    @Test
    void referencesResolveInsideTheOutputAndFramesOfReferenceStayShared() throws IOException {
        String program = String.join("\n",
                "import sys, pydicom",
                "def refs(ds):",
                "    for e in ds:",
                "        if e.VR == 'SQ':",
                "            for item in e.value: yield from refs(item)",
                "        elif e.keyword == 'ReferencedSOPInstanceUID' and e.value:",
                "            yield str(e.value)",
                "def judge(files):",
                "    sets = [pydicom.dcmread(f) for f in files]",
                "    sops = {str(d.SOPInstanceUID) for d in sets}",
                "    resolved = sum(1 for d in sets for r in refs(d) if r in sops)",
                "    frames = {}",
                "    for d in sets:",
                "        if 'FrameOfReferenceUID' in d: frames.setdefault(str(d.FrameOfReferenceUID), set()).add(str(d.SeriesInstanceUID))",
                "    return resolved, sorted(len(s) for s in frames.values()), len(frames)",
                "args = sys.argv[1:]",
                "a = judge(args[0::2]); b = judge(args[1::2])",
                "print('INPUT', a); print('OUTPUT', b)",
                "print('SAME' if a == b else 'DIFFERENT')",
                "print('RESOLVED', b[0])");
        Peers.Result r = Peers.runPythonWithArguments(program, pairArguments(), 300);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("SAME"), r.stdout());
        int resolved = Integer.parseInt(r.stdout().lines().filter(l -> l.startsWith("RESOLVED")).findFirst()
                .orElseThrow().substring(9));
        assertTrue(resolved >= 3, "the generated instances reference the first: " + r.stdout());
    }

    @Test
    void mappingTablesAgreeWithInputsAndOutputs() throws IOException {
        Path uids = mappings.resolve("uid_mapping.csv");
        Path patients = mappings.resolve("patid_mapping.csv");
        if (Files.getFileStore(mappings).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(uids)), "the tables are sensitive: owner only");
        }
        try (var files = Files.walk(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("mapping")), "no table in the output");
        }
        // NB: every UID pydicom finds in an input (any depth) that the output no longer holds must be in the table,
        // mapped to the value at the same place in the output; Patient ID likewise.
        String program = String.join("\n",
                "import sys, csv, pydicom",
                "def table(path):",
                "    with open(path, newline='', encoding='utf-8') as f:",
                "        rows = list(csv.reader(f))",
                "    assert rows[0] == ['id_old', 'id_new'], rows[0]",
                "    m = {}",
                "    for old, new in rows[1:]:",
                "        assert m.get(old, new) == new, old",
                "        m[old] = new",
                "    return m",
                "uids = table(sys.argv[1]); pats = table(sys.argv[2])",
                "def walk(a, b, path=''):",
                "    for e in a:",
                "        if e.tag.is_private or e.tag not in b: continue",
                "        f = b[e.tag]",
                "        if e.VR == 'SQ':",
                "            for i, (x, y) in enumerate(zip(e.value, f.value)): yield from walk(x, y, path + str(e.tag) + str(i))",
                "        elif e.VR == 'UI' and e.value and f.value:",
                "            olds = list(e.value) if e.VM > 1 else [e.value]",
                "            news = list(f.value) if f.VM > 1 else [f.value]",
                "            for o, n in zip(olds, news): yield path + e.keyword, str(o), str(n)",
                "args = sys.argv[3:]",
                "checked = changed = 0",
                "for i in range(0, len(args), 2):",
                "    a = pydicom.dcmread(args[i]); b = pydicom.dcmread(args[i + 1])",
                "    for where, old, new in walk(a, b):",
                "        checked += 1",
                "        if old != new:",
                "            changed += 1",
                "            if uids.get(old) != new: print('PROBLEM uid', where, args[i].split('/')[-1])",
                "        elif old in uids: print('PROBLEM kept uid in table', where)",
                "    pid = str(a.get('PatientID', ''))",
                "    if pid and pats.get(pid) != str(b.PatientID): print('PROBLEM patient id', args[i].split('/')[-1])",
                "print('COUNTS', checked, changed, len(uids), len(pats))");
        List<String> args = new ArrayList<>(List.of(uids.toString(), patients.toString()));
        args.addAll(pairArguments());
        Peers.Result r = Peers.runPythonWithArguments(program, args, 300);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(), r.stdout().lines().filter(l -> l.startsWith("PROBLEM")).toList(), r.stdout());
        String[] counts = r.stdout().lines().filter(l -> l.startsWith("COUNTS")).findFirst().orElseThrow().split(" ");
        assertTrue(Integer.parseInt(counts[2]) >= 3 * dicomInputs.size() && Integer.parseInt(counts[4]) >= 1,
                "UIDs replaced and patient IDs mapped: " + r.stdout());
    }

    @Test
    void pixelsUnchangedUnlessARuleApplied() throws IOException {
        String program = String.join("\n",
                "import sys, pydicom, numpy as np",
                "args = sys.argv[1:]",
                "unchanged = redacted = 0",
                "for i in range(0, len(args), 2):",
                "    a = pydicom.dcmread(args[i]); b = pydicom.dcmread(args[i + 1])",
                "    if a.get('Modality') == 'CT' and a.get('Manufacturer') == 'SIEMENS' and a.Rows == 456:",
                "        px = b.pixel_array",
                "        band = px[:24].reshape(24 * b.Columns, -1)",
                "        flat = bool((band == band[0]).all())  # one fill per channel (black is 0,128,128 in YBR_FULL)",
                "        ok = b.file_meta.TransferSyntaxUID == '1.2.840.10008.1.2.1' and flat and px[24:].max() > px[24:].min() and b.BurnedInAnnotation == 'NO'",
                "        print('REDACTED' if ok else 'PROBLEM redaction', args[i].split('/')[-1]); redacted += ok",
                "    else:",
                "        same = a.PixelData == b.PixelData and a.file_meta.TransferSyntaxUID == b.file_meta.TransferSyntaxUID",
                "        print('UNCHANGED' if same else 'PROBLEM pixels changed', args[i].split('/')[-1]); unchanged += same",
                "print('COUNTS', unchanged, redacted)");
        Peers.Result r = Peers.runPythonWithArguments(program, pairArguments(), 300);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(), r.stdout().lines().filter(l -> l.startsWith("PROBLEM")).toList(), r.stdout());
        assertTrue(r.stdout().contains("COUNTS 10 2"), r.stdout());
    }

    @Test
    void niftiHeaderTextAndExtensionsGoneVoxelsAndAffineKept() throws IOException {
        Path output = out.resolve("nifti").resolve(DeidCommandTest.keyed(key).opaqueId(DeidInputs.NIFTI) + ".nii.gz");
        assertTrue(Files.isRegularFile(output), "no NIfTI output " + output);
        String program = String.join("\n",
                "import sys, gzip, numpy as np, nibabel as nib",
                "a = nib.load(sys.argv[1]); b = nib.load(sys.argv[2])",
                "h = b.header",
                "problems = []",
                "for field in ('descrip', 'aux_file', 'intent_name', 'db_name', 'data_type'):",
                "    if h[field].item() not in (b'', ''): problems.append(field + ' kept')",
                "if len(h.extensions): problems.append('extensions kept')",
                "if not np.array_equal(np.asanyarray(a.dataobj), np.asanyarray(b.dataobj)): problems.append('voxels differ')",
                "if a.get_data_dtype() != b.get_data_dtype(): problems.append('data type differs')",
                "if not np.allclose(a.affine, b.affine, atol=1e-5): problems.append('affine differs')",
                "raw = gzip.open(sys.argv[2]).read().upper()",
                "for token in (b'DOE', b'JOHNATHAN', b'MRN0012345', b'20200315'):",
                "    if token in raw: problems.append('bytes hold ' + token.decode())",
                "print('A', a.header['descrip'], len(a.header.extensions))",
                "for p in problems: print('PROBLEM', p)");
        Peers.Result r = Peers.runPythonWithArguments(program, List.of(in.resolve(DeidInputs.NIFTI).toString(),
                output.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("MRN0012345") && r.stdout().contains(" 1"), "the input had the PHI: "
                + r.stdout());
        assertEquals(List.of(), r.stdout().lines().filter(l -> l.startsWith("PROBLEM")).toList());
    }

    @Test
    void dciodvfyFindsNoMoreErrorsThanInTheInputs() throws IOException {
        Peers.assumeInstalled("dciodvfy");
        // NB: through Python, which decodes dciodvfy's output leniently (it echoes Latin-1 values).
        String program = String.join("\n",
                "import sys, subprocess",
                "def errors(f):",
                "    r = subprocess.run(['dciodvfy', f], capture_output=True, timeout=60)",
                "    text = (r.stdout + r.stderr).decode('latin-1')",
                "    return [l for l in text.splitlines() if l.startswith('Error')]",
                "args = sys.argv[1:]",
                "before = after = 0",
                "for i in range(0, len(args), 2):",
                "    b = errors(args[i]); a = errors(args[i + 1])",
                "    before += len(b); after += len(a)",
                "    if len(a) > len(b): print('PROBLEM', args[i].split('/')[-1], len(b), len(a), a)",
                "print('TOTAL', len(args) // 2, before, after)");
        Peers.Result r = Peers.runPythonWithArguments(program, pairArguments(), 600);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(), r.stdout().lines().filter(l -> l.startsWith("PROBLEM")).toList());
        System.out.println("DeidOutputsOracleTest: dciodvfy " + r.stdout().lines().filter(l -> l.startsWith("TOTAL"))
                .findFirst().orElseThrow() + " (files, errors in the inputs, errors in the outputs)");
    }
}
