package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.cli.DelineateCommand;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * De-identify Folder as a macro runs it: it resumes a run `delineate deid` started with the same folders, key and
 * policy (both record the policy with the same digest), writes the mapping tables where {@code mappings=} says,
 * stops the macro when the verification pass withholds a patient, and names a wrong policy or mapping folder. What
 * the engine does to the files is judged in the privacy module and by the compliance example macro's test.
 */
class DeidentifyFolderTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void registerCommands() throws Exception {
        MacroCommandsTest.registerCommands();
    }

    @Test
    void resumesWhatTheCommandLineDidAndWritesTheReport() throws Exception {
        Path files = TestFiles.assumeTestdata().resolve("pydicom_testfiles/src/pydicom/data/test_files");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(files.resolve("CT_small.dcm"), in.resolve("a.dcm"));
        Files.copy(files.resolve("MR_small.dcm"), in.resolve("b.dcm"));
        Path out = tmp.resolve("out");
        Path key = tmp.resolve("deid.key");
        assertEquals(0, DelineateCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "deid", "--in", in.toString(), "--out", out.toString(), "--policy", "research",
                "--key", key.toString()));
        MacroRun r = MacroRun.of("run(\"De-identify Folder\", \"in=[" + in + "] out=[" + out + "] policy=research key=["
                + key + "]\");", "return \"done\";");
        assertEquals("done", r.result(), r.log());
        assertEquals("De-identify Folder: 2 files found, 2 written, 0 withheld, 0 quarantined (2 done by an earlier run); "
                + "report: " + out.resolve("deid-report.json"), r.log());
        assertTrue(Files.size(out.resolve("deid-report.txt")) > 0);
    }

    @Test
    void aWrongPolicyOrInputIsNamed() {
        Path key = tmp.resolve("deid.key");
        MacroRun policy = MacroRun.of("run(\"De-identify Folder\", \"in=[" + tmp + "] out=[" + tmp.resolve("out")
                + "] policy=nonsense key=[" + key + "]\");", "return \"went on\";");
        assertTrue(policy.aborted(), policy.result());
        assertEquals("De-identify Folder: policy=nonsense: neither a preset [basic, research, tcia] nor a policy file",
                policy.log());
        MacroRun missing = MacroRun.of("run(\"De-identify Folder\", \"out=[" + tmp.resolve("out") + "] policy=basic key=["
                + key + "]\");", "return \"went on\";");
        assertTrue(missing.aborted(), missing.result());
        assertEquals("De-identify Folder: the macro options lack in=<value> (see the macro reference)", missing.log());
        assertFalse(Files.exists(key), "nothing was made for a run that did not start");
    }

    @Test
    void writesTheMappingTablesWhereMappingsSays() throws Exception {
        Path files = TestFiles.assumeTestdata().resolve("pydicom_testfiles/src/pydicom/data/test_files");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(files.resolve("CT_small.dcm"), in.resolve("a.dcm"));
        Path out = tmp.resolve("out");
        Path maps = tmp.resolve("sensitive");
        MacroRun inside = MacroRun.of("run(\"De-identify Folder\", \"in=[" + in + "] out=[" + out + "] policy=basic key=["
                + tmp.resolve("k.key") + "] mappings=[" + out.resolve("maps") + "]\");", "return \"went on\";");
        assertTrue(inside.aborted(), inside.result());
        assertTrue(inside.log().endsWith("De-identify Folder: the mapping tables hold the original identifiers: their "
                + "folder must be outside the input and output folders"), inside.log());
        MacroRun r = MacroRun.of("run(\"De-identify Folder\", \"in=[" + in + "] out=[" + out + "] policy=basic key=["
                + tmp.resolve("k.key") + "] mappings=[" + maps + "]\");", "return \"done\";");
        assertEquals("done", r.result(), r.log());
        DataSet input = DicomReader.read(in.resolve("a.dcm")).dataSet();
        Path output;
        try (var walk = Files.walk(out)) {
            output = walk.filter(p -> p.toString().endsWith(".dcm")).findFirst().orElseThrow();
        }
        DataSet written = DicomReader.read(output).dataSet();
        List<String> uids = Files.readAllLines(maps.resolve("uid_mapping.csv"));
        assertEquals("id_old,id_new", uids.get(0));
        assertTrue(uids.contains(input.getString(Tag.StudyInstanceUID).strip() + ","
                + written.getString(Tag.StudyInstanceUID)), "the study's UID and its pseudonym: " + uids);
        assertEquals(List.of("id_old,id_new", input.getString(Tag.PatientID).strip() + ","
                + written.getString(Tag.PatientID)), Files.readAllLines(maps.resolve("patid_mapping.csv")));
    }

    /** A patient's name planted in a private binary value the policy keeps: the pass withholds it, the macro stops. */
    @Test
    void aFailedVerificationStopsTheMacro() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.96.3");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.96.1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.96.2");
        ds.setString(Tag.PatientName, VR.PN, "Doe^Johnathan");
        ds.setString(Tag.PatientID, VR.LO, "MRN0012345");
        ds.setString(0x00110010, VR.LO, "PLANTED 1.0");
        ds.setBytes(0x00111010, VR.OB, "\u0001\u0002DOE^JOHNATHAN\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1));
        new DicomWriter(WriteOptions.fresh(null)).write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                in.resolve("a.dcm"));
        Path policy = Files.writeString(tmp.resolve("planted.json"), "{\"version\": 1, \"name\": \"planted\", "
                + "\"extends\": \"basic\", \"privateAttributes\": [{\"creator\": \"PLANTED 1.0\", \"action\": \"K\"}]}");
        Path out = tmp.resolve("out");
        MacroRun r = MacroRun.of("run(\"De-identify Folder\", \"in=[" + in + "] out=[" + out + "] policy=[" + policy
                + "] key=[" + tmp.resolve("k.key") + "]\");", "return \"went on\";");
        assertTrue(r.aborted(), r.result());
        assertTrue(r.log().contains("VERIFICATION FAILED") && r.log().contains("the 1 files of those 1 patients are "
                + "withheld"), r.log());
        assertFalse(r.log().toUpperCase(java.util.Locale.ROOT).contains("JOHNATHAN"), r.log());
        try (var walk = Files.walk(out)) {
            assertTrue(walk.noneMatch(p -> p.toString().endsWith(".dcm")), "nothing released");
        }
    }
}
