package org.delineate.annotation.edit;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.VoxelEdit;

/**
 * Smooths a segment in 3D with a ball of a radius in mm: closing (fills gaps and dents narrower than the
 * ball), opening (removes protrusions and bridges thinner than the ball), or median (each voxel takes the
 * majority of the ball around it). Works on the segment's bounding box grown by the radius, with exact
 * Euclidean distances for closing and opening. Stateless.
 */
public final class Smoothing {

    /** The smoothing operation. */
    public enum Method {
        CLOSING, OPENING, MEDIAN
    }

    private Smoothing() {
    }

    /**
     * Smooths the edit's segment.
     *
     * @return how many voxels changed
     */
    public static int smooth(VoxelEdit edit, AnnotationGrid grid, Method method, double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("a smoothing radius is a positive number of mm, not " + radius);
        }
        Block block = Block.around(edit, grid, radius);
        if (block == null) {
            return 0;
        }
        boolean[] mask = block.read(edit);
        boolean[] result = switch (method) {
            case CLOSING -> erode(dilate(mask, block, radius), block, radius);
            case OPENING -> dilate(erode(mask, block, radius), block, radius);
            case MEDIAN -> median(mask, block, grid, radius);
        };
        return block.write(edit, result);
    }

    private static boolean[] dilate(boolean[] mask, Block b, double radius) {
        float[] d = DistanceTransform.squared(mask, b.size(), b.spacing());
        boolean[] out = new boolean[mask.length];
        double r2 = radius * radius;
        for (int n = 0; n < out.length; n++) {
            out[n] = d[n] <= r2;
        }
        return out;
    }

    private static boolean[] erode(boolean[] mask, Block b, double radius) {
        boolean[] background = new boolean[mask.length];
        for (int n = 0; n < mask.length; n++) {
            background[n] = !mask[n];
        }
        boolean[] grown = dilate(background, b, radius);
        boolean[] out = new boolean[mask.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = !grown[n];
        }
        return out;
    }

    private static boolean[] median(boolean[] mask, Block b, AnnotationGrid grid, double radius) {
        int[] s = b.size();
        int ri = (int) Math.floor(radius / grid.columnSpacing());
        int rj = (int) Math.floor(radius / grid.rowSpacing());
        int rk = (int) Math.floor(radius / grid.sliceSpacing());
        java.util.List<int[]> offsets = new java.util.ArrayList<>();
        for (int dk = -rk; dk <= rk; dk++) {
            for (int dj = -rj; dj <= rj; dj++) {
                for (int di = -ri; di <= ri; di++) {
                    double x = di * grid.columnSpacing();
                    double y = dj * grid.rowSpacing();
                    double z = dk * grid.sliceSpacing();
                    if (x * x + y * y + z * z <= radius * radius) {
                        offsets.add(new int[] {di, dj, dk});
                    }
                }
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int k = 0; k < s[2]; k++) {
            for (int j = 0; j < s[1]; j++) {
                for (int i = 0; i < s[0]; i++) {
                    int inside = 0;
                    int counted = 0;
                    for (int[] o : offsets) {
                        int ii = i + o[0];
                        int jj = j + o[1];
                        int kk = k + o[2];
                        if (ii < 0 || jj < 0 || kk < 0 || ii >= s[0] || jj >= s[1] || kk >= s[2]) {
                            continue;
                        }
                        counted++;
                        if (mask[(kk * s[1] + jj) * s[0] + ii]) {
                            inside++;
                        }
                    }
                    out[(k * s[1] + j) * s[0] + i] = 2 * inside > counted;
                }
            }
        }
        return out;
    }
}
