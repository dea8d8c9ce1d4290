package org.delineate.plugins;

import org.delineate.dicom.sample.CtPhantom;

/**
 * Test support: the sample study's voxel grid as Delineate shows it, worked out from the phantom's definition
 * (independently of Delineate's geometry code): voxel center (i, j, k) at x = origin + i x spacing, y = origin + j x
 * spacing, z = bottom + k x slice spacing (LPS, mm). NB: the volume's slices go up along the slice normal (+z), so
 * slice 0 is the phantom's lowest, its last file.
 *
 * @param phantom the phantom the sample study is written from
 */
public record SampleGrid(CtPhantom phantom) {

    /** The grid of the standard phantom (the sample study's). */
    public static SampleGrid standard() {
        return new SampleGrid(CtPhantom.standard());
    }

    /** x of column 0 and y of row 0, mm. */
    public double origin() {
        return -(phantom.rows() - 1) * phantom.pixelSpacing() / 2;
    }

    /** z of slice 0, mm. */
    public double bottom() {
        return -(phantom.slices() - 1) * phantom.sliceSpacing();
    }

    /** The patient position (LPS, mm) of voxel (i, j, k), 0-based, centers at whole numbers. */
    public double[] toPatient(double i, double j, double k) {
        return new double[] {origin() + i * phantom.pixelSpacing(), origin() + j * phantom.pixelSpacing(),
                bottom() + k * phantom.sliceSpacing()};
    }

    /** The voxel {column, row, slice} holding the lesion's center (the center lies on a voxel corner in-plane). */
    public int[] lesionVoxel() {
        return new int[] {(int) Math.floor((CtPhantom.LESION_X - origin()) / phantom.pixelSpacing()),
                (int) Math.floor((CtPhantom.LESION_Y - origin()) / phantom.pixelSpacing()),
                (int) Math.round((phantom.lesionZ() - bottom()) / phantom.sliceSpacing())};
    }

    /** The phantom's value (HU) at the center of voxel (i, j, k). */
    public double hounsfield(int i, int j, int k) {
        double[] p = toPatient(i, j, k);
        return phantom.hounsfield(p[0], p[1], p[2]);
    }
}
