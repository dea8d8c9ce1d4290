package org.delineate.plugins.editor;

/**
 * One mouse event of the Segment Editor's tools, in voxel coordinates of the shown slice (centers at integers;
 * x column, y row; k the 0-based slice), with the modifier keys that change what a tool does and the view it
 * happened in (for distances in screen pixels). Immutable.
 *
 * @param x the voxel column under the pointer
 * @param y the voxel row under the pointer
 * @param slice the shown slice, 0-based
 * @param alt whether Alt was held: the tool subtracts or erases instead of adding (landmark: deletes)
 * @param clicks the click count of a press (2 for a double click)
 * @param view the view that mapped the event
 */
public record Pointer(double x, double y, int slice, boolean alt, int clicks, ViewTransform view) {

    /** The pointer at screen pixel (screenX, screenY) of a canvas showing {@code view}. */
    public static Pointer at(int screenX, int screenY, ViewTransform view, int slice, boolean alt, int clicks) {
        return new Pointer(view.voxelX(screenX), view.voxelY(screenY), slice, alt, clicks, view);
    }

    /** The distance to voxel point (x, y) of the same slice, in screen pixels. */
    public double screenDistance(double toX, double toY) {
        return Math.hypot(toX - x, toY - y) * view.magnification();
    }
}
