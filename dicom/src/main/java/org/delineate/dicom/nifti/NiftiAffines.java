package org.delineate.dicom.nifti;

/**
 * The voxel-to-world matrices of a NIfTI header: 4x4, row-major, mapping 0-based (i, j, k, 1) to RAS
 * millimetres (x Right, y Anterior, z Superior), voxel centres. Convert to Delineate's LPS only through
 * {@link org.delineate.dicom.geometry.PatientCoordinates}.
 *
 * <p>NB: the choice and the repairs follow nibabel 5 (the oracle of the tests), which repairs a header on
 * load before computing {@code get_best_affine}: a qform or sform code outside 0..5 counts as 0, a zero
 * pixdim[1..3] as 1, a negative one by its absolute value, and a qfac (pixdim[0]) other than exactly -1
 * as 1. The header itself keeps the values as read.
 */
public final class NiftiAffines {

    private NiftiAffines() {
    }

    /**
     * The affine nibabel calls best: the sform when sform_code is not 0, else the qform when qform_code is
     * not 0, else {@link #base} (pixdim only).
     */
    public static double[][] best(NiftiHeader h) {
        if (validCode(h.sformCode()) != 0) {
            return sform(h);
        }
        if (validCode(h.qformCode()) != 0) {
            return qform(h);
        }
        return base(h);
    }

    /** Which one {@link #best} uses: "sform", "qform" or "base". */
    public static String bestSource(NiftiHeader h) {
        return validCode(h.sformCode()) != 0 ? "sform" : validCode(h.qformCode()) != 0 ? "qform" : "base";
    }

    /** The code as nibabel keeps it: 0..5 unchanged, anything else 0. */
    public static int validCode(int code) {
        return code >= NiftiHeader.XFORM_UNKNOWN && code <= NiftiHeader.XFORM_TEMPLATE_OTHER ? code : 0;
    }

    /** The sform: srow_x, srow_y, srow_z and (0, 0, 0, 1), whatever sform_code says. */
    public static double[][] sform(NiftiHeader h) {
        double[][] s = h.srow();
        return new double[][] {s[0], s[1], s[2], {0, 0, 0, 1}};
    }

    /** The qform parameters of the header, with nibabel's repairs of pixdim and qfac. */
    public static NiftiQuaternion quaternion(NiftiHeader h) {
        double[] p = h.pixdim();
        double[] q = h.quatern();
        return new NiftiQuaternion(q[0], q[1], q[2], new double[] {repaired(p[1]), repaired(p[2]), repaired(p[3])},
                p[0] == -1 ? -1 : 1, h.qoffset());
    }

    /** The qform matrix (quaternion, pixdim, qfac, qoffset), whatever qform_code says. */
    public static double[][] qform(NiftiHeader h) {
        return quaternion(h).toAffine();
    }

    /**
     * The affine of pixdim alone (Analyze's, and nibabel's fallback when both codes are 0): spacing
     * pixdim[1..3] with x flipped (so i runs right to left) and the centre of the volume at 0.
     */
    public static double[][] base(NiftiHeader h) {
        long[] shape = h.shape();
        double[] p = h.pixdim();
        double[][] m = new double[4][4];
        for (int axis = 0; axis < 3; axis++) {
            long size = axis < shape.length ? shape[axis] : 1;
            double zoom = axis < shape.length ? repaired(p[axis + 1]) : 1;
            if (axis == 0) {
                zoom = -zoom;
            }
            m[axis][axis] = zoom;
            m[axis][3] = -(size - 1) / 2.0 * zoom;
        }
        m[3][3] = 1;
        return m;
    }

    private static double repaired(double pixdim) {
        return pixdim == 0 ? 1 : Math.abs(pixdim);
    }
}
