package org.delineate.dicom.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qform parameters from an affine and back (nifti1.h's quaternion, nibabel's set_qform/get_qform). */
class NiftiQuaternionTest {

    @TempDir
    Path tmp;

    private static void assertAffineEquals(double[][] expected, double[][] actual, double tolerance) {
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], actual[r], tolerance, "row " + r);
        }
    }

    @Test
    void identityIsTheZeroQuaternion() {
        NiftiQuaternion q = NiftiQuaternion.fromAffine(SyntheticImages.affine(
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {2, 3, 4}, new double[] {5, 6, 7}));
        assertEquals(0, q.b());
        assertEquals(0, q.c());
        assertEquals(0, q.d());
        assertEquals(1, q.qfac());
        assertArrayEquals(new double[] {2, 3, 4}, q.spacing(), 0);
        assertArrayEquals(new double[] {5, 6, 7}, q.offset(), 0);
    }

    @Test
    void rotationsRoundTrip() {
        for (double x = -170; x <= 180; x += 37) {
            for (double y = -80; y <= 90; y += 29) {
                for (double z = -175; z <= 180; z += 41) {
                    double[][] a = SyntheticImages.affine(SyntheticImages.rotation(Math.toRadians(x), Math.toRadians(y),
                            Math.toRadians(z)), new double[] {0.7, 1.3, 2.9}, new double[] {-1, 2, -3});
                    NiftiQuaternion q = NiftiQuaternion.fromAffine(a);
                    assertEquals(1, q.qfac());
                    // NB: a is not stored but recomputed as sqrt(1 - b² - c² - d²), which loses digits as a
                    // approaches 0 (near 180 degrees): 1e-10 rather than machine precision
                    assertAffineEquals(a, q.toAffine(), 1e-10);
                }
            }
        }
    }

    @Test
    void leftHandedGridHasQfacMinusOne() {
        double[][] a = SyntheticImages.oblique(true);
        NiftiQuaternion q = NiftiQuaternion.fromAffine(a);
        assertEquals(-1, q.qfac());
        assertArrayEquals(new double[] {0.9, 1.1, 2.5}, q.spacing(), 1e-12);
        assertAffineEquals(a, q.toAffine(), 1e-12);
        // a plain LPS-like flip of x (radiological storage) is left-handed too
        double[][] flip = SyntheticImages.affine(new double[][] {{-1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {1, 1, 1},
                new double[] {0, 0, 0});
        NiftiQuaternion f = NiftiQuaternion.fromAffine(flip);
        assertEquals(-1, f.qfac());
        assertAffineEquals(flip, f.toAffine(), 1e-15);
    }

    @Test
    void rotationsOf180DegreesKeepTheirAxis() {
        double[][][] halfTurns = {
            {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}},
            {{-1, 0, 0}, {0, 1, 0}, {0, 0, -1}},
            {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}},
            {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}}};
        for (double[][] r : halfTurns) {
            double[][] a = SyntheticImages.affine(r, new double[] {1, 2, 3}, new double[] {0, 0, 0});
            NiftiQuaternion q = NiftiQuaternion.fromAffine(a);
            assertAffineEquals(a, q.toAffine(), 1e-15);
            assertEquals(1, q.b() * q.b() + q.c() * q.c() + q.d() * q.d(), 1e-15);
        }
        double[][] near = SyntheticImages.near180();
        assertAffineEquals(near, NiftiQuaternion.fromAffine(near).toAffine(), 1e-10);
    }

    @Test
    void shearIsDroppedForTheNearestRotation() {
        double[][] sheared = SyntheticImages.sheared();
        NiftiQuaternion q = NiftiQuaternion.fromAffine(sheared);
        double[][] m = q.toAffine();
        double[][] r = new double[3][3];
        double[] spacing = q.spacing();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = m[i][j] / spacing[j] * (j == 2 ? q.qfac() : 1);
            }
        }
        double[][] rrt = SyntheticImages.multiply(r, new double[][] {{r[0][0], r[1][0], r[2][0]},
            {r[0][1], r[1][1], r[2][1]}, {r[0][2], r[1][2], r[2][2]}});
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new double[] {i == 0 ? 1 : 0, i == 1 ? 1 : 0, i == 2 ? 1 : 0}, rrt[i], 1e-12);
        }
    }

    @Test
    void zeroColumnIsACallerMistake() {
        double[][] a = SyntheticImages.affine(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {1, 0, 1},
                new double[] {0, 0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiQuaternion.fromAffine(a));
        assertEquals("column 1 of the affine has no length: a qform needs 3 non-zero steps", e.getMessage());
    }

    /** NIfTI-1 stores b, c, d as float32: a qform-only file keeps an oblique left-handed affine to 1e-5 mm. */
    @Test
    void qformOnlyFileKeepsTheAffine() throws Exception {
        double[][] a = SyntheticImages.oblique(true);
        NiftiQuaternion q = NiftiQuaternion.fromAffine(a);
        double[] s = q.spacing();
        NiftiHeader h = NiftiHeader.builder().shape(2, 2, 2).dataType(NiftiDataType.UINT8)
                .pixdim(new double[] {q.qfac(), s[0], s[1], s[2], 1, 1, 1, 1}).qformCode(1)
                .quatern(new double[] {q.b(), q.c(), q.d()}).qoffset(q.offset()).build();
        Path file = tmp.resolve("q.nii");
        NiftiWriter.write(NiftiImage.of(h, java.util.List.of(new byte[8])), file);
        NiftiHeader back = NiftiReader.readHeader(file);
        assertEquals("qform", NiftiAffines.bestSource(back));
        assertAffineEquals(a, back.bestAffine(), 1e-5);
    }

    /** nibabel's repairs: qfac other than -1 counts as 1, zero pixdim as 1, negative pixdim by its size. */
    @Test
    void qformUsesNibabelsRepairs() {
        NiftiHeader h = NiftiHeader.builder().shape(2, 2, 2).pixdim(new double[] {0, 0, -2, 3, 1, 1, 1, 1}).qformCode(1)
                .build();
        assertAffineEquals(new double[][] {{1, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 3, 0}, {0, 0, 0, 1}}, h.bestAffine(), 0);
        NiftiHeader invalidCodes = h.toBuilder().sformCode(7).qformCode(-1).build();
        assertEquals("base", NiftiAffines.bestSource(invalidCodes));
        assertAffineEquals(new double[][] {{-1, 0, 0, 0.5}, {0, 2, 0, -1}, {0, 0, 3, -1.5}, {0, 0, 0, 1}},
                invalidCodes.bestAffine(), 0);
        assertTrue(NiftiAffines.validCode(5) == 5);
    }
}
