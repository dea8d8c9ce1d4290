package org.delineate.plugins.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Screen pixels of ImageJ's canvas to voxel coordinates (centers at integers) and back. */
class ViewTransformTest {

    @Test
    void theVoxelUnderAScreenPixelIsTheOneImageJReports() {
        // ImageJ's ImageCanvas.offScreenX(sx) = srcRect.x + (int) (sx / magnification): the image pixel a
        // screen pixel shows, at whole magnifications (at others a screen pixel may straddle two image pixels).
        for (double mag : new double[] {1, 2, 3, 8}) {
            ViewTransform v = new ViewTransform(17, 5, mag);
            for (int s = 0; s < 200; s++) {
                assertEquals(17 + (int) (s / mag), Math.round(v.voxelX(s)), "x at magnification " + mag + ", pixel " + s);
                assertEquals(5 + (int) (s / mag), Math.round(v.voxelY(s)), "y at magnification " + mag + ", pixel " + s);
            }
        }
    }

    @Test
    void screenAndVoxelCoordinatesAreInverse() {
        ViewTransform v = new ViewTransform(3, 9, 0.5);
        assertEquals(3 + 2 * 10 + 0.5, v.voxelX(10), 1e-12, "zoomed out, a screen pixel's center lies between two voxels");
        for (int s = 0; s < 50; s++) {
            assertEquals(s + 0.5, v.screenX(v.voxelX(s)), 1e-9);
            assertEquals(s + 0.5, v.screenY(v.voxelY(s)), 1e-9);
        }
        assertEquals(12.5, new ViewTransform(0, 0, 4).voxels(50), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ViewTransform(0, 0, 0));
    }
}
