package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;

import org.delineate.dicom.sample.CtPhantom;
import org.delineate.plugins.open.SampleStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ext. macro functions, run as a user's macro runs them: headless, in batch mode, on the sample study. */
class MacroFunctionsTest {

    @TempDir
    static Path cache;

    @TempDir
    Path out;

    @BeforeAll
    static void registerCommands() throws Exception {
        MacroCommandsTest.registerCommands();
    }

    @Test
    void aThresholdedSphereOnTheSampleLesionIsSavedAndMeasured() throws Exception {
        Path sample = SampleStudy.ensure(cache);
        CtPhantom p = CtPhantom.standard();
        double origin = -(p.rows() - 1) * p.pixelSpacing() / 2;
        double x = (CtPhantom.LESION_X - origin) / p.pixelSpacing();
        double y = (CtPhantom.LESION_Y - origin) / p.pixelSpacing();
        double z = -p.lesionZ() / p.sliceSpacing();
        Path json = out.resolve("lesion.json");
        Path seg = out.resolve("lesion.dcm");
        String result = IJ.runMacro(String.join("\n",
                "setBatchMode(true);",
                "run(\"Open DICOM Series\", \"folder=[" + sample + "] series=1\");",
                "run(\"Delineate Macro Functions\");",
                "Ext.addSegment(\"Mass\");",
                "Ext.setBrushRadius(20);",
                "Ext.setIntensityRange(80, 120);",
                "Ext.paintSphere(" + x + ", " + y + ", " + z + ");",
                "Ext.addLandmark(\"center\", " + x + ", " + y + ", " + z + ");",
                "Ext.getVolume(\"Mass\", v);",
                "Ext.save(\"" + json + "\");",
                "Ext.save(\"" + seg + "\");",
                "run(\"Measure Segments\");",
                "m1 = getResult(\"Volume (mL)\", 0);",
                "m2 = getResultString(\"Segment\", 0);",
                "m3 = getResult(\"Mean\", 0);",
                "Ext.undo();",
                "Ext.getVolume(\"Mass\", after);",
                "close();",
                "return \"\" + v + \" \" + after + \" \" + m1 + \" \" + m2 + \" \" + m3;"));
        String[] values = result.split(" ");
        double sphere = 4.0 / 3 * Math.PI * Math.pow(CtPhantom.LESION_RADIUS, 3) / 1000;
        assertEquals(sphere, Double.parseDouble(values[0]), sphere * 0.05, "2.5 mm voxels: within 5 %");
        assertEquals(Double.parseDouble(values[0]), Double.parseDouble(values[1]), 1e-9,
                "undo takes back the landmark, not the sphere");
        assertTrue(Files.size(json) > 0 && Files.size(seg) > 0);
        assertEquals(Double.parseDouble(values[0]), Double.parseDouble(values[2]), 1e-3, "Measure Segments: the volume");
        assertEquals("Mass", values[3]);
        assertEquals(100, Double.parseDouble(values[4]), 1e-6, "the lesion's HU");
    }
}
