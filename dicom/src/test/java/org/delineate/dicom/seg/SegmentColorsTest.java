package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** CIELab (as Recommended Display CIELab Value stores it) to sRGB. */
class SegmentColorsTest {

    /**
     * dcmqi's liver.dcm stores Lab 41661\41167\40792 for the colour 3D Slicer's GenericAnatomyColors table
     * gives liver, sRGB 221, 130, 101 (the value dcmqi converted); each component may be off by one.
     */
    @Test
    void dcmqiLiverColourComesBack() throws Exception {
        SegmentationFile liver = SegmentationReader.read(SegOracle.data("dcmqi_testdata/data/segmentations/liver.dcm"));
        int[] rgb = liver.segment(1).recommendedDisplayRgb();
        int[] expected = {221, 130, 101};
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], rgb[c], 1, "component " + c);
        }
    }

    /** L* 100 and 0 with a* = b* = 0 (0x8080 scaled) are the reference white and black. */
    @Test
    void whiteAndBlack() {
        assertEquals(java.util.List.of(255, 255, 255), boxed(SegmentColors.labToRgb(new int[] {65535, 0x8080, 0x8080})));
        assertEquals(java.util.List.of(0, 0, 0), boxed(SegmentColors.labToRgb(new int[] {0, 0x8080, 0x8080})));
        assertNull(SegmentColors.labToRgb(new int[] {1, 2}));
    }

    private static java.util.List<Integer> boxed(int[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
