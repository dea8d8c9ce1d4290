package org.delineate.annotation.edit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.VoxelEdit;

/**
 * Removes the small islands of a segment: its 3D connected parts (6-connectivity: voxels sharing a face)
 * smaller than a size, or all parts but the largest. Memory is one bit per voxel of the grid plus a queue.
 * Stateless.
 */
public final class IslandRemoval {

    private IslandRemoval() {
    }

    /** A connected part: one of its voxels and how many it has. */
    record Island(int seed, long voxels) {
    }

    /**
     * Erases every island of fewer than {@code minVoxels} voxels.
     *
     * @return how many voxels were erased
     */
    public static long removeSmallerThan(VoxelEdit edit, long minVoxels) {
        long erased = 0;
        for (Island island : islands(edit.layer(), edit.segment().labelValue())) {
            if (island.voxels() < minVoxels) {
                erased += erase(edit, island.seed());
            }
        }
        return erased;
    }

    /**
     * Erases every island but the largest.
     *
     * @return how many voxels were erased
     */
    public static long keepLargest(VoxelEdit edit) {
        List<Island> islands = islands(edit.layer(), edit.segment().labelValue());
        Island largest = islands.stream().max((a, b) -> Long.compare(a.voxels(), b.voxels())).orElse(null);
        long erased = 0;
        for (Island island : islands) {
            if (island != largest) {
                erased += erase(edit, island.seed());
            }
        }
        return erased;
    }

    /** The islands of a label in a layer, in scan order of their first voxel. */
    static List<Island> islands(LabelLayer layer, int label) {
        List<Island> islands = new ArrayList<>();
        long plane = (long) layer.columns() * layer.rows();
        if (plane * layer.slices() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("island removal handles grids up to 2^31 voxels");
        }
        BitSet seen = new BitSet();
        for (int k = 0; k < layer.slices(); k++) {
            short[] p = layer.plane(k);
            if (p == null) {
                continue;
            }
            for (int n = 0; n < p.length; n++) {
                int index = (int) (k * plane + n);
                if ((p[n] & 0xFFFF) == label && !seen.get(index)) {
                    islands.add(new Island(index, flood(layer, label, index, seen, null)));
                }
            }
        }
        return islands;
    }

    private static long erase(VoxelEdit edit, int seed) {
        LabelLayer layer = edit.layer();
        BitSet seen = new BitSet();
        IntList voxels = new IntList();
        flood(layer, edit.segment().labelValue(), seed, seen, voxels);
        long plane = (long) layer.columns() * layer.rows();
        for (int m = 0; m < voxels.size; m++) {
            int index = voxels.values[m];
            int k = (int) (index / plane);
            int rest = (int) (index % plane);
            edit.erase(rest % layer.columns(), rest / layer.columns(), k);
        }
        return voxels.size;
    }

    /** Marks the island of {@code seed} in {@code seen}; collects its voxels when asked; returns its size. */
    private static long flood(LabelLayer layer, int label, int seed, BitSet seen, IntList collect) {
        int columns = layer.columns();
        int rows = layer.rows();
        int slices = layer.slices();
        long plane = (long) columns * rows;
        IntList queue = new IntList();
        seen.set(seed);
        queue.add(seed);
        long size = 0;
        int head = 0;
        while (head < queue.size) {
            int index = queue.values[head++];
            if (head > 4096 && head * 2 > queue.size) {
                queue.dropFirst(head);
                head = 0;
            }
            size++;
            if (collect != null) {
                collect.add(index);
            }
            int k = (int) (index / plane);
            int rest = (int) (index % plane);
            int j = rest / columns;
            int i = rest % columns;
            if (i > 0) visit(layer, label, i - 1, j, k, index - 1, seen, queue);
            if (i < columns - 1) visit(layer, label, i + 1, j, k, index + 1, seen, queue);
            if (j > 0) visit(layer, label, i, j - 1, k, index - columns, seen, queue);
            if (j < rows - 1) visit(layer, label, i, j + 1, k, index + columns, seen, queue);
            if (k > 0) visit(layer, label, i, j, k - 1, (int) (index - plane), seen, queue);
            if (k < slices - 1) visit(layer, label, i, j, k + 1, (int) (index + plane), seen, queue);
        }
        return size;
    }

    private static void visit(LabelLayer layer, int label, int i, int j, int k, int index, BitSet seen, IntList queue) {
        if (!seen.get(index) && layer.get(i, j, k) == label) {
            seen.set(index);
            queue.add(index);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        int[] values = new int[256];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void dropFirst(int n) {
            System.arraycopy(values, n, values, 0, size - n);
            size -= n;
        }
    }
}
