package org.delineate.annotation;

/**
 * Hears what changed in an {@link Annotation}, on the thread that changed it. Every method does nothing
 * unless overridden.
 */
public interface AnnotationListener {

    /** Voxels of these slices (ascending) changed, in any layer. */
    default void voxelsChanged(int[] slices) {
    }

    /** Segments were added, removed, reordered or changed (name, color, visibility, lock...). */
    default void segmentsChanged() {
    }

    /** Landmarks were added, moved, renamed or removed. */
    default void landmarksChanged() {
    }

    /** The annotation was saved to a file (any format) by its {@link AnnotationSession}. */
    default void saved() {
    }
}
