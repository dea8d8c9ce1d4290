package org.delineate.dicom.series;

import org.delineate.dicom.geometry.PatientCoordinates;
import org.delineate.dicom.geometry.VolumeGeometry;

/**
 * Compares a NIfTI affine (voxel to RAS, as nibabel gives it) with a {@link VolumeGeometry} (voxel to
 * LPS) after bringing both to the same voxel order: each NIfTI axis is matched with the geometry axis
 * whose step is parallel to it (same or opposite direction) and of the same length in voxels.
 * docs/coordinates.md derives why dcm2niix's axes relate to ours this way.
 */
final class AffineMatch {

    private AffineMatch() {
    }

    /**
     * The largest difference (mm) between the NIfTI affine's steps and origin and those of the geometry
     * read in the NIfTI's voxel order, or +infinity when the axes or sizes do not correspond.
     *
     * @param rasAffine the 4x4 voxel-to-RAS matrix
     * @param shape the NIfTI's first three dimensions
     * @param geometry our geometry
     * @param dims our (columns, rows, slices)
     */
    static double error(double[][] rasAffine, int[] shape, VolumeGeometry geometry, int[] dims) {
        double[][] lps = PatientCoordinates.rasToLps(rasAffine);
        double[][] ours = geometry.lpsAffine();
        int[] axis = new int[3];
        int[] sign = new int[3];
        boolean[] used = new boolean[3];
        double error = 0;
        for (int a = 0; a < 3; a++) {
            double best = Double.POSITIVE_INFINITY;
            for (int b = 0; b < 3; b++) {
                for (int s = -1; s <= 1; s += 2) {
                    double d = 0;
                    for (int r = 0; r < 3; r++) {
                        d = Math.max(d, Math.abs(lps[r][a] - s * ours[r][b]));
                    }
                    if (d < best && !used[b] && dims[b] == shape[a]) {
                        best = d;
                        axis[a] = b;
                        sign[a] = s;
                    }
                }
            }
            if (best == Double.POSITIVE_INFINITY) {
                return best;
            }
            used[axis[a]] = true;
            error = Math.max(error, best);
        }
        double[] index = new double[3];
        for (int a = 0; a < 3; a++) {
            index[axis[a]] = sign[a] > 0 ? 0 : dims[axis[a]] - 1;
        }
        double[] origin = geometry.toPatient(index[0], index[1], index[2]);
        for (int r = 0; r < 3; r++) {
            error = Math.max(error, Math.abs(origin[r] - lps[r][3]));
        }
        return error;
    }
}
