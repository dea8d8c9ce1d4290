package org.delineate.annotation.edit;

import java.util.BitSet;

import org.delineate.annotation.VoxelEdit;
import org.delineate.annotation.VoxelFilter;

/**
 * Region growing in 3D: paints every voxel connected to a seed (6-connectivity: faces) through voxels the
 * filter accepts, typically a {@link ThresholdRange}. Memory is one bit per voxel of the grid plus a queue
 * of the region's boundary. Stateless.
 */
public final class RegionGrowing {

    private RegionGrowing() {
    }

    /**
     * Grows from (i, j, k) through accepted voxels, painting each into the edit's segment.
     *
     * @param maxVoxels stop after this many voxels (a leak into the whole body is a user's mistake, not a hang)
     * @return how many voxels the region has (0 when the seed is not accepted)
     */
    public static long grow(VoxelEdit edit, int i, int j, int k, VoxelFilter accepted, long maxVoxels) {
        int columns = edit.layer().columns();
        int rows = edit.layer().rows();
        int slices = edit.layer().slices();
        if (!edit.layer().contains(i, j, k) || !accepted.accepts(i, j, k)) {
            return 0;
        }
        long plane = (long) columns * rows;
        long total = plane * slices;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("region growing handles grids up to 2^31 voxels");
        }
        BitSet seen = new BitSet((int) total);
        int[] queue = new int[1024];
        int head = 0;
        int tail = 0;
        int start = (int) (k * plane + (long) j * columns + i);
        seen.set(start);
        queue[tail++] = start;
        long region = 0;
        while (head < tail && region < maxVoxels) {
            int index = queue[head++];
            int kk = (int) (index / plane);
            int rest = (int) (index % plane);
            int jj = rest / columns;
            int ii = rest % columns;
            edit.paint(ii, jj, kk);
            region++;
            if (tail + 6 > queue.length) {
                // NB: compact before growing, so the queue holds only the boundary, not the whole region.
                System.arraycopy(queue, head, queue, 0, tail - head);
                tail -= head;
                head = 0;
                if (tail + 6 > queue.length) {
                    queue = java.util.Arrays.copyOf(queue, queue.length * 2);
                }
            }
            tail = visit(ii - 1, jj, kk, columns, rows, slices, plane, accepted, seen, queue, tail);
            tail = visit(ii + 1, jj, kk, columns, rows, slices, plane, accepted, seen, queue, tail);
            tail = visit(ii, jj - 1, kk, columns, rows, slices, plane, accepted, seen, queue, tail);
            tail = visit(ii, jj + 1, kk, columns, rows, slices, plane, accepted, seen, queue, tail);
            tail = visit(ii, jj, kk - 1, columns, rows, slices, plane, accepted, seen, queue, tail);
            tail = visit(ii, jj, kk + 1, columns, rows, slices, plane, accepted, seen, queue, tail);
        }
        return region;
    }

    private static int visit(int i, int j, int k, int columns, int rows, int slices, long plane, VoxelFilter accepted,
            BitSet seen, int[] queue, int tail) {
        if (i < 0 || j < 0 || k < 0 || i >= columns || j >= rows || k >= slices) {
            return tail;
        }
        int index = (int) (k * plane + (long) j * columns + i);
        if (seen.get(index)) {
            return tail;
        }
        seen.set(index);
        if (!accepted.accepts(i, j, k)) {
            return tail;
        }
        queue[tail] = index;
        return tail + 1;
    }
}
