package org.delineate.annotation.edit;

import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.VoxelEdit;

/** Binary masks of one segment: read from its layer, and written back through an edit. */
final class Masks {

    private Masks() {
    }

    /** The segment's voxels on slice k, index j * columns + i. */
    static boolean[] slice(LabelLayer layer, int label, int k) {
        boolean[] mask = new boolean[layer.columns() * layer.rows()];
        short[] plane = layer.plane(k);
        if (plane != null) {
            for (int n = 0; n < mask.length; n++) {
                mask[n] = (plane[n] & 0xFFFF) == label;
            }
        }
        return mask;
    }

    /** True when any voxel of the mask is set. */
    static boolean any(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** Makes the segment's voxels on slice k equal {@code wanted} where the edit allows; returns the changes. */
    static int apply(VoxelEdit edit, int k, boolean[] wanted) {
        LabelLayer layer = edit.layer();
        int label = edit.segment().labelValue();
        int columns = layer.columns();
        int changed = 0;
        for (int n = 0; n < wanted.length; n++) {
            boolean now = layer.get(n, k) == label;
            if (now != wanted[n] && edit.set(n % columns, n / columns, k, wanted[n])) {
                changed++;
            }
        }
        return changed;
    }
}
