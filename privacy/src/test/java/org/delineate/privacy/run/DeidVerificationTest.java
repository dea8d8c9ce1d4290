package org.delineate.privacy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.privacy.deid.PhiDataSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The verification pass of {@code delineate deid} on identifiers planted where the engine does not look: a
 * patient's name inside a binary (OB) private value and an original UID in private text, both in a private block
 * the policy retains (with identifier-echo scrubbing off, so the engine keeps the text). The pass must withhold every
 * file of that patient, release the other patient's, fail the run (exit 3) and say why without the values; pydicom
 * judges what the output folder holds. With the research preset (private elements removed) the same inputs pass.
 */
class DeidVerificationTest {

    static final String STUDY_P = "1.2.826.0.1.3680043.98.1";
    static final String STUDY_Q = "1.2.826.0.1.3680043.97.1";
    static final String POLICY = """
            {"version": 1, "name": "planted", "extends": "research", "scrubIdentifierText": false,
             "privateAttributes": [{"creator": "PLANTED 1.0", "action": "K"}]}
            """;

    @TempDir
    static Path tmp;
    static Path in;
    static DeidCommandTest.Result planted;
    static DeidCommandTest.Result again;
    static DeidCommandTest.Result research;

    static DataSet patient(String name, String id, String study, int instance) {
        DataSet ds = new DataSet();
        ds.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(0x00080018, VR.UI, study + ".3." + instance);
        ds.setString(0x00080020, VR.DA, "20200315");
        ds.setString(0x00080050, VR.SH, "ACC" + id.substring(id.length() - 6));
        ds.setString(0x00080060, VR.CS, "CT");
        ds.setString(0x00081030, VR.LO, "CT HEAD");
        ds.setString(0x00100010, VR.PN, name);
        ds.setString(0x00100020, VR.LO, id);
        ds.setString(0x00100030, VR.DA, "19700315");
        ds.setString(0x0020000D, VR.UI, study);
        ds.setString(0x0020000E, VR.UI, study + ".2");
        ds.setString(0x00200052, VR.UI, study + ".5");
        ds.setString(0x00200013, VR.IS, Integer.toString(instance));
        PhiDataSets.pixels(ds);
        ds.setBytes(0x7FE00010, VR.OW, new byte[] {1, 0, 2, 0, 3, 0, (byte) instance, 0});
        return ds;
    }

    static void write(DataSet ds, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new DicomWriter(WriteOptions.fresh(null)).write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
    }

    @BeforeAll
    static void run() throws IOException {
        Peers.assumePydicom();
        in = Files.createDirectories(tmp.resolve("in"));
        write(patient("Doe^Johnathan", "MRN0012345", STUDY_P, 1), in.resolve("p/1.dcm"));
        DataSet binary = patient("Doe^Johnathan", "MRN0012345", STUDY_P, 2);
        binary.setString(0x00110010, VR.LO, "PLANTED 1.0");
        binary.setBytes(0x00111010, VR.OB, "\u0001\u0002\u00ffDOE^JOHNATHAN\u0000\u0003"
                .getBytes(StandardCharsets.ISO_8859_1));
        write(binary, in.resolve("p/2.dcm"));
        DataSet text = patient("Doe^Johnathan", "MRN0012345", STUDY_P, 3);
        text.setString(0x00110010, VR.LO, "PLANTED 1.0");
        text.setString(0x00111011, VR.LT, "compared with the study " + STUDY_P);
        write(text, in.resolve("p/3.dcm"));
        write(patient("Roe^Richard", "MRN0067890", STUDY_Q, 1), in.resolve("q/1.dcm"));
        Path policy = Files.writeString(tmp.resolve("planted.json"), POLICY);
        planted = deid("planted", policy.toString());
        again = deid("planted", policy.toString());
        research = deid("research", "research");
    }

    static DeidCommandTest.Result deid(String out, String policy) {
        return DeidCommandTest.run("deid", "--in", in.toString(), "--out", tmp.resolve(out).toString(), "--policy",
                policy, "--key", tmp.resolve("k.key").toString(), "--jobs", "2");
    }

