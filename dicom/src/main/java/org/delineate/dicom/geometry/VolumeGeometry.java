package org.delineate.dicom.geometry;

import java.util.Arrays;

/**
 * Where the voxels of a volume are in the patient: an affine map from voxel indices to DICOM
 * patient coordinates (LPS, millimetres). Immutable.
 *
 * <p>Indices are 0-based: {@code i} counts columns (left to right in the image), {@code j} rows (top
 * to bottom), {@code k} slices, and a voxel's position is that of its centre, as DICOM's Image
 * Position (Patient) is. The map is {@code P = origin + i * columnStep + j * rowStep + k * sliceStep},
 * where each step is the displacement in mm of one index step. For a classic slice,
 * {@code columnStep = PixelSpacing[1] * ImageOrientationPatient[0..2]} and {@code rowStep =
 * PixelSpacing[0] * ImageOrientationPatient[3..5]}; {@code sliceStep} need not be perpendicular to
 * the slices (gantry tilt keeps its shear exactly).
 *
 * @param origin LPS position of the centre of voxel (0, 0, 0)
 * @param columnStep displacement per step in i
 * @param rowStep displacement per step in j
 * @param sliceStep displacement per step in k
 */
public record VolumeGeometry(double[] origin, double[] columnStep, double[] rowStep, double[] sliceStep) {

    public VolumeGeometry {
        origin = checked(origin, "origin");
        columnStep = checked(columnStep, "columnStep");
        rowStep = checked(rowStep, "rowStep");
        sliceStep = checked(sliceStep, "sliceStep");
        if (Math.abs(determinant(columnStep, rowStep, sliceStep)) < 1e-12) {
            throw new IllegalArgumentException("the steps " + Arrays.toString(columnStep) + ", " + Arrays.toString(rowStep)
                    + ", " + Arrays.toString(sliceStep) + " do not span 3D space");
        }
    }

    /**
     * The geometry of slices with the given orientation and spacing, stacked along {@code sliceStep}.
     *
     * @param imagePositionPatient LPS position of the first voxel of slice 0
     * @param imageOrientationPatient row direction cosines then column direction cosines (6 values)
     * @param pixelSpacing row spacing then column spacing in mm, as (0028,0030) gives them
     * @param sliceStep displacement from slice k to slice k + 1
     */
    public static VolumeGeometry of(double[] imagePositionPatient, double[] imageOrientationPatient, double[] pixelSpacing,
            double[] sliceStep) {
        if (imageOrientationPatient.length != 6 || pixelSpacing.length != 2) {
            throw new IllegalArgumentException("ImageOrientationPatient needs 6 values and PixelSpacing 2");
        }
        double[] row = Vectors.normalized(Arrays.copyOfRange(imageOrientationPatient, 0, 3));
        double[] column = Vectors.normalized(Arrays.copyOfRange(imageOrientationPatient, 3, 6));
        return new VolumeGeometry(imagePositionPatient, Vectors.scaled(row, pixelSpacing[1]),
                Vectors.scaled(column, pixelSpacing[0]), sliceStep);
    }

    private static double[] checked(double[] v, String name) {
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException(name + " must have 3 components");
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(name + " has a component that is not finite: " + Arrays.toString(v));
            }
        }
        return v.clone();
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] columnStep() {
        return columnStep.clone();
    }

    @Override
    public double[] rowStep() {
        return rowStep.clone();
    }

    @Override
    public double[] sliceStep() {
        return sliceStep.clone();
    }

    /** Voxel spacing in mm along i, j and k (the lengths of the steps). */
    public double[] spacing() {
        return new double[] {Vectors.norm(columnStep), Vectors.norm(rowStep), Vectors.norm(sliceStep)};
    }

    /** The unit vector of the slice normal (row direction x column direction), LPS. */
    public double[] normal() {
        return Vectors.normalized(Vectors.cross(columnStep, rowStep));
    }

    /** True when the slice step is along the slice normal (no shear, e.g. no gantry tilt), within 1e-4 rad. */
    public boolean isOrthogonal() {
        double cos = Vectors.dot(Vectors.normalized(sliceStep), normal());
        return Math.abs(Math.abs(cos) - 1) < 5e-9 && Math.abs(Vectors.dot(Vectors.normalized(columnStep),
                Vectors.normalized(rowStep))) < 1e-4;
    }

    /** The LPS position (mm) of voxel index (i, j, k), which may be fractional. */
    public double[] toPatient(double i, double j, double k) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = origin[a] + i * columnStep[a] + j * rowStep[a] + k * sliceStep[a];
        }
        return p;
    }

    /** The (fractional) voxel index (i, j, k) of an LPS position in mm. */
    public double[] toIndex(double x, double y, double z) {
        double[][] inverse = Vectors.inverse(new double[][] {
            {columnStep[0], rowStep[0], sliceStep[0]},
            {columnStep[1], rowStep[1], sliceStep[1]},
            {columnStep[2], rowStep[2], sliceStep[2]}});
        double[] d = {x - origin[0], y - origin[1], z - origin[2]};
        return Vectors.multiply(inverse, d);
    }

    /** The 4x4 voxel-to-LPS matrix (row-major), mapping (i, j, k, 1) to (x, y, z, 1). */
    public double[][] lpsAffine() {
        return new double[][] {
            {columnStep[0], rowStep[0], sliceStep[0], origin[0]},
            {columnStep[1], rowStep[1], sliceStep[1], origin[1]},
            {columnStep[2], rowStep[2], sliceStep[2], origin[2]},
            {0, 0, 0, 1}};
    }

    /** The 4x4 voxel-to-RAS matrix (NIfTI's world), see {@link PatientCoordinates}. */
    public double[][] rasAffine() {
        return PatientCoordinates.lpsToRas(lpsAffine());
    }

    /** The geometry of a 4x4 voxel-to-LPS matrix (row-major). */
    public static VolumeGeometry ofLpsAffine(double[][] m) {
        return new VolumeGeometry(new double[] {m[0][3], m[1][3], m[2][3]}, new double[] {m[0][0], m[1][0], m[2][0]},
                new double[] {m[0][1], m[1][1], m[2][1]}, new double[] {m[0][2], m[1][2], m[2][2]});
    }

    /** True when every entry of the two voxel-to-LPS matrices differs by at most {@code mm}. */
    public boolean sameWithin(VolumeGeometry other, double mm) {
        double[][] x = lpsAffine();
        double[][] y = other.lpsAffine();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                if (!(Math.abs(x[r][c] - y[r][c]) <= mm)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double determinant(double[] a, double[] b, double[] c) {
        return Vectors.dot(a, Vectors.cross(b, c));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeGeometry g && Arrays.equals(origin, g.origin) && Arrays.equals(columnStep, g.columnStep)
                && Arrays.equals(rowStep, g.rowStep) && Arrays.equals(sliceStep, g.sliceStep);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(origin) * 31 + Arrays.hashCode(sliceStep);
    }

    @Override
    public String toString() {
        return "VolumeGeometry[origin " + Arrays.toString(origin) + ", steps " + Arrays.toString(columnStep) + " "
                + Arrays.toString(rowStep) + " " + Arrays.toString(sliceStep) + "]";
    }
}
