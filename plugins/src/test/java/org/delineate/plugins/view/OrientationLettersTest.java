package org.delineate.plugins.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.delineate.dicom.geometry.VolumeGeometry;
import org.junit.jupiter.api.Test;

/**
 * Orientation letters against hand derivations from PS3.3 C.7.6.1.1.1 (LPS: +x toward the patient's left,
 * +y posterior, +z head): the right edge lies along the first row of ImageOrientationPatient (the column
 * step), the bottom edge along the second (the row step).
 */
class OrientationLettersTest {

    private static OrientationLetters of(double... iop) {
        return OrientationLetters.of(VolumeGeometry.of(new double[] {0, 0, 0}, iop, new double[] {1, 1}, slice(iop)));
    }

    /** The slice normal (row x column direction cross product) times 1 mm. */
    private static double[] slice(double[] iop) {
        return new double[] {iop[1] * iop[5] - iop[2] * iop[4], iop[2] * iop[3] - iop[0] * iop[5],
                iop[0] * iop[4] - iop[1] * iop[3]};
    }

    @Test
    void axialHeadFirstSupine() {
        // rows run to the patient's left (+x), columns to posterior (+y): the viewer looks from the feet.
        assertEquals(new OrientationLetters("R", "L", "A", "P"), of(1, 0, 0, 0, 1, 0));
    }

    @Test
    void axialProne() {
        // prone: rows run to the patient's right (-x), columns to anterior (-y).
        assertEquals(new OrientationLetters("L", "R", "P", "A"), of(-1, 0, 0, 0, -1, 0));
    }

    @Test
    void sagittal() {
        // rows run posterior (+y), columns toward the feet (-z).
        assertEquals(new OrientationLetters("A", "P", "S", "I"), of(0, 1, 0, 0, 0, -1));
    }

    @Test
    void coronal() {
        // rows run to the left (+x), columns toward the feet (-z).
        assertEquals(new OrientationLetters("R", "L", "S", "I"), of(1, 0, 0, 0, 0, -1));
    }

    @Test
    void obliqueAxialRotatedThirtyDegrees() {
        // row direction (cos 30, sin 30, 0): mostly left (0.87), somewhat posterior (0.5).
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        assertEquals(new OrientationLetters("RA", "LP", "AL", "PR"), of(c, s, 0, -s, c, 0));
    }

    @Test
    void doubleObliqueGetsThreeLettersStrongestFirst() {
        // (0.2, -0.6, 0.77...) normalised: superior strongest, then anterior, then left.
        assertEquals("SAL", OrientationLetters.letters(new double[] {0.2, -0.6, 0.7746}));
        assertEquals("IPR", OrientationLetters.letters(new double[] {-0.2, 0.6, -0.7746}));
    }

    @Test
    void roundingNoiseOfDecimalStringsIsIgnored() {
        assertEquals("L", OrientationLetters.letters(new double[] {0.99999999, 0.00000012, -0.00000007}));
    }

    @Test
    void zeroDirectionIsACallerMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrientationLetters.letters(new double[] {0, 0, 0}));
        assertEquals("no direction: [0.0, 0.0, 0.0]", e.getMessage());
    }
}
