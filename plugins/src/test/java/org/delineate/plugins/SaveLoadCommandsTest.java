package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ij.WindowManager;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Recovery;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.plugins.open.SampleStudy;
import org.delineate.plugins.open.SeriesTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save Annotation, Load Annotation and Save Landmarks as macros run them (headless, batch mode) on the sample
 * study's lesion, judged by reading back through the other command and by pydicom, nibabel and Python's json/csv.
 */
class SaveLoadCommandsTest {

    @TempDir
    static Path cache;

    @TempDir
    Path out;

    private static Path sample;

    /** Open the sample, paint the lesion (thresholded sphere) as "Mass", place a landmark at its centre. */
    private static final String LESION = String.join("\n",
            "run(\"Delineate Macro Functions\");",
            "Ext.addSegment(\"Mass\");",
            "Ext.setBrushRadius(20);",
            "Ext.setIntensityRange(80, 120);",
            "Ext.paintSphere(87.5, 59.5, 20);",
            "Ext.addLandmark(\"centre\", 87.5, 59.5, 20);",
            "Ext.getVolume(\"Mass\", painted);");

    @BeforeAll
    static void prepare() throws Exception {
        MacroCommandsTest.registerCommands();
        sample = SampleStudy.ensure(cache);
    }

    /** Macros stopped by an error leave their images open; the other tests of this JVM count images. */
    @AfterEach
    void closeEveryImage() {
        MacroRun.of("setBatchMode(true);", "close(\"*\");", "return \"\" + nImages;");
        assertEquals(0, WindowManager.getImageCount(), "images left open");
    }

    private String open() {
        return "setBatchMode(true);\nrun(\"Open DICOM Series\", \"folder=[" + sample + "]\");";
    }

    @Test
    void segOfEachTypeIsValidatedWrittenAndLoadsBackWithTheSameVolume() throws Exception {
        for (String type : List.of("binary", "fractional", "labelmap")) {
            Path seg = out.resolve(type + ".dcm");
            MacroRun r = MacroRun.of(open(), LESION,
                    "run(\"Save Annotation\", \"path=[" + seg + "] type=" + type + "\");",
                    "close();",
                    "run(\"Load Annotation\", \"path=[" + seg + "] source=[" + sample + "]\");",
                    "run(\"Measure Segments\");",
                    "r = \"\" + nResults + \" \" + getResultString(\"Segment\", 0) + \" \" + painted + \" \" "
                            + "+ getResult(\"Volume (mL)\", 0);",
                    "close();",
                    "return r;");
            assertFalse(r.aborted(), r.log());
            String[] v = r.result().split(" ");
            assertEquals("1", v[0], type);
            assertEquals("Mass", v[1], type);
            assertEquals(Double.parseDouble(v[2]), Double.parseDouble(v[3]), 1e-9, type + ": the volume read back");
        }
        Peers.assumePydicom();
        Peers.Result py = Peers.runPythonWithArguments(String.join("\n",
                "import sys, pydicom",
                "for f in sys.argv[1:]:",
                "    d = pydicom.dcmread(f)",
                "    print(d.SOPClassUID, d.SegmentationType, d.get('MaximumFractionalValue', '-'), int(d.pixel_array.max()))"),
                List.of(out.resolve("binary.dcm").toString(), out.resolve("fractional.dcm").toString(),
                        out.resolve("labelmap.dcm").toString()), 120);
        assertEquals(0, py.exitCode(), py.stderr());
        assertEquals(List.of("1.2.840.10008.5.1.4.1.1.66.4 BINARY - 1", "1.2.840.10008.5.1.4.1.1.66.4 FRACTIONAL 255 255",
                "1.2.840.10008.5.1.4.1.1.66.7 LABELMAP - 1"), py.stdout().strip().lines().toList());
    }

