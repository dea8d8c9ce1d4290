package org.delineate.annotation.edit;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.VoxelEdit;

/**
 * Paints or erases round shapes measured in mm, whatever the voxel spacing: a disk on one slice, a stroke
 * (the disk dragged along a line, without gaps), and a sphere across slices. Distances are taken in
 * patient space through the grid's steps, so sheared or anisotropic grids get true circles and spheres.
 * A voxel is inside when its center is. Stateless; thread-safe (the edit is not).
 */
public final class Brush {

    private final AnnotationGrid grid;

    public Brush(AnnotationGrid grid) {
        this.grid = grid;
    }

    /**
     * Paints (or erases) a disk on slice k.
     *
     * @param ci the center column, in voxel coordinates (voxel centers are integers)
     * @param cj the center row
     * @param radius the radius in mm
     * @return how many voxels changed
     */
    public int disk(VoxelEdit edit, double ci, double cj, int k, double radius, boolean paint) {
        return stroke(edit, ci, cj, ci, cj, k, radius, paint);
    }

    /**
     * Paints (or erases) every voxel of slice k within {@code radius} mm of the line from (i0, j0) to
     * (i1, j1): one drag of the brush.
     *
     * @return how many voxels changed
     */
    public int stroke(VoxelEdit edit, double i0, double j0, double i1, double j1, int k, double radius, boolean paint) {
        checkRadius(radius);
        double[] c = grid.geometry().columnStep();
        double[] r = grid.geometry().rowStep();
        int reachI = (int) Math.ceil(radius / grid.columnSpacing()) + 1;
        int reachJ = (int) Math.ceil(radius / grid.rowSpacing()) + 1;
        int iMin = (int) Math.floor(Math.min(i0, i1)) - reachI;
        int iMax = (int) Math.ceil(Math.max(i0, i1)) + reachI;
        int jMin = (int) Math.floor(Math.min(j0, j1)) - reachJ;
        int jMax = (int) Math.ceil(Math.max(j0, j1)) + reachJ;
        iMin = Math.max(0, iMin);
        jMin = Math.max(0, jMin);
        iMax = Math.min(grid.columns() - 1, iMax);
        jMax = Math.min(grid.rows() - 1, jMax);
        double[] segment = combine(c, i1 - i0, r, j1 - j0, null, 0);
        double segmentLength2 = dot(segment, segment);
        double radius2 = radius * radius;
        int changed = 0;
        for (int j = jMin; j <= jMax; j++) {
            for (int i = iMin; i <= iMax; i++) {
                double[] d = combine(c, i - i0, r, j - j0, null, 0);
                double t = segmentLength2 == 0 ? 0 : Math.max(0, Math.min(1, dot(d, segment) / segmentLength2));
                double dx = d[0] - t * segment[0];
                double dy = d[1] - t * segment[1];
                double dz = d[2] - t * segment[2];
                if (dx * dx + dy * dy + dz * dz <= radius2 && edit.set(i, j, k, paint)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Paints (or erases) a sphere: every voxel within {@code radius} mm of the center.
     *
     * @param ci the center column, in voxel coordinates
     * @param cj the center row
     * @param ck the center slice
     * @return how many voxels changed
     */
    public int sphere(VoxelEdit edit, double ci, double cj, double ck, double radius, boolean paint) {
        checkRadius(radius);
        double[] c = grid.geometry().columnStep();
        double[] r = grid.geometry().rowStep();
        double[] s = grid.geometry().sliceStep();
        int reachI = (int) Math.ceil(radius / grid.columnSpacing()) + 1;
        int reachJ = (int) Math.ceil(radius / grid.rowSpacing()) + 1;
        int reachK = (int) Math.ceil(radius / grid.sliceSpacing()) + 1;
        double radius2 = radius * radius;
        int changed = 0;
        for (int k = Math.max(0, (int) Math.floor(ck) - reachK); k <= Math.min(grid.slices() - 1, (int) Math.ceil(ck) + reachK); k++) {
            for (int j = Math.max(0, (int) Math.floor(cj) - reachJ); j <= Math.min(grid.rows() - 1, (int) Math.ceil(cj) + reachJ); j++) {
                for (int i = Math.max(0, (int) Math.floor(ci) - reachI); i <= Math.min(grid.columns() - 1, (int) Math.ceil(ci) + reachI); i++) {
                    double[] d = combine(c, i - ci, r, j - cj, s, k - ck);
                    if (dot(d, d) <= radius2 && edit.set(i, j, k, paint)) {
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    private static void checkRadius(double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("a brush radius is a positive number of mm, not " + radius);
        }
    }

    private static double[] combine(double[] a, double x, double[] b, double y, double[] c, double z) {
        double[] v = new double[3];
        for (int n = 0; n < 3; n++) {
            v[n] = a[n] * x + b[n] * y + (c == null ? 0 : c[n] * z);
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
