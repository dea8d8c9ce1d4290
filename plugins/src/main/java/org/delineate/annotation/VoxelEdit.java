package org.delineate.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One edit of one segment's voxels, in progress: tools paint and erase through it, and {@link #commit()}
 * makes it one undoable step that keeps only the voxels it changed. Painting puts the segment's label
 * into its layer, replacing other segments of that layer unless they are locked; erasing clears only the
 * segment's own voxels. A locked segment cannot be edited at all. Not thread-safe.
 */
public final class VoxelEdit {

    private final Annotation annotation;
    private final String tool;
    private final Segment segment;
    private final LabelLayer layer;
    private final Map<Integer, Recorder> recorders = new LinkedHashMap<>();
    private VoxelFilter filter = VoxelFilter.ALL;
    private boolean finished;

    VoxelEdit(Annotation annotation, String tool, Segment segment) {
        if (segment.locked()) {
            throw new IllegalStateException("segment \"" + segment.name() + "\" is locked");
        }
        this.annotation = annotation;
        this.tool = tool;
        this.segment = segment;
        this.layer = annotation.layer(segment.layer());
    }

    /** Restricts this edit to the voxels {@code filter} accepts (on top of the segment rules). */
    public VoxelEdit onlyWhere(VoxelFilter f) {
        this.filter = f == null ? VoxelFilter.ALL : f;
        return this;
    }

    /** The segment being edited. */
    public Segment segment() {
        return segment;
    }

    /** The layer the segment's voxels are in. */
    public LabelLayer layer() {
        return layer;
    }

    /** Adds (i, j, k) to the segment; false when outside the grid, filtered out or another segment's locked voxel. */
    public boolean paint(int i, int j, int k) {
        return set(i, j, k, true);
    }

    /** Removes (i, j, k) from the segment; false when it was not the segment's, or is filtered out. */
    public boolean erase(int i, int j, int k) {
        return set(i, j, k, false);
    }

    /** Paints (on) or erases (off) one voxel; true when the voxel changed. */
    public boolean set(int i, int j, int k, boolean on) {
        checkOpen();
        if (!layer.contains(i, j, k) || !filter.accepts(i, j, k)) {
            return false;
        }
        int index = j * layer.columns() + i;
        int current = layer.get(index, k);
        int wanted;
        if (on) {
            if (current == segment.labelValue()) {
                return false;
            }
            if (current != 0 && annotation.isLocked(segment.layer(), current)) {
                return false;
            }
            wanted = segment.labelValue();
        } else {
            if (current != segment.labelValue()) {
                return false;
            }
            wanted = 0;
        }
        recorder(k).remember(index, current);
        layer.set(index, k, wanted);
        return true;
    }

    /** True when (i, j, k) is the segment's voxel now. */
    public boolean isSet(int i, int j, int k) {
        return layer.get(i, j, k) == segment.labelValue();
    }

    private Recorder recorder(int k) {
        return recorders.computeIfAbsent(k, s -> new Recorder(layer.columns() * layer.rows()));
    }

    /**
     * Ends the edit and records it as one step of the history (nothing when no voxel changed); listeners
     * hear which slices changed.
     *
     * @return the slices changed, ascending
     */
    public int[] commit() {
        VoxelChange change = take();
        if (change.isEmpty()) {
            return new int[0];
        }
        annotation.record(change, tool, segment.id(), change.sliceIndices());
        annotation.fireVoxelsChanged(change.sliceIndices());
        return change.sliceIndices();
    }

    /** Ends the edit and returns what it changed, without recording it (for steps made of several changes). */
    VoxelChange take() {
        checkOpen();
        finished = true;
        List<VoxelChange.SliceChange> slices = new ArrayList<>();
        for (Map.Entry<Integer, Recorder> e : recorders.entrySet()) {
            VoxelChange.SliceChange s = e.getValue().change(segment.layer(), e.getKey(), layer);
            if (s != null) {
                slices.add(s);
            }
        }
        return new VoxelChange(slices);
    }

    /** Ends the edit and puts back every voxel it changed; nothing is recorded. */
    public void cancel() {
        checkOpen();
        finished = true;
        for (Map.Entry<Integer, Recorder> e : recorders.entrySet()) {
            e.getValue().restore(e.getKey(), layer);
        }
        int[] slices = recorders.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (slices.length > 0) {
            annotation.fireVoxelsChanged(slices);
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("this edit is finished");
        }
    }

    /** The first label each voxel had in this edit, for one slice. */
    private static final class Recorder {
        private final BitSet seen;
        private int[] indices = new int[64];
        private short[] before = new short[64];
        private int size;

        Recorder(int voxels) {
            seen = new BitSet(voxels);
        }

        void remember(int index, int label) {
            if (seen.get(index)) {
                return;
            }
            seen.set(index);
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
                before = Arrays.copyOf(before, size * 2);
            }
            indices[size] = index;
            before[size] = (short) label;
            size++;
        }

        VoxelChange.SliceChange change(int layerIndex, int k, LabelLayer layer) {
            int[] idx = new int[size];
            short[] old = new short[size];
            short[] now = new short[size];
            int n = 0;
            for (int m = 0; m < size; m++) {
                int after = layer.get(indices[m], k);
                if (after != (before[m] & 0xFFFF)) {
                    idx[n] = indices[m];
                    old[n] = before[m];
                    now[n] = (short) after;
                    n++;
                }
            }
            return n == 0 ? null : new VoxelChange.SliceChange(layerIndex, k, Arrays.copyOf(idx, n),
                    Arrays.copyOf(old, n), Arrays.copyOf(now, n));
        }

        void restore(int k, LabelLayer layer) {
            for (int m = 0; m < size; m++) {
                layer.set(indices[m], k, before[m] & 0xFFFF);
            }
        }
    }
}