    @Test
    void jsonReloadsOntoItsSeriesAndNiftiAndLandmarksMatchTheirReaders() throws Exception {
        Path json = out.resolve("lesion.json");
        Path nifti = out.resolve("lesion.nii.gz");
        Path markups = out.resolve("points.mrk.json");
        Path csv = out.resolve("points.csv");
        MacroRun r = MacroRun.of(open(), LESION,
                "run(\"Save Annotation\", \"path=[" + json + "]\");",
                "run(\"Save Annotation\", \"path=[" + nifti + "] format=nifti\");",
                "run(\"Save Landmarks\", \"path=[" + markups + "]\");",
                "run(\"Save Landmarks\", \"path=[" + csv + "] format=csv\");",
                "close();",
                "run(\"Load Annotation\", \"path=[" + json + "] source=[" + sample + "]\");",
                "Ext.getVolume(\"Mass\", again);",
                "Ext.undo();",
                "Ext.getVolume(\"Mass\", undone);",
                "close();",
                "return \"\" + painted + \" \" + again + \" \" + undone;");
        assertFalse(r.aborted(), r.log());
        String[] v = r.result().split(" ");
        assertEquals(Double.parseDouble(v[0]), Double.parseDouble(v[1]), 1e-9, "the document's segment");
        assertEquals(Double.parseDouble(v[0]), Double.parseDouble(v[2]), 1e-9, "undo takes back the landmark: the "
                + "history came with the document");
        Peers.assumePythonModule("nibabel");
        Peers.Result py = Peers.runPythonWithArguments(String.join("\n",
                "import sys, json, csv, numpy, nibabel",
                "img = nibabel.load(sys.argv[1])",
                "zooms = img.header.get_zooms()",
                "print('%.6f' % (numpy.count_nonzero(numpy.asarray(img.dataobj)) * zooms[0] * zooms[1] * zooms[2] / 1000))",
                "m = json.load(open(sys.argv[2]))['markups'][0]",
                "p = m['controlPoints'][0]",
                "print(m['coordinateSystem'], p['label'], ' '.join('%.2f' % x for x in p['position']))",
                "row = list(csv.DictReader(open(sys.argv[3], encoding='utf-8')))[0]",
                "print(row['name'], ' '.join('%.3f' % float(row[c]) for c in 'ijk'))",
                "aff = img.affine",
                "ras = aff.dot([87.5, 59.5, 20, 1])",
                "print(' '.join('%.2f' % x for x in (-ras[0], -ras[1], ras[2])))"),
                List.of(nifti.toString(), markups.toString(), csv.toString()), 120);
        assertEquals(0, py.exitCode(), py.stderr());
        List<String> lines = py.stdout().strip().lines().toList();
        assertEquals(Double.parseDouble(v[0]), Double.parseDouble(lines.get(0)), 1e-6, "nibabel: the label map's volume");
        assertEquals("LPS centre " + lines.get(3), lines.get(1), "Slicer markups: LPS, at the voxel nibabel's affine maps");
        assertEquals("centre 87.500 59.500 20.000", lines.get(2));
    }

