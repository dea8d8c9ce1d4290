package org.delineate.annotation.edit;

import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.VoxelEdit;

/**
 * Fill between slices: a segment outlined on some slices is interpolated on the empty slices between them
 * by shape-based interpolation (Raya and Udupa, 1990): each outlined slice becomes a signed distance map in
 * mm (negative inside), the maps of the two nearest outlined slices are blended linearly by slice
 * position, and the interpolated slice is where the blend is at most 0. Shapes that move or change size
 * between slices morph smoothly; outlined slices are not changed. Stateless.
 */
public final class SliceInterpolation {

    private SliceInterpolation() {
    }

    /**
     * Fills the empty slices between the first and last slices where the segment has voxels.
     *
     * @return the slices that were filled, ascending
     */
    public static int[] fillBetween(VoxelEdit edit, AnnotationGrid grid) {
        int label = edit.segment().labelValue();
        List<Integer> outlined = new ArrayList<>();
        for (int k = 0; k < edit.layer().slices(); k++) {
            if (Masks.any(Masks.slice(edit.layer(), label, k))) {
                outlined.add(k);
            }
        }
        List<Integer> filled = new ArrayList<>();
        float[] lower = null;
        for (int n = 0; n + 1 < outlined.size(); n++) {
            int k0 = outlined.get(n);
            int k1 = outlined.get(n + 1);
            if (k1 - k0 < 2) {
                lower = null;
                continue;
            }
            float[] d0 = lower != null ? lower : signedDistance(Masks.slice(edit.layer(), label, k0), grid);
            float[] d1 = signedDistance(Masks.slice(edit.layer(), label, k1), grid);
            for (int k = k0 + 1; k < k1; k++) {
                double t = (double) (k - k0) / (k1 - k0);
                boolean[] wanted = new boolean[d0.length];
                for (int m = 0; m < wanted.length; m++) {
                    wanted[m] = (1 - t) * d0[m] + t * d1[m] <= 0;
                }
                if (Masks.apply(edit, k, wanted) > 0) {
                    filled.add(k);
                }
            }
            lower = d1;
        }
        return filled.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The signed distance in mm from each voxel center to the mask's boundary: negative inside (minus the
     * distance to the nearest outside voxel, plus half a voxel), positive outside (the distance to the nearest
     * inside voxel, minus half a voxel), so the zero level lies between inside and outside voxel centers.
     */
    static float[] signedDistance(boolean[] mask, AnnotationGrid grid) {
        int[] size = {grid.columns(), grid.rows()};
        double[] spacing = {grid.columnSpacing(), grid.rowSpacing()};
        boolean[] outside = new boolean[mask.length];
        for (int n = 0; n < mask.length; n++) {
            outside[n] = !mask[n];
        }
        float[] toInside = DistanceTransform.squared(mask, size, spacing);
        float[] toOutside = DistanceTransform.squared(outside, size, spacing);
        double half = Math.min(spacing[0], spacing[1]) / 2;
        float[] d = new float[mask.length];
        for (int n = 0; n < mask.length; n++) {
            d[n] = mask[n] ? (float) (-Math.sqrt(toOutside[n]) + half) : (float) (Math.sqrt(toInside[n]) - half);
        }
        return d;
    }
}
