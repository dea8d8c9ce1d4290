package org.delineate.plugins.view;

import java.util.Arrays;
import java.util.Comparator;

import org.delineate.dicom.geometry.VolumeGeometry;

/**
 * The patient directions at the four edges of a displayed slice, as DICOM orientation letters (PS3.3
 * C.7.6.1.1.1): in LPS, +x is L (left), +y is P (posterior), +z is S (superior), and their opposites R, A, I.
 * The slice is shown with column index i increasing to the right and row index j increasing downwards,
 * so the right edge lies along the column step and the bottom edge along the row step. Immutable.
 *
 * <p>An oblique direction gets up to three letters, the strongest component first (e.g. "LA" for a
 * direction mostly left, somewhat anterior); components smaller than {@link #THRESHOLD} of the
 * direction's length are left out.
 *
 * @param left letters at the left edge (direction of decreasing i)
 * @param right letters at the right edge (increasing i)
 * @param top letters at the top edge (decreasing j)
 * @param bottom letters at the bottom edge (increasing j)
 */
public record OrientationLetters(String left, String right, String top, String bottom) {

    /**
     * Components below this fraction of a unit direction get no letter. NB: 1e-4 ignores the rounding of
     * ImageOrientationPatient written as decimal strings, but keeps a real tilt of a tenth of a degree.
     */
    public static final double THRESHOLD = 1e-4;

    /** The letters of a volume's slices (k fixed), from its column and row steps. */
    public static OrientationLetters of(VolumeGeometry geometry) {
        double[] column = geometry.columnStep();
        double[] row = geometry.rowStep();
        return new OrientationLetters(letters(negate(column)), letters(column), letters(negate(row)), letters(row));
    }

    /**
     * The letters of a direction in LPS (any length but zero), strongest component first, e.g. (1, 0, 0)
     * is "L", (0, -1, 0) is "A", (0.8, 0, -0.6) is "LI".
     *
     * @throws IllegalArgumentException for a zero or non-finite vector, or one without three components
     */
    public static String letters(double[] lps) {
        if (lps.length != 3) {
            throw new IllegalArgumentException("a direction has 3 components, not " + lps.length);
        }
        double norm = Math.sqrt(lps[0] * lps[0] + lps[1] * lps[1] + lps[2] * lps[2]);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("no direction: " + Arrays.toString(lps));
        }
        Integer[] axes = {0, 1, 2};
        Arrays.sort(axes, Comparator.comparingDouble((Integer a) -> -Math.abs(lps[a])));
        StringBuilder out = new StringBuilder(3);
        for (int axis : axes) {
            double c = lps[axis] / norm;
            if (Math.abs(c) >= THRESHOLD) {
                out.append(c > 0 ? "LPS".charAt(axis) : "RAI".charAt(axis));
            }
        }
        return out.toString();
    }

    private static double[] negate(double[] v) {
        return new double[] {-v[0], -v[1], -v[2]};
    }
}
