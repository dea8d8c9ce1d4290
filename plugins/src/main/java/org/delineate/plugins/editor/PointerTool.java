package org.delineate.plugins.editor;

/**
 * One mouse tool of the Segment Editor: a gesture is a press, drags and a release on one slice. Tools act on the
 * annotation through the model and report to the {@link EditorView}; they throw IllegalStateException or
 * IllegalArgumentException with a message for the user when they cannot act (the controller shows it).
 */
interface PointerTool {

    void press(Pointer p);

    default void drag(Pointer p) {
    }

    /** The button was released: by default the last drag, then the gesture ends ({@link #finish()}). */
    default void release(Pointer p) {
        drag(p);
        finish();
    }

    /** The pointer moved without a button held. */
    default void move(Pointer p) {
    }

    /** Ends a gesture in progress keeping what it did (a stroke becomes an undo step); no-op when idle. */
    default void finish() {
    }

    /** Abandons a gesture in progress (a stroke is taken back, an outline dropped); no-op when idle. */
    default void cancel() {
    }
}
