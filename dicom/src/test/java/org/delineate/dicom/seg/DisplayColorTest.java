package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Test;

/**
 * sRGB to DICOM CIELab against pairs written by dcmqi: the RGB a segment was given in dcmqi's JSON and the
 * Recommended Display CIELab Value dcmqi wrote for it in the SEG (read here with pydicom).
 */
class DisplayColorTest {

    /**
     * recommendedDisplayRGBValue by Segment Label, from QIICR/dcmqi doc/examples/seg-example.json (commit 30b40d38)
     * and seg-example_partial_overlaps.json (commit 08a5ebdd), the metadata of liver.dcm and partial_overlaps.dcm.
     */
    private static final Map<String, int[]> DCMQI_RGB = Map.of(
            "Liver", new int[] {221, 130, 101},
            "GREEN", new int[] {128, 174, 128},
            "LIGHT_BLUE", new int[] {140, 224, 228},
            "DARK_BLUE", new int[] {0, 151, 206},
            "ORANGE", new int[] {216, 101, 79},
            "PURPLE", new int[] {183, 156, 220});

    private static final String READ_LAB = String.join("\n",
            "import sys, pydicom",
            "for p in sys.argv[1:]:",
            "    for s in pydicom.dcmread(p, stop_before_pixels=True).SegmentSequence:",
            "        print(s.SegmentLabel + '|' + ' '.join(str(v) for v in s.RecommendedDisplayCIELabValue))");

    private static Map<String, int[]> dcmqiLab() throws IOException {
        Peers.assumePydicom();
        Path dir = SegWriterSources.segmentations();
        Peers.Result result = Peers.runPython(READ_LAB, List.of(dir.resolve("liver.dcm"), dir.resolve("partial_overlaps.dcm")), 60);
        assertEquals(0, result.exitCode(), result.all());
        Map<String, int[]> lab = new HashMap<>();
        for (String line : result.stdout().lines().toList()) {
            String[] parts = line.split("\\|");
            lab.put(parts[0], java.util.Arrays.stream(parts[1].split(" ")).mapToInt(Integer::parseInt).toArray());
        }
        return lab;
    }

    @Test
    void rgbToLabMatchesWhatDcmqiWrote() throws IOException {
        Map<String, int[]> lab = dcmqiLab();
        assertEquals(DCMQI_RGB.keySet(), lab.keySet());
        for (var e : DCMQI_RGB.entrySet()) {
            assertEquals(java.util.Arrays.toString(lab.get(e.getKey())),
                    java.util.Arrays.toString(DisplayColor.rgbToDicomLab(e.getValue())), e.getKey());
        }
    }

    @Test
    void labToRgbGivesBackDcmqisColors() throws IOException {
        Map<String, int[]> lab = dcmqiLab();
        for (var e : DCMQI_RGB.entrySet()) {
            int[] l = lab.get(e.getKey());
            int[] rgb = DisplayColor.dicomLabToRgb(l[0], l[1], l[2]);
            for (int c = 0; c < 3; c++) {
                assertTrue(Math.abs(rgb[c] - e.getValue()[c]) <= 1, e.getKey() + ": " + java.util.Arrays.toString(rgb));
            }
        }
    }

    @Test
    void everyGreyAndPrimaryRoundTrips() {
        int[][] colors = {{0, 0, 0}, {255, 255, 255}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {128, 128, 128}, {1, 2, 3}};
        for (int[] rgb : colors) {
            int[] lab = DisplayColor.rgbToDicomLab(rgb);
            assertEquals(java.util.Arrays.toString(rgb), java.util.Arrays.toString(DisplayColor.dicomLabToRgb(lab[0], lab[1], lab[2])));
        }
        // Black is L* 0 with neutral a*, b* (128/255 of the range), white is L* 100.
        int[] black = DisplayColor.rgbToDicomLab(0, 0, 0);
        assertEquals(0, black[0]);
        assertEquals(Math.round(128 * 65535 / 255.0), black[1]);
        assertEquals(65535, DisplayColor.rgbToDicomLab(255, 255, 255)[0]);
    }

    @Test
    void componentsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DisplayColor.rgbToDicomLab(256, 0, 0));
        assertEquals("an sRGB component is 0 to 255, not 256", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DisplayColor.dicomLabToRgb(0, -1, 0));
        assertEquals("a scaled CIELab component is 0 to 65535, not -1", e.getMessage());
    }

    /**
     * dcmqi's liver.dcm stores Lab 41661\\41167\\40792 for the colour 3D Slicer's GenericAnatomyColors table
     * gives liver, sRGB 221, 130, 101 (the value dcmqi converted); the reader gives it back, each component within one.
     */
    @Test
    void theReaderGivesBackDcmqisLiverColour() throws Exception {
        SegmentationFile liver = SegmentationReader.read(SegOracle.data("dcmqi_testdata/data/segmentations/liver.dcm"));
        int[] rgb = liver.segment(1).recommendedDisplayRgb();
        int[] expected = {221, 130, 101};
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], rgb[c], 1, "component " + c);
        }
    }

    /** L* 100 and 0 with a* = b* = 0 (0x8080 scaled) are the reference white and black. */
    @Test
    void whiteAndBlackFromLab() {
        assertEquals("[255, 255, 255]", java.util.Arrays.toString(DisplayColor.dicomLabToRgb(new int[] {65535, 0x8080, 0x8080})));
        assertEquals("[0, 0, 0]", java.util.Arrays.toString(DisplayColor.dicomLabToRgb(new int[] {0, 0x8080, 0x8080})));
        assertThrows(IllegalArgumentException.class, () -> DisplayColor.dicomLabToRgb(new int[] {1, 2}));
    }
}
