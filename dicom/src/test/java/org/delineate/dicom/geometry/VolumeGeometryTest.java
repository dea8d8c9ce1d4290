package org.delineate.dicom.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The voxel-to-patient map of PS3.3 C.7.6.2.1.1 and its NIfTI (RAS) form. */
class VolumeGeometryTest {

    /** An axial slice: rows along +x (L), columns along +y (P); PixelSpacing is row spacing, then column spacing. */
    private static final VolumeGeometry AXIAL = VolumeGeometry.of(new double[] {-100, -120, 30},
            new double[] {1, 0, 0, 0, 1, 0}, new double[] {0.5, 0.8}, new double[] {0, 0, -2.5});

    @Test
    void pixelSpacingIsRowSpacingThenColumnSpacing() {
        assertArrayEquals(new double[] {0.8, 0.5, 2.5}, AXIAL.spacing(), 1e-12);
        // column index i moves along the row direction by the column spacing (PixelSpacing[1])
        assertArrayEquals(new double[] {-100 + 3 * 0.8, -120 + 2 * 0.5, 30 - 2.5}, AXIAL.toPatient(3, 2, 1), 1e-12);
    }

    @Test
    void toIndexInvertsToPatient() {
        double[] p = AXIAL.toPatient(10.5, -3, 7);
        assertArrayEquals(new double[] {10.5, -3, 7}, AXIAL.toIndex(p[0], p[1], p[2]), 1e-9);
    }

    @Test
    void gantryTiltKeepsItsShear() {
        double tilt = Math.toRadians(15);
        VolumeGeometry tilted = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {1, 1}, new double[] {0, 2 * Math.sin(tilt), 2 * Math.cos(tilt)});
        assertFalse(tilted.isOrthogonal());
        assertTrue(AXIAL.isOrthogonal());
        assertArrayEquals(new double[] {0, 0, 1}, tilted.normal(), 1e-12);
    }

    @Test
    void rasAffineNegatesXAndY() {
        double[][] ras = AXIAL.rasAffine();
        assertArrayEquals(new double[] {-0.8, 0, 0, 100}, ras[0], 1e-12);
        assertArrayEquals(new double[] {0, -0.5, 0, 120}, ras[1], 1e-12);
        assertArrayEquals(new double[] {0, 0, -2.5, 30}, ras[2], 1e-12);
        assertEquals(AXIAL, VolumeGeometry.ofLpsAffine(PatientCoordinates.rasToLps(ras)));
    }

    @Test
    void orientationLettersNameThePatientSide() {
        assertEquals("L", PatientCoordinates.orientationLetters(new double[] {1, 0, 0}));
        assertEquals("A", PatientCoordinates.orientationLetters(new double[] {0, -1, 0}));
        assertEquals("SR", PatientCoordinates.orientationLetters(new double[] {-0.3, 0, 0.9}));
    }

    @Test
    void degenerateGeometryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VolumeGeometry.of(
                new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0}, new double[] {1, 1}, new double[] {1, 0, 0}));
        assertTrue(e.getMessage().contains("do not span"), e.getMessage());
    }
}
