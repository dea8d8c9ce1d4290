package org.delineate.plugins.editor;

import java.awt.Rectangle;

/**
 * What the tool controller asks of the window that shows the slice: repaint voxels, show a slice, report. Voxel
 * rectangles are (column, row, width, height) on one 0-based slice. Implemented by the ImageJ view; tests
 * implement it to record the calls.
 */
public interface EditorView {

    /** Voxels of {@code voxels} on {@code slice} changed during a gesture (not yet an undo step): repaint them. */
    void painted(int slice, Rectangle voxels);

    /**
     * The next change the annotation reports for {@code slice} lies within {@code voxels}, so only they need
     * rendering again; null forgets an expectation that was not met.
     */
    void expect(int slice, Rectangle voxels);

    /** The tool's feedback (brush circle, outline in progress, landmark being moved) changed. */
    void feedbackChanged();

    /** Shows slice {@code slice} (0-based, within the image). */
    void showSlice(int slice);

    /** Reports what a tool did, in the status line. */
    void status(String message);

    /** Reports why a tool could not act (no segment selected, locked segment, region leaked...). */
    void error(String message);
}
