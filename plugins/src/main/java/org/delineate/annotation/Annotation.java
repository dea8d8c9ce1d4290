package org.delineate.annotation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.SegmentDescription;

/**
 * A segmentation and landmarks drawn on one image grid: segments (ordered, named, coded), the label layers
 * that hold their voxels, landmarks, the undo history and the edit log. The model of the Segment Editor,
 * free of ImageJ and Swing. Every change is one undoable step that keeps only what changed. Not
 * thread-safe: use it from one thread (the GUI's event thread, or a macro's thread).
 */
public final class Annotation {

    private final AnnotationGrid grid;
    private final SourceReference source;
    private final String user;
    private final Clock clock;
    private final List<LabelLayer> layers = new ArrayList<>();
    private List<Segment> segments = List.of();
    private List<Landmark> landmarks = List.of();
    private final List<Change> history = new ArrayList<>();
    private int historyPosition;
    private final List<EditRecord> log = new ArrayList<>();
    private final List<AnnotationListener> listeners = new CopyOnWriteArrayList<>();
    private int nextSegmentId = 1;
    private int nextLandmarkId = 1;

    /**
     * An empty annotation with one empty layer.
     *
     * @param grid the image grid
     * @param source the DICOM images the grid came from, or null (NIfTI, or unknown)
     * @param user who edits, for the edit log
     * @param clock the time source of the edit log
     */
    public Annotation(AnnotationGrid grid, SourceReference source, String user, Clock clock) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.source = source;
        this.user = user == null ? "" : user;
        this.clock = Objects.requireNonNull(clock, "clock");
        layers.add(new LabelLayer(grid.columns(), grid.rows(), grid.slices()));
    }

    public AnnotationGrid grid() {
        return grid;
    }

    /** The DICOM images annotated, or null. */
    public SourceReference source() {
        return source;
    }

    // ---- layers and segments

    /** The number of label layers (at least 1). */
    public int layerCount() {
        return layers.size();
    }

    public LabelLayer layer(int index) {
        return layers.get(index);
    }

    /** Adds an empty layer, for segments that overlap those of the other layers; returns its index. */
    public int addLayer() {
        layers.add(new LabelLayer(grid.columns(), grid.rows(), grid.slices()));
        return layers.size() - 1;
    }

    /** The segments, in display and export order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The segment with this id, or null. */
    public Segment segment(int id) {
        for (Segment s : segments) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }

    /** The segment of a layer's label value, or null. */
    public Segment segmentAt(int layer, int labelValue) {
        for (Segment s : segments) {
            if (s.layer() == layer && s.labelValue() == labelValue) {
                return s;
            }
        }
        return null;
    }

    /** True when the voxels labelled {@code labelValue} in {@code layer} belong to a locked segment. */
    boolean isLocked(int layer, int labelValue) {
        Segment s = segmentAt(layer, labelValue);
        return s != null && s.locked();
    }

    /**
     * Adds an empty segment at the end of the list, in {@code layer}, with the smallest label value unused
     * there. One undoable step.
     */
    public Segment addSegment(SegmentDescription description, int color, int layer) {
        if (layer < 0 || layer >= layers.size()) {
            throw new IllegalArgumentException("no layer " + layer + " (there are " + layers.size() + ")");
        }
        int label = 1;
        while (segmentAt(layer, label) != null) {
            label++;
        }
        if (label > 0xFFFF) {
            throw new IllegalStateException("layer " + layer + " holds 65535 segments already");
        }
        Segment segment = new Segment(nextSegmentId++, description, color, 0.5, true, false, layer, label);
        List<Segment> after = new ArrayList<>(segments);
        after.add(segment);
        apply(segmentsChange(after), "add segment", segment.id(), null);
        return segment;
    }

    /** Replaces the segment of the same id (name, codes, color, opacity, visibility, lock). One undoable step. */
    public void replaceSegment(Segment changed) {
        Segment old = segment(changed.id());
        if (old == null) {
            throw new IllegalArgumentException("no segment " + changed.id());
        }
        if (old.layer() != changed.layer() || old.labelValue() != changed.labelValue()) {
            throw new IllegalArgumentException("a segment's layer and label value cannot be changed");
        }
        List<Segment> after = new ArrayList<>(segments);
        after.set(after.indexOf(old), changed);
        apply(segmentsChange(after), "change segment", changed.id(), null);
    }

    /** Moves a segment to {@code index} in the list. One undoable step. */
    public void moveSegment(int id, int index) {
        Segment s = segment(id);
        if (s == null) {
            throw new IllegalArgumentException("no segment " + id);
        }
        List<Segment> after = new ArrayList<>(segments);
        after.remove(s);
        after.add(Math.max(0, Math.min(index, after.size())), s);
        apply(segmentsChange(after), "move segment", id, null);
    }

    /** Removes a segment and clears its voxels. One undoable step. */
    public void removeSegment(int id) {
        Segment s = segment(id);
        if (s == null) {
            throw new IllegalArgumentException("no segment " + id);
        }
        LabelLayer layer = layers.get(s.layer());
        Segment unlocked = s.withLocked(false);
        VoxelEdit clear = new VoxelEdit(this, "remove segment", unlocked);
        for (int k = 0; k < layer.slices(); k++) {
            short[] plane = layer.plane(k);
            if (plane != null) {
                for (int index = 0; index < plane.length; index++) {
                    if ((plane[index] & 0xFFFF) == s.labelValue()) {
                        clear.erase(index % layer.columns(), index / layer.columns(), k);
                    }
                }
            }
        }
        VoxelChange voxels = clear.take();
        List<Segment> after = new ArrayList<>(segments);
        after.remove(s);
        Change list = segmentsChange(after);
        apply(new CompositeChange(List.of(voxels, list)), "remove segment", id, voxels.sliceIndices());
    }

    private Change segmentsChange(List<Segment> after) {
        return new ListChange<>(ListChange.Kind.SEGMENTS, segments, after);
    }

    void setSegments(List<Segment> list) {
        segments = List.copyOf(list);
        listeners.forEach(AnnotationListener::segmentsChanged);
    }

    /**
     * Starts an edit of a segment's voxels.
     *
     * @param tool the tool's name, for the edit log
     * @throws IllegalStateException when the segment is locked
     */
    public VoxelEdit edit(String tool, int segmentId) {
        Segment s = segment(segmentId);
        if (s == null) {
            throw new IllegalArgumentException("no segment " + segmentId);
        }
        return new VoxelEdit(this, tool, s);
    }

    // ---- landmarks

    public List<Landmark> landmarks() {
        return landmarks;
    }

    /** Adds a landmark at a patient position (LPS, mm). One undoable step. */
    public Landmark addLandmark(String name, Code code, double[] lps) {
        Landmark l = new Landmark(nextLandmarkId++, name, code, lps);
        List<Landmark> after = new ArrayList<>(landmarks);
        after.add(l);
        apply(new ListChange<>(ListChange.Kind.LANDMARKS, landmarks, after), "add landmark", 0, null);
        return l;
    }

    /** Replaces the landmark of the same id (moved or renamed). One undoable step. */
    public void replaceLandmark(Landmark changed) {
        List<Landmark> after = new ArrayList<>(landmarks);
        int index = -1;
        for (int n = 0; n < after.size(); n++) {
            if (after.get(n).id() == changed.id()) {
                index = n;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no landmark " + changed.id());
        }
        after.set(index, changed);
        apply(new ListChange<>(ListChange.Kind.LANDMARKS, landmarks, after), "change landmark", 0, null);
    }

    /** Removes a landmark. One undoable step. */
    public void removeLandmark(int id) {
        List<Landmark> after = new ArrayList<>(landmarks);
        if (!after.removeIf(l -> l.id() == id)) {
            throw new IllegalArgumentException("no landmark " + id);
        }
        apply(new ListChange<>(ListChange.Kind.LANDMARKS, landmarks, after), "remove landmark", 0, null);
    }

    void setLandmarks(List<Landmark> list) {
        landmarks = List.copyOf(list);
        listeners.forEach(AnnotationListener::landmarksChanged);
    }

    // ---- history

    private void apply(Change change, String tool, int segmentId, int[] slices) {
        change.redo(this);
        record(change, tool, segmentId, slices);
    }

    /** Records a change already made as the newest step, dropping any steps that were undone. */
    void record(Change change, String tool, int segmentId, int[] slices) {
        history.subList(historyPosition, history.size()).clear();
        history.add(change);
        historyPosition = history.size();
        log.add(new EditRecord(tool, segmentId, slices, clock.instant(), user));
    }

    public boolean canUndo() {
        return historyPosition > 0;
    }

    public boolean canRedo() {
        return historyPosition < history.size();
    }

    /** Undoes the newest step; false when there is none. */
    public boolean undo() {
        if (!canUndo()) {
            return false;
        }
        history.get(--historyPosition).undo(this);
        log.add(new EditRecord("undo", 0, null, clock.instant(), user));
        return true;
    }

    /** Redoes the step undone last; false when there is none. */
    public boolean redo() {
        if (!canRedo()) {
            return false;
        }
        history.get(historyPosition++).redo(this);
        log.add(new EditRecord("redo", 0, null, clock.instant(), user));
        return true;
    }

    /** The number of steps that can be undone. */
    public int undoSteps() {
        return historyPosition;
    }

    /** Bytes the history keeps for undo and redo. */
    public long historyBytes() {
        return history.stream().mapToLong(Change::bytes).sum();
    }

    /** The edit log, oldest first. */
    public List<EditRecord> log() {
        return List.copyOf(log);
    }

    // ---- saving and restoring (for the JSON document)

    List<Change> history() {
        return List.copyOf(history);
    }

    int historyPosition() {
        return historyPosition;
    }

    /**
     * Restores a saved state into this new annotation (one layer, nothing else yet): the layers' count,
     * segments, landmarks, history with its position, edit log and id counters. Voxels are written by the
     * caller into {@link #layer(int)}.
     */
    void restore(int layerCount, List<Segment> savedSegments, List<Landmark> savedLandmarks, List<Change> savedHistory,
            int position, List<EditRecord> savedLog) {
        if (!segments.isEmpty() || !history.isEmpty() || layers.size() != 1) {
            throw new IllegalStateException("restore into a new annotation only");
        }
        if (position < 0 || position > savedHistory.size()) {
            throw new IllegalArgumentException("history position " + position + " outside 0.." + savedHistory.size());
        }
        while (layers.size() < layerCount) {
            addLayer();
        }
        segments = List.copyOf(savedSegments);
        landmarks = List.copyOf(savedLandmarks);
        history.addAll(savedHistory);
        historyPosition = position;
        log.addAll(savedLog);
        nextSegmentId = 1 + Math.max(segments.stream().mapToInt(Segment::id).max().orElse(0), maxId(savedHistory, true));
        nextLandmarkId = 1 + Math.max(landmarks.stream().mapToInt(Landmark::id).max().orElse(0), maxId(savedHistory, false));
    }

    /** The largest segment (or landmark) id named anywhere in the history, so that ids are never reused. */
    private static int maxId(List<Change> changes, boolean segmentIds) {
        int max = 0;
        for (Change c : changes) {
            if (c instanceof CompositeChange composite) {
                max = Math.max(max, maxId(composite.parts(), segmentIds));
            } else if (c instanceof ListChange<?> list
                    && (list.kind() == ListChange.Kind.SEGMENTS) == segmentIds) {
                for (Object o : list.before()) {
                    max = Math.max(max, segmentIds ? ((Segment) o).id() : ((Landmark) o).id());
                }
                for (Object o : list.after()) {
                    max = Math.max(max, segmentIds ? ((Segment) o).id() : ((Landmark) o).id());
                }
            }
        }
        return max;
    }

    // ---- listeners

    public void addListener(AnnotationListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(AnnotationListener l) {
        listeners.remove(l);
    }

    void fireVoxelsChanged(int[] slices) {
        for (AnnotationListener l : listeners) {
            l.voxelsChanged(slices.clone());
        }
    }

    void fireSaved() {
        listeners.forEach(AnnotationListener::saved);
    }
}
