package org.delineate.annotation;

import java.util.List;

/**
 * A change of the segment or landmark list, kept as the list before and after (small: metadata only).
 */
final class ListChange<T> implements Change {

    /** Which list changed. */
    enum Kind {
        SEGMENTS, LANDMARKS
    }

    private final Kind kind;
    private final List<T> before;
    private final List<T> after;

    ListChange(Kind kind, List<T> before, List<T> after) {
        this.kind = kind;
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
    }

    Kind kind() {
        return kind;
    }

    List<T> before() {
        return before;
    }

    List<T> after() {
        return after;
    }

    @Override
    public void undo(Annotation annotation) {
        set(annotation, before);
    }

    @Override
    public void redo(Annotation annotation) {
        set(annotation, after);
    }

    @SuppressWarnings("unchecked")
    private void set(Annotation annotation, List<T> list) {
        if (kind == Kind.SEGMENTS) {
            annotation.setSegments((List<Segment>) list);
        } else {
            annotation.setLandmarks((List<Landmark>) list);
        }
    }

    @Override
    public long bytes() {
        return 64L * (before.size() + after.size());
    }
}
