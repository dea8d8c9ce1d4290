package org.delineate.annotation;

import java.util.Arrays;
import java.util.List;

/**
 * The voxels one edit changed, slice by slice: for each changed voxel its index in the slice and its label
 * before and after. Memory is 8 bytes per changed voxel, nothing for unchanged ones. Immutable.
 */
final class VoxelChange implements Change {

    /** The changed voxels of one slice of one layer. */
    record SliceChange(int layer, int slice, int[] indices, short[] before, short[] after) {
    }

    private final List<SliceChange> slices;

    VoxelChange(List<SliceChange> slices) {
        this.slices = List.copyOf(slices);
    }

    List<SliceChange> slices() {
        return slices;
    }

    boolean isEmpty() {
        return slices.isEmpty();
    }

    /** The slices touched, ascending, without repeats. */
    int[] sliceIndices() {
        return slices.stream().mapToInt(SliceChange::slice).distinct().sorted().toArray();
    }

    /** How many voxels changed. */
    long voxels() {
        return slices.stream().mapToLong(s -> s.indices().length).sum();
    }

    @Override
    public void undo(Annotation annotation) {
        for (SliceChange s : slices) {
            write(annotation.layer(s.layer()), s.slice(), s.indices(), s.before());
        }
        annotation.fireVoxelsChanged(sliceIndices());
    }

    @Override
    public void redo(Annotation annotation) {
        for (SliceChange s : slices) {
            write(annotation.layer(s.layer()), s.slice(), s.indices(), s.after());
        }
        annotation.fireVoxelsChanged(sliceIndices());
    }

    private static void write(LabelLayer layer, int k, int[] indices, short[] labels) {
        for (int n = 0; n < indices.length; n++) {
            layer.set(indices[n], k, labels[n] & 0xFFFF);
        }
    }

    @Override
    public long bytes() {
        return slices.stream().mapToLong(s -> 8L * s.indices().length + 48).sum();
    }

    @Override
    public String toString() {
        return "VoxelChange[" + voxels() + " voxels in slices " + Arrays.toString(sliceIndices()) + "]";
    }
}
