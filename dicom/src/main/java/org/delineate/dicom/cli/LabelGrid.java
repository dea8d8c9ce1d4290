package org.delineate.dicom.cli;

import java.io.IOException;
import java.util.Locale;

import org.delineate.dicom.geometry.VolumeGeometry;

/**
 * How a NIfTI image's voxels lie on a DICOM series' grid when both are the same grid up to the order and
 * direction of the axes: for each DICOM axis (i = column, j = row, k = slice) the NIfTI axis that runs along it
 * and whether it runs backwards. Both geometries are LPS (the NIfTI's RAS affine converted by
 * {@link org.delineate.dicom.geometry.PatientCoordinates}, as {@link org.delineate.dicom.nifti.NiftiVolumes#geometry}
 * does). Only permutations and flips are accepted, which map voxels exactly; anything else would need resampling
 * and is refused. Immutable.
 */
final class LabelGrid {

    private static final String[] DICOM_AXES = {"columns", "rows", "slices"};
    private static final String[] NIFTI_AXES = {"i", "j", "k"};

    private final int[] niftiAxis;
    private final boolean[] flipped;
    private final int[] niftiShape;
    private final int[] shape;
    private final double deviation;

    private LabelGrid(int[] niftiAxis, boolean[] flipped, int[] niftiShape, int[] shape, double deviation) {
        this.niftiAxis = niftiAxis;
        this.flipped = flipped;
        this.niftiShape = niftiShape;
        this.shape = shape;
        this.deviation = deviation;
    }

    /**
     * The axis order and directions that put the NIfTI voxels onto the DICOM voxels with the smallest deviation.
     *
     * @param file names the NIfTI in messages
     * @param nifti the NIfTI's voxel (i, j, k) to LPS mm
     * @param niftiShape the NIfTI's sizes along i, j, k
     * @param dicom the series' voxel (column, row, slice) to LPS mm
     * @param shape the series' columns, rows and slices
     * @param tolerance the largest distance, mm, allowed between a NIfTI voxel centre and the series' voxel centre it
     *     is put on (checked at the corners of the grid, where an affine deviation is largest)
     * @throws IOException naming the file when the sizes match in no axis order or no order and direction of the
     *     axes puts every voxel within the tolerance
     */
    static LabelGrid match(String file, VolumeGeometry nifti, int[] niftiShape, VolumeGeometry dicom, int[] shape,
            double tolerance) throws IOException {
        LabelGrid best = null;
        for (int[] p : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            if (niftiShape[p[0]] != shape[0] || niftiShape[p[1]] != shape[1] || niftiShape[p[2]] != shape[2]) {
                continue;
            }
            for (int signs = 0; signs < 8; signs++) {
                boolean[] flip = {(signs & 1) != 0, (signs & 2) != 0, (signs & 4) != 0};
                LabelGrid candidate = new LabelGrid(p, flip, niftiShape.clone(), shape.clone(), 0);
                double d = candidate.cornerDeviation(nifti, dicom);
                if (best == null || d < best.deviation) {
                    best = new LabelGrid(p, flip, niftiShape.clone(), shape.clone(), d);
                }
            }
        }
        if (best == null) {
            throw new IOException(String.format(Locale.ROOT, "%s: its size %d x %d x %d is not the DICOM series' %d x %d x %d "
                    + "(columns x rows x slices) in any order of its axes; the labels must be on the series' grid",
                    file, niftiShape[0], niftiShape[1], niftiShape[2], shape[0], shape[1], shape[2]));
        }
        if (!(best.deviation <= tolerance)) {
            double[] ours = dicom.toPatient(0, 0, 0);
            int[] n = best.niftiVoxel(0, 0, 0);
            double[] theirs = nifti.toPatient(n[0], n[1], n[2]);
            throw new IOException(String.format(Locale.ROOT, "%s: its grid is not the DICOM series' grid: with the best "
                    + "order of axes (%s) its voxels lie up to %.3g mm from the series' voxels, more than the tolerance "
                    + "%.3g mm (the series' first voxel is at LPS %s mm, the NIfTI's voxel (%d, %d, %d) there at %s mm); "
                    + "labels are only taken when their axes are the series' axes permuted or flipped, never resampled",
                    file, best.describe(), best.deviation, tolerance, point(ours), n[0], n[1], n[2], point(theirs)));
        }
        return best;
    }

    /** The largest distance between a series voxel centre and the NIfTI voxel centre put on it, mm. */
    double deviation() {
        return deviation;
    }

    /**
     * The index of the NIfTI voxel that lies on series voxel (column, row, slice), counting NIfTI's i fastest,
     * as {@link org.delineate.dicom.nifti.NiftiImage#value} takes it.
     */
    long niftiIndex(int column, int row, int slice) {
        int[] n = niftiVoxel(column, row, slice);
        return n[0] + (long) niftiShape[0] * (n[1] + (long) niftiShape[1] * n[2]);
    }

    /** "i -> columns, j reversed -> rows, k -> slices": which NIfTI axis runs along each series axis. */
    String describe() {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < 3; d++) {
            s.append(d == 0 ? "" : ", ").append(NIFTI_AXES[niftiAxis[d]]).append(flipped[d] ? " reversed" : "")
                    .append(" -> ").append(DICOM_AXES[d]);
        }
        return s.toString();
    }

    /** True when NIfTI's i, j, k are the series' columns, rows, slices in the same directions. */
    boolean identity() {
        return niftiAxis[0] == 0 && niftiAxis[1] == 1 && niftiAxis[2] == 2 && !flipped[0] && !flipped[1] && !flipped[2];
    }

    private int[] niftiVoxel(int column, int row, int slice) {
        int[] dicomIndex = {column, row, slice};
        int[] n = new int[3];
        for (int d = 0; d < 3; d++) {
            n[niftiAxis[d]] = flipped[d] ? shape[d] - 1 - dicomIndex[d] : dicomIndex[d];
        }
        return n;
    }

    /** NB: both maps are affine, so their largest disagreement over the grid is at one of its eight corners. */
    private double cornerDeviation(VolumeGeometry nifti, VolumeGeometry dicom) {
        double worst = 0;
        for (int corner = 0; corner < 8; corner++) {
            int i = (corner & 1) == 0 ? 0 : shape[0] - 1;
            int j = (corner & 2) == 0 ? 0 : shape[1] - 1;
            int k = (corner & 4) == 0 ? 0 : shape[2] - 1;
            double[] a = dicom.toPatient(i, j, k);
            int[] n = niftiVoxel(i, j, k);
            double[] b = nifti.toPatient(n[0], n[1], n[2]);
            worst = Math.max(worst, Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                    + (a[2] - b[2]) * (a[2] - b[2])));
        }
        return worst;
    }

    private static String point(double[] p) {
        return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", p[0], p[1], p[2]);
    }
}
