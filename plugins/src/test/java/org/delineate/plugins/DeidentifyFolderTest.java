package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.delineate.cli.DelineateCommand;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * De-identify Folder as a macro runs it: it resumes a run `delineate deid` started with the same folders, key and
 * policy (both record the policy with the same digest), and names a wrong policy. What the engine does to the files
 * is judged in the privacy module and by the compliance example macro's test.
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
        var cli = DelineateCommand.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute("deid", "--in", in.toString(), "--out", out.toString(), "--policy", "research",
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
}
