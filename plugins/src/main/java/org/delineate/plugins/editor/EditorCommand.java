package org.delineate.plugins.editor;

/** What the Segment Editor's keyboard shortcuts do (see {@link Shortcuts}). */
public enum EditorCommand {
    BRUSH, ERASER, SPHERE, POLYGON, REGION_GROWING, LANDMARK,
    /** Brush radius one step larger. */
    LARGER_BRUSH,
    /** Brush radius one step smaller. */
    SMALLER_BRUSH,
    /** Show the slice after the shown one (k + 1). */
    NEXT_SLICE,
    /** Show the slice before the shown one (k - 1). */
    PREVIOUS_SLICE,
    UNDO, REDO,
    /** Close the polygon being drawn. */
    CLOSE_POLYGON,
    /** Drop the polygon being drawn, or stop moving a landmark. */
    CANCEL;

    /** The tool this command selects, or null. */
    public EditorTool tool() {
        return switch (this) {
            case BRUSH -> EditorTool.BRUSH;
            case ERASER -> EditorTool.ERASER;
            case SPHERE -> EditorTool.SPHERE;
            case POLYGON -> EditorTool.POLYGON;
            case REGION_GROWING -> EditorTool.REGION_GROWING;
            case LANDMARK -> EditorTool.LANDMARK;
            default -> null;
        };
    }
}
