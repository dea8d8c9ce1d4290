package org.delineate.dicom.geometry;

/** Small 3D vector and 3x3 matrix arithmetic on arrays. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    public static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    public static double[] scaled(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    public static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    /** The unit vector along {@code a}; throws {@link IllegalArgumentException} for a zero vector. */
    public static double[] normalized(double[] a) {
        double n = norm(a);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("cannot normalize the vector (" + a[0] + ", " + a[1] + ", " + a[2] + ")");
        }
        return scaled(a, 1 / n);
    }

    /** The product of a 3x3 matrix and a 3-vector. */
    public static double[] multiply(double[][] m, double[] v) {
        return new double[] {dot(m[0], v), dot(m[1], v), dot(m[2], v)};
    }

    /** The inverse of a 3x3 matrix; throws {@link IllegalArgumentException} when it is singular. */
    public static double[][] inverse(double[][] m) {
        double[] c0 = cross(m[1], m[2]);
        double det = dot(m[0], c0);
        if (Math.abs(det) < 1e-15) {
            throw new IllegalArgumentException("singular matrix");
        }
        double[] c1 = cross(m[2], m[0]);
        double[] c2 = cross(m[0], m[1]);
        return new double[][] {
            {c0[0] / det, c1[0] / det, c2[0] / det},
            {c0[1] / det, c1[1] / det, c2[1] / det},
            {c0[2] / det, c1[2] / det, c2[2] / det}};
    }
}
