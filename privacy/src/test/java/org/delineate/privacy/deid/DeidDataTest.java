package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.privacy.FakePseudonyms;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.privacy.policy.Policy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on the real files of pydicom/deid-data (made-up PHI in real headers: dicom-cookies and CT brain
 * secondary captures), written as a batch runner would (new File Meta, zero preamble, named by the new SOP
 * Instance UID), judged by pydicom (residual PHI, UID references, pixels) and dciodvfy (no new errors).
 */
class DeidDataTest {

    @TempDir
    Path tmp;

    private static List<Path> inputs() throws IOException {
        Path root = TestFiles.shared().resolve("testdata/deid_data/deid_data/data");
        Assumptions.assumeTrue(Files.isDirectory(root), root + " is missing");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** De-identifies every input with one engine; returns (input, output) pairs. */
    private List<Path[]> run(String preset) throws IOException {
        Deidentifier engine = Deidentifier.create(Policy.preset(preset), new FakePseudonyms());
        Path outDir = Files.createDirectories(tmp.resolve(preset));
        List<Path[]> pairs = new ArrayList<>();
        for (Path input : inputs()) {
            DicomFile file = DicomReader.read(input);
            DeidentificationResult result = engine.apply(file.dataSet());
            Path output = outDir.resolve(result.sopInstanceUid() + ".dcm");
            new DicomWriter(WriteOptions.fresh(null)).write(new DicomFile(null, null, file.dataSet(),
                    file.transferSyntax(), List.of(), null, true), output);
            pairs.add(new Path[] {input, output});
        }
        assertTrue(pairs.size() >= 9, "deid-data has 9 DICOM files, found " + pairs.size());
        return pairs;
    }

    @Test
    void noIdentifierSurvives() throws IOException {
        Peers.assumePydicom();
        PydicomPhiOracle.assertNoResidualPhi(run("basic"));
        PydicomPhiOracle.assertNoResidualPhi(run("research"), DeidentifierTest.RESEARCH_COLUMNS);
    }

    @Test
    void uidReferencesStayConsistentAndPixelsUntouched() throws IOException {
        Peers.assumePydicom();
        List<String> args = new ArrayList<>();
        for (Path[] pair : run("research")) {
            args.add(pair[0].toString());
            args.add(pair[1].toString());
        }
        String program = String.join("\n",
                "import sys, pydicom",
                "from pydicom.uid import UID_dictionary",
                "def uids(ds, path=''):",
                "    for e in ds:",
                "        p = path + str(e.tag)",
                "        if e.VR == 'SQ':",
                "            for i, item in enumerate(e.value):",
                "                yield from uids(item, p + '[%d].' % i)",
                "        elif e.VR == 'UI' and e.value:",
                "            for j, v in enumerate(e.value if isinstance(e.value, pydicom.multival.MultiValue)"
                        + " else [e.value]):",
                "                yield p + '#%d' % j, str(v)",
                "forward, backward, problems, shared = {}, {}, [], 0",
                "for i in range(1, len(sys.argv), 2):",
                "    a = pydicom.dcmread(sys.argv[i]); b = pydicom.dcmread(sys.argv[i + 1])",
                "    if a.PixelData != b.PixelData: problems.append('pixels differ ' + sys.argv[i])",
                "    out = dict(uids(b))",
                "    for path, uid in uids(a):",
                "        if path not in out: continue",
                "        new = out[path]",
                "        if uid in UID_dictionary:",
                "            if new != uid: problems.append('registry UID changed at ' + path)",
                "            continue",
                "        if new == uid and not path.startswith('(0008, 1150)') and 'ClassUID' not in"
                        + " (pydicom.datadict.keyword_for_tag(int(path.split('#')[0].split('.')[-1]"
                        + ".split('[')[0].strip('()').replace(', ', ''), 16)) or ''):",
                "            problems.append('UID kept at ' + path)",
                "        if forward.setdefault(uid, new) != new: problems.append('two outputs for one input UID')",
                "        if backward.setdefault(new, uid) != uid: problems.append('one output for two input UIDs')",
                "    shared += 0",
                "print('MAPPED', len(forward))",
                "for p in problems: print('PROBLEM', p)");
        Peers.Result result = Peers.runPythonWithArguments(program, args, 300);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of(), result.stdout().lines().filter(l -> l.startsWith("PROBLEM")).toList());
        int mapped = Integer.parseInt(result.stdout().lines().filter(l -> l.startsWith("MAPPED")).findFirst()
                .orElseThrow().substring(7));
        assertTrue(mapped >= 18, "at least two instance UIDs per file were mapped: " + mapped);
    }

    @Test
    void dciodvfyFindsNoMoreErrorsThanInTheInput() throws IOException {
        Peers.assumeInstalled("dciodvfy");
        long totalBefore = 0;
        long totalAfter = 0;
        for (Path[] pair : run("research")) {
            long before = errors(pair[0]);
            long after = errors(pair[1]);
            totalBefore += before;
            totalAfter += after;
            assertTrue(after <= before, pair[0].getFileName() + ": " + before + " errors before, " + after
                    + " after:\n" + Peers.run(List.of("dciodvfy", pair[1].toString()), 60).stderr());
        }
        System.out.println("DeidDataTest: dciodvfy errors in the inputs " + totalBefore + ", in the outputs "
                + totalAfter);
    }

    private static long errors(Path file) throws IOException {
        Peers.Result r = Peers.run(List.of("dciodvfy", file.toString()), 60);
        return (r.stdout() + r.stderr()).lines().filter(l -> l.startsWith("Error")).count();
    }
}
