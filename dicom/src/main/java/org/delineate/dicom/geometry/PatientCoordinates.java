package org.delineate.dicom.geometry;

/**
 * The one place where DICOM's patient coordinate system and NIfTI's world meet.
 *
 * <p>DICOM (PS3.3 C.7.6.2.1.1) uses LPS: +x towards the patient's Left, +y Posterior, +z Superior
 * (head). NIfTI's qform and sform (nifti1.h) give RAS: +x Right, +y Anterior, +z Superior. The same
 * point is (x, y, z) in LPS and (-x, -y, z) in RAS, so a voxel-to-world matrix converts by negating
 * its first two rows. Delineate keeps geometry in LPS everywhere and converts only when reading or
 * writing NIfTI (and its JSON sidecars say which they use).
 */
public final class PatientCoordinates {

    private PatientCoordinates() {
    }

    /** An LPS point as RAS (and back: the map is its own inverse). */
    public static double[] lpsToRas(double[] point) {
        return new double[] {-point[0], -point[1], point[2]};
    }

    /** A 4x4 voxel-to-LPS matrix as voxel-to-RAS (and back). */
    public static double[][] lpsToRas(double[][] affine) {
        double[][] out = new double[4][];
        for (int r = 0; r < 4; r++) {
            out[r] = affine[r].clone();
        }
        for (int c = 0; c < 4; c++) {
            out[0][c] = -out[0][c];
            out[1][c] = -out[1][c];
        }
        return out;
    }

    /** A 4x4 voxel-to-RAS matrix as voxel-to-LPS. */
    public static double[][] rasToLps(double[][] affine) {
        return lpsToRas(affine);
    }

    /**
     * The orientation letters of a direction in LPS: the patient side each axis points to, strongest
     * component first, e.g. "L", "PS" or "SAR" for an oblique one (components under 0.1 omitted).
     */
    public static String orientationLetters(double[] direction) {
        double[] d = Vectors.normalized(direction);
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[b]), Math.abs(d[a])));
        StringBuilder s = new StringBuilder();
        for (int axis : order) {
            if (Math.abs(d[axis]) >= 0.1) {
                s.append(d[axis] > 0 ? "LPS".charAt(axis) : "RAI".charAt(axis));
            }
        }
        return s.toString();
    }
}
