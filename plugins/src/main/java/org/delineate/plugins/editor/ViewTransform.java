package org.delineate.plugins.editor;

/**
 * How an image window shows a slice: the image point at the canvas's top-left corner and the magnification
 * (screen pixels per image pixel), as ImageJ's canvas keeps them (its source rectangle and magnification).
 * Converts between screen pixels of the canvas and voxel coordinates of the slice, in which voxel centers are
 * integers (voxel (0, 0) covers -0.5 to 0.5), as the annotation model's tools take them. Immutable.
 *
 * @param originX the image x (ImageJ's pixel edges: pixel 0 covers 0 to 1) at the canvas's left edge
 * @param originY the image y at the canvas's top edge
 * @param magnification screen pixels per image pixel, positive
 */
public record ViewTransform(double originX, double originY, double magnification) {

    public ViewTransform {
        if (!(magnification > 0) || Double.isInfinite(magnification)) {
            throw new IllegalArgumentException("a magnification is a positive number, not " + magnification);
        }
    }

    /** The voxel x (column, centers at integers) under the center of screen pixel column {@code screenX}. */
    public double voxelX(int screenX) {
        return originX + (screenX + 0.5) / magnification - 0.5;
    }

    /** The voxel y (row, centers at integers) under the center of screen pixel row {@code screenY}. */
    public double voxelY(int screenY) {
        return originY + (screenY + 0.5) / magnification - 0.5;
    }

    /** The screen x (continuous) of voxel x; a voxel center maps to the middle of its screen pixels. */
    public double screenX(double voxelX) {
        return (voxelX + 0.5 - originX) * magnification;
    }

    /** The screen y (continuous) of voxel y. */
    public double screenY(double voxelY) {
        return (voxelY + 0.5 - originY) * magnification;
    }

    /** A length of {@code pixels} screen pixels in voxels. */
    public double voxels(double pixels) {
        return pixels / magnification;
    }
}
