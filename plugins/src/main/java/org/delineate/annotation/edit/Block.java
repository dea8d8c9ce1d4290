package org.delineate.annotation.edit;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.VoxelEdit;

/**
 * A box of the grid around a segment (its bounding box grown by a margin in mm, clipped to the grid), with
 * the segment's mask read into a flat array (i fastest) and written back through an edit.
 */
record Block(int i0, int j0, int k0, int columns, int rows, int slices, double[] spacing) {

    /** The box around the edit's segment grown by {@code margin} mm, or null when the segment is empty. */
    static Block around(VoxelEdit edit, AnnotationGrid grid, double margin) {
        LabelLayer layer = edit.layer();
        int label = edit.segment().labelValue();
        int iMin = Integer.MAX_VALUE;
        int jMin = Integer.MAX_VALUE;
        int kMin = Integer.MAX_VALUE;
        int iMax = -1;
        int jMax = -1;
        int kMax = -1;
        for (int k = 0; k < layer.slices(); k++) {
            short[] p = layer.plane(k);
            if (p == null) {
                continue;
            }
            for (int n = 0; n < p.length; n++) {
                if ((p[n] & 0xFFFF) == label) {
                    int i = n % layer.columns();
                    int j = n / layer.columns();
                    iMin = Math.min(iMin, i);
                    iMax = Math.max(iMax, i);
                    jMin = Math.min(jMin, j);
                    jMax = Math.max(jMax, j);
                    kMin = Math.min(kMin, k);
                    kMax = Math.max(kMax, k);
                }
            }
        }
        if (iMax < 0) {
            return null;
        }
        int mi = (int) Math.ceil(margin / grid.columnSpacing()) + 1;
        int mj = (int) Math.ceil(margin / grid.rowSpacing()) + 1;
        int mk = (int) Math.ceil(margin / grid.sliceSpacing()) + 1;
        int i0 = Math.max(0, iMin - mi);
        int j0 = Math.max(0, jMin - mj);
        int k0 = Math.max(0, kMin - mk);
        int i1 = Math.min(layer.columns() - 1, iMax + mi);
        int j1 = Math.min(layer.rows() - 1, jMax + mj);
        int k1 = Math.min(layer.slices() - 1, kMax + mk);
        long voxels = (long) (i1 - i0 + 1) * (j1 - j0 + 1) * (k1 - k0 + 1);
        if (voxels > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the segment's box of " + voxels + " voxels is too large to smooth");
        }
        return new Block(i0, j0, k0, i1 - i0 + 1, j1 - j0 + 1, k1 - k0 + 1,
                new double[] {grid.columnSpacing(), grid.rowSpacing(), grid.sliceSpacing()});
    }

    int[] size() {
        return new int[] {columns, rows, slices};
    }

    boolean[] read(VoxelEdit edit) {
        boolean[] mask = new boolean[columns * rows * slices];
        int label = edit.segment().labelValue();
        for (int k = 0; k < slices; k++) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    mask[(k * rows + j) * columns + i] = edit.layer().get(i0 + i, j0 + j, k0 + k) == label;
                }
            }
        }
        return mask;
    }

    int write(VoxelEdit edit, boolean[] wanted) {
        int changed = 0;
        for (int k = 0; k < slices; k++) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    boolean want = wanted[(k * rows + j) * columns + i];
                    if (want != edit.isSet(i0 + i, j0 + j, k0 + k) && edit.set(i0 + i, j0 + j, k0 + k, want)) {
                        changed++;
                    }
                }
            }
        }
        return changed;
    }
}
