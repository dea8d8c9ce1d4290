package org.delineate.annotation;

/**
 * One undoable step of an annotation's history: what it changed, kept small (only what changed), able to
 * put the annotation back as it was before or after the step.
 */
interface Change {

    /** Puts the annotation back as it was before this change. */
    void undo(Annotation annotation);

    /** Makes this change again, after {@link #undo}. */
    void redo(Annotation annotation);

    /** Bytes this change keeps for undo (an estimate of its arrays). */
    long bytes();
}