    static JsonNode report(String out) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve(out).resolve(RunReport.JSON).toFile());
    }

    @Test
    void plantedIdentifiersWithholdThePatientAndFailTheRun() throws IOException {
        assertEquals(3, planted.exit(), planted.err());
        assertTrue(planted.err().contains("VERIFICATION FAILED") && planted.err().contains("the 3 files of those 1 "
                + "patients are withheld"), planted.err());
        JsonNode report = report("planted");
        assertEquals(1, report.get("files").get("written").asInt(), "patient Q");
        assertEquals(3, report.get("files").get("withheld").asInt(), "every file of patient P");
        assertFalse(report.get("verification").get("passed").asBoolean());
        assertEquals(3, report.get("verification").get("filesWithheld").asInt());
        assertEquals(1, report.get("verification").get("patientsWithheld").asInt());
        List<String> reasons = new ArrayList<>();
        report.get("withheld").forEach(w -> reasons.add(w.get("reason").asText()));
        reasons.sort(null);
        assertEquals(List.of(
                "verification: (0011,1010) holds a token of the patient's name; every file of the patient is withheld",
                "verification: (0011,1011) holds an original UID; every file of the patient is withheld",
                Outputs.SIBLING), reasons);
        for (String input : List.of("p/1.dcm", "p/2.dcm", "p/3.dcm")) {
            Path note = tmp.resolve("planted").resolve("withheld")
                    .resolve(DeidCommandTest.keyed(tmp.resolve("k.key")).opaqueId(input) + ".txt");
            assertTrue(Files.readString(note).contains("verification: "), input);
        }
    }

    @Test
    void nothingWrittenOrReportedHoldsThePlantedValues() throws IOException {
        List<String> texts = new ArrayList<>(List.of(planted.err(), again.err()));
        try (Stream<Path> files = Files.walk(tmp.resolve("planted"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(f.toString());
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        for (String text : texts) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (String value : List.of("JOHNATHAN", "MRN0012345", STUDY_P, "RICHARD", "MRN0067890", STUDY_Q)) {
                assertFalse(upper.contains(value), value + " in " + text.substring(0, Math.min(80, text.length())));
            }
        }
    }

    /** pydicom reads every file of the output folder: one DICOM output, patient Q's, and nothing of patient P. */
    @Test
    void pydicomFindsOnlyTheOtherPatientsOutput() throws IOException {
        String program = String.join("\n",
                "import sys, os, pydicom",
                "def walk(ds):",
                "    for e in ds:",
                "        if e.VR == 'SQ':",
                "            for item in e.value: yield from walk(item)",
                "        else: yield e",
                "found = []",
                "for root, dirs, files in os.walk(sys.argv[1]):",
                "    for f in files:",
                "        if not f.endswith('.dcm'): continue",
                "        ds = pydicom.dcmread(os.path.join(root, f))",
                "        found.append(str(ds.PatientName))",
                "        for e in list(walk(ds.file_meta)) + list(walk(ds)):",
                "            v = e.value",
                "            raw = v if isinstance(v, bytes) else str(v).encode('latin-1', 'replace')",
                "            for token in (b'JOHNATHAN', b'MRN0012345', sys.argv[2].encode()):",
                "                if token in raw.upper() or token in raw.replace(b'\\x00', b'').upper():",
                "                    print('LEAK', f, e.tag, token)",
                "print('OUTPUTS', len(found), sorted(found))");
        for (String out : List.of("planted", "research")) {
            Peers.Result r = Peers.runPythonWithArguments(program, List.of(tmp.resolve(out).toString(), STUDY_P), 120);
            assertEquals(0, r.exitCode(), r.stderr());
            assertFalse(r.stdout().contains("LEAK"), r.stdout());
            assertTrue(r.stdout().contains(out.equals("planted") ? "OUTPUTS 1 " : "OUTPUTS 4 "), out + ": "
                    + r.stdout());
        }
    }

    @Test
    void aResumedRunKeepsThePatientWithheld() throws IOException {
        assertEquals(3, again.exit(), again.err());
        assertEquals(4, report("planted").get("files").get("skippedAsDoneBefore").asInt());
        assertEquals(3, report("planted").get("verification").get("filesWithheld").asInt());
    }

    @Test
    void theSameInputsPassWhenThePolicyRemovesThePrivateBlock() throws IOException {
        assertEquals(0, research.exit(), research.err());
        JsonNode report = report("research");
        assertTrue(report.get("verification").get("passed").asBoolean());
        assertEquals(4, report.get("files").get("written").asInt());
    }
}
