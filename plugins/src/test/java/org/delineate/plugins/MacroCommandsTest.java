package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;

import ij.IJ;
import ij.Menus;

import org.delineate.plugins.open.SampleStudy;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands run the way macros run them, headless in batch mode: a macro text through ImageJ's
 * interpreter calling {@code run("Open DICOM Series", "folder=... series=1")} and friends with their
 * documented keys (docs/macro-reference.md).
 */
class MacroCommandsTest {

    @TempDir
    static Path cache;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void registerCommands() throws Exception {
        // NB: plain ImageJ 1.x builds its command table with its AWT menu bar, which a headless JVM cannot
        // make (Fiji's headless mode patches this); the test fills the table itself, as ImageJ would from
        // plugins.config.
        Field table = Menus.class.getDeclaredField("pluginsTable");
        table.setAccessible(true);
        if (table.get(null) == null) {
            table.set(null, new Hashtable<String, String>());
        }
        Hashtable<String, String> commands = (Hashtable<String, String>) Menus.getCommands();
        for (String[] entry : DelineateImageJ.entries()) {
            commands.put(entry[1], entry[2]);
        }
    }

    @Test
    void openDicomSeriesFromTheTransferSyntaxCorpus() {
        Path folder = TestFiles.assumeTestdata().resolve("dcm_qa_ts/In");
        String result = IJ.runMacro(String.join("\n",
                "setBatchMode(true);",
                "run(\"Open DICOM Series\", \"folder=[" + folder + "] series=1\");",
                "getVoxelSize(w, h, d, unit);",
                "r = \"\" + nImages + \" \" + getWidth() + \"x\" + getHeight() + \"x\" + nSlices + \" \" + unit;",
                "close();",
                "return r;"));
        assertTrue(result != null && result.startsWith("1 "), result);
        assertTrue(result.endsWith(" mm"), result);
    }

    @Test
    void openSampleThenWindowPresetThenSeriesByUid() throws Exception {
        Path sample = SampleStudy.ensure(cache);
        String result = IJ.runMacro(String.join("\n",
                "setBatchMode(true);",
                "run(\"Open DICOM Series\", \"folder=[" + sample + "] series=1\");",
                "run(\"Window Preset\", \"preset=lung\");",
                "getMinAndMax(min, max);",
                "getVoxelSize(w, h, d, unit);",
                "v = calibrate(getPixel(88, 60));",
                "r = \"\" + nImages + \" \" + getWidth() + \"x\" + getHeight() + \"x\" + nSlices + \" \" + w + \" \" + unit"
                        + " + \" \" + min + \" \" + max;",
                "setSlice(21);",
                "r = r + \" \" + calibrate(getPixel(88, 60)) + \" \" + calibrate(getPixel(0, 0));",
                "close();",
                "return r;"));
        assertEquals("1 128x128x40 2.5 mm -1350 150 100 -1000", result);
    }

    @Test
    void openNiftiAgainstNibabel() throws Exception {
        Path nii = TestFiles.assumeTestdata().resolve("dcm_qa_ts/Ref/1.nii");
        Peers.assumePythonModule("nibabel");
        Peers.Result r = Peers.runPythonWithArguments(String.join("\n",
                "import sys, nibabel",
                "img = nibabel.load(sys.argv[1])",
                "s, z = img.shape, img.header.get_zooms()",
                "print('%dx%dx%d %.4f %.4f %.4f' % (s[0], s[1], s[2], z[0], z[1], z[2]))"), List.of(nii.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        String result = IJ.runMacro(String.join("\n",
                "setBatchMode(true);",
                "run(\"Open NIfTI\", \"path=[" + nii + "] volume=1\");",
                "getVoxelSize(w, h, d, unit);",
                "r = \"\" + getWidth() + \"x\" + getHeight() + \"x\" + nSlices + \" \" + d2s(w, 4) + \" \" + d2s(h, 4)"
                        + " + \" \" + d2s(d, 4);",
                "close();",
                "return r;"));
        assertEquals(r.stdout().strip(), result);
    }

    @Test
    void missingFolderAbortsTheMacroWithAMessage() {
        PrintStream out = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String result;
        try {
            // NB: headless, IJ.log prints to System.out
            System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
            result = IJ.runMacro(String.join("\n",
                    "setBatchMode(true);",
                    "run(\"Open DICOM Series\", \"folder=[" + cache.resolve("nothing-here") + "] series=1\");",
                    "return \"went on\";"));
        } finally {
            System.setOut(out);
        }
        assertNotEquals("went on", result);
        assertEquals("Open DICOM Series: no such file or folder: " + cache.resolve("nothing-here"),
                log.toString(StandardCharsets.UTF_8).strip());
    }
}
