package org.delineate.annotation;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A change of the segment or landmark list, kept as the list before and after (small: metadata only).
 */
final class ListChange<T> implements Change {

    private final List<T> before;
    private final List<T> after;
    private final BiConsumer<Annotation, List<T>> setter;

    ListChange(List<T> before, List<T> after, BiConsumer<Annotation, List<T>> setter) {
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.setter = setter;
    }

    @Override
    public void undo(Annotation annotation) {
        setter.accept(annotation, before);
    }

    @Override
    public void redo(Annotation annotation) {
        setter.accept(annotation, after);
    }

    @Override
    public long bytes() {
        return 64L * (before.size() + after.size());
    }
}