    @Test
    void aSegOfANiftiImageNeedsItsSourceSeries() throws Exception {
        Path nifti = out.resolve("labels.nii");
        Path seg = out.resolve("from-nifti.dcm");
        MacroRun made = MacroRun.of(open(), LESION, "run(\"Save Annotation\", \"path=[" + nifti + "]\");", "close();",
                "return \"\" + painted;");
        assertFalse(made.aborted(), made.log());
        MacroRun refused = MacroRun.of("setBatchMode(true);", "run(\"Open NIfTI\", \"path=[" + nifti + "]\");",
                "run(\"Delineate Macro Functions\");", "Ext.addSegment(\"Mass\");", "Ext.paintDisk(87.5, 59.5, 20);",
                "run(\"Save Annotation\", \"path=[" + seg + "]\");", "return \"went on\";");
        assertTrue(refused.aborted(), refused.result());
        assertEquals("Save Annotation: a DICOM-SEG references the DICOM images it was drawn on, but this image was not "
                + "read from DICOM; give source=<the folder of the DICOM series it was made from>, or save as json or "
                + "nifti", refused.log());
        assertFalse(Files.exists(seg));
        MacroRun written = MacroRun.of("setBatchMode(true);", "run(\"Open NIfTI\", \"path=[" + nifti + "]\");",
                "run(\"Delineate Macro Functions\");", "Ext.addSegment(\"Mass\");", "Ext.paintDisk(87.5, 59.5, 20);",
                "Ext.getVolume(\"Mass\", before);",
                "run(\"Save Annotation\", \"path=[" + seg + "] source=[" + sample + "]\");",
                "close();",
                "run(\"Load Annotation\", \"path=[" + seg + "] source=[" + sample + "]\");",
                "Ext.getVolume(\"Mass\", v);",
                "close();",
                "return \"\" + before + \" \" + v;");
        assertFalse(written.aborted(), written.log());
        String[] v = written.result().split(" ");
        assertTrue(Double.parseDouble(v[0]) > 0.1, written.result());
        assertEquals(Double.parseDouble(v[0]), Double.parseDouble(v[1]), 1e-9, "the disk on the NIfTI image, found on "
                + "the DICOM one");
    }

    @Test
    void validationProblemsStopTheMacroAndNothingIsWritten() throws Exception {
        Path first = out.resolve("first.dcm");
        Path labelmap = out.resolve("overlap.dcm");
        MacroRun r = MacroRun.of(open(), LESION,
                "run(\"Save Annotation\", \"path=[" + first + "]\");",
                "run(\"Load Annotation\", \"path=[" + first + "]\");",
                "run(\"Save Annotation\", \"path=[" + labelmap + "] type=labelmap\");",
                "return \"went on\";");
        assertTrue(r.aborted(), r.result());
        assertTrue(r.log().startsWith("Save Annotation: The segmentation was not written: "), r.log());
        assertTrue(r.log().contains("a LABELMAP cannot hold overlapping segments"), r.log());
        assertFalse(Files.exists(labelmap));
        MacroRun mismatch = MacroRun.of("setBatchMode(true);", "run(\"Open NIfTI\", \"path=[" + TestFiles.assumeTestdata().resolve("dcm_qa_ts/Ref/1.nii")
                + "]\");", "run(\"Load Annotation\", \"path=[" + first + "]\");", "return \"went on\";");
        assertTrue(mismatch.aborted(), mismatch.result());
        assertTrue(mismatch.log().startsWith("Load Annotation: "), mismatch.log());
    }

    @Test
    void anAutosavedAnnotationIsRestoredOnlyWhenTheMacroSaysSo() throws Exception {
        String before = System.getProperty("delineate.cache");
        System.setProperty("delineate.cache", cache.toString());
        try {
            var volume = StackVolumes.read(SeriesTable.scan(sample, 2).choose(1, null).stack(), 2);
            AnnotationSession crashed = AnnotationSession.open(volume, "someone", Clock.systemUTC(), Terminology.load());
            crashed.addSegment("Liver");
            crashed.paintDisk(60, 60, 10, true);
            new Recovery(ImageSessions.recoveryFolder(), Clock.systemUTC(), 1, Duration.ZERO).save(crashed.annotation());
            String count = "run(\"Measure Segments\");\nn = nResults;\nclose();";
            MacroRun left = MacroRun.of("setBatchMode(true);", "run(\"Open Sample Study\");", count, "return \"\" + n;");
            MacroRun restored = MacroRun.of("setBatchMode(true);", "run(\"Open Sample Study\", \"restore=yes\");", count,
                    "return \"\" + n;");
            assertEquals("0", left.result(), left.log());
            assertEquals("1", restored.result(), restored.log());
        } finally {
            if (before == null) {
                System.clearProperty("delineate.cache");
            } else {
                System.setProperty("delineate.cache", before);
            }
        }
    }
}
