package org.delineate.dicom.nifti;

import org.delineate.dicom.geometry.Vectors;

/**
 * The qform of nifti1.h as parameters: a rotation quaternion (b, c, d; a = sqrt(1 - b² - c² - d²) >= 0),
 * voxel sizes, qfac and an offset, and its 4x4 voxel-to-RAS matrix {@code [R * diag(dx, dy, qfac * dz) | offset]}.
 * Immutable.
 *
 * @param b quatern_b
 * @param c quatern_c
 * @param d quatern_d
 * @param spacing pixdim[1..3], mm, positive
 * @param qfac pixdim[0]: 1, or -1 for a left-handed voxel grid
 * @param offset qoffset_x, qoffset_y, qoffset_z, RAS mm
 */
public record NiftiQuaternion(double b, double c, double d, double[] spacing, double qfac, double[] offset) {

    public NiftiQuaternion {
        spacing = spacing.clone();
        offset = offset.clone();
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    /**
     * The qform that best represents a voxel-to-RAS affine, as nibabel's {@code set_qform} derives it:
     * spacing from the column lengths, qfac -1 when the columns are left-handed (then the third column
     * is negated), the nearest rotation to what remains (polar decomposition, so shear is dropped), and
     * its quaternion with a >= 0.
     *
     * @throws IllegalArgumentException when a column of the 3x3 part is zero
     */
    public static NiftiQuaternion fromAffine(double[][] affine) {
        double[][] r = new double[3][3];
        double[] spacing = new double[3];
        for (int col = 0; col < 3; col++) {
            spacing[col] = Math.sqrt(sq(affine[0][col]) + sq(affine[1][col]) + sq(affine[2][col]));
            if (!(spacing[col] > 0) || !Double.isFinite(spacing[col])) {
                throw new IllegalArgumentException("column " + col + " of the affine has no length: a qform needs 3 non-zero steps");
            }
            for (int row = 0; row < 3; row++) {
                r[row][col] = affine[row][col] / spacing[col];
            }
        }
        double qfac = 1;
        if (determinant(r) <= 0) {
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row][2] = -r[row][2];
            }
        }
        double[] q = quaternionOf(nearestRotation(r));
        return new NiftiQuaternion(q[1], q[2], q[3], spacing, qfac, new double[] {affine[0][3], affine[1][3], affine[2][3]});
    }

    /**
     * The 4x4 voxel-to-RAS matrix. {@code a} is computed from b, c, d as nibabel's {@code fillpositive}
     * does; NB: when b² + c² + d² exceeds 1 by more than rounding, nibabel refuses, but we normalize
     * (b, c, d) and take a = 0 as nifti1_io.c's {@code nifti_quatern_to_mat44} does.
     */
    public double[][] toAffine() {
        double a2 = 1 - (b * b + c * c + d * d);
        double w = a2 < 0 ? 0 : Math.sqrt(a2);
        double x = b, y = c, z = d;
        double n = w * w + x * x + y * y + z * z;
        double[][] rot;
        if (n < Math.ulp(1.0)) {
            rot = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        } else {
            double s = 2.0 / n;
            double xs = x * s, ys = y * s, zs = z * s;
            rot = new double[][] {
                {1 - (y * ys + z * zs), x * ys - w * zs, x * zs + w * ys},
                {x * ys + w * zs, 1 - (x * xs + z * zs), y * zs - w * xs},
                {x * zs - w * ys, y * zs + w * xs, 1 - (x * xs + y * ys)}};
        }
        double[] scale = {spacing[0], spacing[1], spacing[2] * qfac};
        double[][] m = new double[4][4];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row][col] = rot[row][col] * scale[col];
            }
            m[row][3] = offset[row];
        }
        m[3][3] = 1;
        return m;
    }

    /** The orthogonal polar factor of a non-singular 3x3 matrix (Newton's iteration X = (X + X^-T) / 2). */
    static double[][] nearestRotation(double[][] m) {
        double[][] x = {m[0].clone(), m[1].clone(), m[2].clone()};
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] inv = Vectors.inverse(x);
            double change = 0;
            double[][] next = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    next[i][j] = 0.5 * (x[i][j] + inv[j][i]);
                    change = Math.max(change, Math.abs(next[i][j] - x[i][j]));
                }
            }
            x = next;
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }

    /**
     * The unit quaternion (a, b, c, d), a >= 0, of a rotation matrix, by Shepperd's method: the largest of
     * 4a², 4b², 4c², 4d² is taken from the diagonal, the others from off-diagonal sums, so it stays
     * accurate near 180 degrees.
     */
    static double[] quaternionOf(double[][] r) {
        double trace = r[0][0] + r[1][1] + r[2][2];
        double a, b, c, d;
        if (trace >= r[0][0] && trace >= r[1][1] && trace >= r[2][2]) {
            a = 0.5 * Math.sqrt(Math.max(0, 1 + trace));
            b = (r[2][1] - r[1][2]) / (4 * a);
            c = (r[0][2] - r[2][0]) / (4 * a);
            d = (r[1][0] - r[0][1]) / (4 * a);
        } else if (r[0][0] >= r[1][1] && r[0][0] >= r[2][2]) {
            b = 0.5 * Math.sqrt(Math.max(0, 1 + r[0][0] - r[1][1] - r[2][2]));
            a = (r[2][1] - r[1][2]) / (4 * b);
            c = (r[0][1] + r[1][0]) / (4 * b);
            d = (r[0][2] + r[2][0]) / (4 * b);
        } else if (r[1][1] >= r[2][2]) {
            c = 0.5 * Math.sqrt(Math.max(0, 1 - r[0][0] + r[1][1] - r[2][2]));
            a = (r[0][2] - r[2][0]) / (4 * c);
            b = (r[0][1] + r[1][0]) / (4 * c);
            d = (r[1][2] + r[2][1]) / (4 * c);
        } else {
            d = 0.5 * Math.sqrt(Math.max(0, 1 - r[0][0] - r[1][1] + r[2][2]));
            a = (r[1][0] - r[0][1]) / (4 * d);
            b = (r[0][2] + r[2][0]) / (4 * d);
            c = (r[1][2] + r[2][1]) / (4 * d);
        }
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        double sign = a < 0 ? -1 : 1;
        return new double[] {sign * a / n, sign * b / n, sign * c / n, sign * d / n};
    }

    private static double determinant(double[][] m) {
        return Vectors.dot(m[0], Vectors.cross(m[1], m[2]));
    }

    private static double sq(double v) {
        return v * v;
    }
}
