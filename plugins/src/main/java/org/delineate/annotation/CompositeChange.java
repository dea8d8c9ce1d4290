package org.delineate.annotation;

import java.util.List;

/** Several changes made as one step: undone in reverse order, redone in order. */
final class CompositeChange implements Change {

    private final List<Change> parts;

    CompositeChange(List<Change> parts) {
        this.parts = List.copyOf(parts);
    }

    List<Change> parts() {
        return parts;
    }

    @Override
    public void undo(Annotation annotation) {
        for (int n = parts.size() - 1; n >= 0; n--) {
            parts.get(n).undo(annotation);
        }
    }

    @Override
    public void redo(Annotation annotation) {
        parts.forEach(p -> p.redo(annotation));
    }

    @Override
    public long bytes() {
        return parts.stream().mapToLong(Change::bytes).sum();
    }
}
