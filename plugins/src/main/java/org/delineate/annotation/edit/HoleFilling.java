package org.delineate.annotation.edit;

import org.delineate.annotation.VoxelEdit;

/**
 * Fills the holes of a segment slice by slice: every region of non-segment voxels that does not reach the
 * slice's border (4-connectivity for the background, so that a diagonal gap in the outline does not count
 * as an opening) becomes part of the segment. Stateless.
 */
public final class HoleFilling {

    private HoleFilling() {
    }

    /**
     * Fills the holes on the given slices.
     *
     * @return how many voxels were added
     */
    public static int fill(VoxelEdit edit, int fromSlice, int toSlice) {
        int columns = edit.layer().columns();
        int rows = edit.layer().rows();
        int changed = 0;
        for (int k = Math.max(0, fromSlice); k <= Math.min(edit.layer().slices() - 1, toSlice); k++) {
            boolean[] mask = Masks.slice(edit.layer(), edit.segment().labelValue(), k);
            if (!Masks.any(mask)) {
                continue;
            }
            boolean[] outside = new boolean[mask.length];
            int[] stack = new int[mask.length];
            int top = 0;
            for (int i = 0; i < columns; i++) {
                top = seed(i, mask, outside, stack, top);
                top = seed((rows - 1) * columns + i, mask, outside, stack, top);
            }
            for (int j = 0; j < rows; j++) {
                top = seed(j * columns, mask, outside, stack, top);
                top = seed(j * columns + columns - 1, mask, outside, stack, top);
            }
            while (top > 0) {
                int n = stack[--top];
                int i = n % columns;
                int j = n / columns;
                if (i > 0) {
                    top = seed(n - 1, mask, outside, stack, top);
                }
                if (i < columns - 1) {
                    top = seed(n + 1, mask, outside, stack, top);
                }
                if (j > 0) {
                    top = seed(n - columns, mask, outside, stack, top);
                }
                if (j < rows - 1) {
                    top = seed(n + columns, mask, outside, stack, top);
                }
            }
            boolean[] filled = new boolean[mask.length];
            for (int n = 0; n < mask.length; n++) {
                filled[n] = mask[n] || !outside[n];
            }
            changed += Masks.apply(edit, k, filled);
        }
        return changed;
    }

    private static int seed(int n, boolean[] mask, boolean[] outside, int[] stack, int top) {
        if (!mask[n] && !outside[n]) {
            outside[n] = true;
            stack[top++] = n;
        }
        return top;
    }
}
