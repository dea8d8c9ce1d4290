package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.WindowManager;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measure Landmarks and {@code Ext.getLandmarkDistance} as a macro runs them (headless, batch mode), on an oblique
 * CT series with rectangular pixels (rt-utils' oriented_data: 3 slices of 50 x 100, PixelSpacing 3.5 \ 2.5). The
 * landmarks' patient positions and distances are computed by pydicom and plain arithmetic from the files' headers
 * (PS3.3 C.7.6.2.1.1), not by Delineate.
 */
class MeasureLandmarksTest {

    /** Landmarks as "name,column,row,slice" (0-based voxel positions; columns are 2.5 mm apart, rows 3.5 mm). */
    private static final List<String> LANDMARKS = List.of("A,0,0,0", "B,99,49,2", "C,10.25,30.5,1");

    /**
     * Prints "name x y z" (LPS mm) per landmark argument, then "a b distance" per pair. The slices are sorted along
     * the normal (row direction x column direction), as DICOM leaves the order to the reader.
     */
    private static final String ORACLE = String.join("\n",
            "import sys, os, math, pydicom",
            "folder = sys.argv[1]",
            "ds = [pydicom.dcmread(os.path.join(folder, f)) for f in os.listdir(folder) if f.endswith('.dcm')]",
            "o = [float(x) for x in ds[0].ImageOrientationPatient]",
            "u, v = o[:3], o[3:]",
            "n = [u[1]*v[2] - u[2]*v[1], u[2]*v[0] - u[0]*v[2], u[0]*v[1] - u[1]*v[0]]",
            "ds.sort(key=lambda d: sum(float(p) * q for p, q in zip(d.ImagePositionPatient, n)))",
            "row_spacing, column_spacing = (float(x) for x in ds[0].PixelSpacing)",
            "points = []",
            "for arg in sys.argv[2:]:",
            "    name, i, j, k = arg.split(',')",
            "    origin = [float(x) for x in ds[int(k)].ImagePositionPatient]",
            "    p = [origin[a] + float(i) * column_spacing * u[a] + float(j) * row_spacing * v[a] for a in range(3)]",
            "    points.append((name, p))",
            "    print(name, '%.6f %.6f %.6f' % tuple(p))",
            "for m in range(len(points)):",
            "    for q in range(m + 1, len(points)):",
            "        print(points[m][0], points[q][0], '%.6f' % math.dist(points[m][1], points[q][1]))");

    private static Path series;

    @BeforeAll
    static void prepare() throws Exception {
        MacroCommandsTest.registerCommands();
        series = TestFiles.assumeTestdata().resolve("rt_utils_testdata/tests/oriented_data");
    }

    @AfterEach
    void closeEveryImage() {
        MacroRun.of("setBatchMode(true);", "close(\"*\");");
        assertEquals(0, WindowManager.getImageCount(), "images left open");
    }

    private static String open() {
        return "setBatchMode(true);\nrun(\"Open DICOM Series\", \"folder=[" + series + "] series=1\");\n"
                + "run(\"Delineate Macro Functions\");";
    }

    private static String add(String landmark) {
        String[] f = landmark.split(",");
        return "Ext.addLandmark(\"" + f[0] + "\", " + f[1] + ", " + f[2] + ", " + f[3] + ");";
    }

    @Test
    void everyPairIsARowWithPositionsAndDistanceAsPydicomComputesThem() throws Exception {
        Peers.assumePythonModule("pydicom");
        Peers.Result oracle = Peers.runPythonWithArguments(ORACLE,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(series.toString()), LANDMARKS.stream()).toList(),
                120);
        assertEquals(0, oracle.exitCode(), oracle.stderr());
        Map<String, double[]> positions = new HashMap<>();
        Map<String, Double> distances = new HashMap<>();
        for (String line : oracle.stdout().strip().split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 4) {
                positions.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            } else {
                distances.put(f[0] + "-" + f[1], Double.parseDouble(f[2]));
            }
        }
        assertEquals(3, positions.size(), oracle.stdout());

        MacroRun r = MacroRun.of(open(), add(LANDMARKS.get(0)), add(LANDMARKS.get(1)),
                "run(\"Measure Landmarks\");",
                "s = \"\" + nResults;",
                add(LANDMARKS.get(2)),
                "run(\"Measure Landmarks\", \"table=Results\");",
                "for (row = 0; row < nResults; row++) {",
                "    s = s + \";\" + getResultString(\"Landmark A\", row) + \",\" + getResultString(\"Landmark B\", row);",
                "    columns = newArray(\"A x (mm)\", \"A y (mm)\", \"A z (mm)\", \"B x (mm)\", \"B y (mm)\", \"B z (mm)\","
                        + " \"Distance (mm)\");",
                "    for (c = 0; c < columns.length; c++) s = s + \",\" + d2s(getResult(columns[c], row), 6);",
                "}",
                "Ext.getLandmarkDistance(\"C\", \"B\", d);",
                "return s + \";\" + d2s(d, 6);");
        assertTrue(!r.aborted(), r.log());
        String[] rows = r.result().split(";");
        assertEquals("1", rows[0], "headless, without a display, the rows go into the Results table: A-B");
        assertEquals(5, rows.length, r.result());
        List<String> pairs = List.of("A-B", "A-C", "B-C");
        for (int n = 0; n < 3; n++) {
            String[] f = rows[n + 1].split(",");
            assertEquals(pairs.get(n), f[0] + "-" + f[1], "every pair once, in the order of placing: " + r.result());
            double[] a = positions.get(f[0]);
            double[] b = positions.get(f[1]);
            for (int c = 0; c < 3; c++) {
                assertEquals(a[c], Double.parseDouble(f[2 + c]), 1e-4, f[0] + " LPS " + c);
                assertEquals(b[c], Double.parseDouble(f[5 + c]), 1e-4, f[1] + " LPS " + c);
            }
            assertEquals(distances.get(pairs.get(n)), Double.parseDouble(f[8]), 1e-4, pairs.get(n) + " mm");
        }
        assertEquals(distances.get("B-C"), Double.parseDouble(rows[4]), 1e-4, "Ext.getLandmarkDistance(C, B)");
        // NB: the oracle's own sanity: columns 2.5 mm apart, rows 3.5 mm, slices 4.5 mm along the normal
        assertEquals(Math.sqrt(Math.pow(99 * 2.5, 2) + Math.pow(49 * 3.5, 2) + Math.pow(2 * 4.5, 2)),
                distances.get("A-B"), 0.01, "A-B spans 99 columns, 49 rows and 2 slices");
    }

    @Test
    void fewerThanTwoLandmarksGiveAnEmptyTableAndAnUnknownNameStopsTheMacro() {
        MacroRun r = MacroRun.of(open(), add(LANDMARKS.get(0)), "run(\"Measure Landmarks\", \"table=Results\");",
                "print(\"rows \" + nResults);", "Ext.getLandmarkDistance(\"A\", \"Z\", d);", "return \"went on\";");
        assertTrue(r.aborted(), r.result());
        assertEquals("rows 0\nDelineate Macro Functions: Ext.getLandmarkDistance: no landmark \"Z\"; the landmarks are "
                + "[A]", r.log());
    }

    @Test
    void aNameTwoLandmarksShareIsRefused() {
        MacroRun r = MacroRun.of(open(), add(LANDMARKS.get(0)), add("A,5,5,1"), add(LANDMARKS.get(1)),
                "Ext.getLandmarkDistance(\"B\", \"A\", d);", "return \"went on\";");
        assertTrue(r.aborted(), r.result());
        assertEquals("Delineate Macro Functions: Ext.getLandmarkDistance: 2 landmarks are named \"A\"; rename all but "
                + "one", r.log());
    }
}
