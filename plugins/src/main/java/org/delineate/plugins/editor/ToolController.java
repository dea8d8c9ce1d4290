package org.delineate.plugins.editor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Landmark;

/**
 * Turns the Segment Editor's mouse and keyboard input into edits of an annotation session: mouse events, already
 * mapped to voxel coordinates of the shown slice ({@link Pointer}), go to the selected tool; shortcut commands
 * select tools, change the brush radius, move through slices, undo and redo. What a tool cannot do (no segment
 * selected, a locked segment, a leaking region) is reported through {@link EditorView#error}, never thrown.
 * Holds no ImageJ or Swing state, so it is tested without a display. Use it from one thread (the event thread).
 */
public final class ToolController {

    private final AnnotationSession session;
    private final EditorSettings settings;
    private final EditorView view;
    private final LandmarkNaming naming;
    private final Map<EditorTool, PointerTool> tools = new EnumMap<>(EditorTool.class);
    private PointerTool active;
    private Pointer cursor;

    public ToolController(AnnotationSession session, EditorSettings settings, LandmarkNaming naming, EditorView view) {
        this.session = session;
        this.settings = settings;
        this.view = view;
        this.naming = naming;
        for (EditorTool t : List.of(EditorTool.BRUSH, EditorTool.ERASER, EditorTool.SPHERE)) {
            tools.put(t, new StrokeTool(session, settings, view, t));
        }
        tools.put(EditorTool.POLYGON, new PolygonTool(session, settings, view));
        tools.put(EditorTool.REGION_GROWING, new SeedTool(session, settings, view));
        tools.put(EditorTool.LANDMARK, new LandmarkTool(session.annotation(), naming, view));
    }

    public AnnotationSession session() {
        return session;
    }

    public EditorSettings settings() {
        return settings;
    }

    public LandmarkNaming naming() {
        return naming;
    }

    public void press(Pointer p) {
        cursor = p;
        PointerTool tool = tools.get(settings.tool());
        if (active != null && active != tool) {
            run(active::finish);
        }
        active = tool;
        run(() -> tool.press(p));
    }

    public void drag(Pointer p) {
        cursor = p;
        if (active != null) {
            run(() -> active.drag(p));
        }
        view.feedbackChanged();
    }

    public void release(Pointer p) {
        cursor = p;
        if (active != null) {
            PointerTool tool = active;
            run(() -> tool.release(p));
        }
    }

    public void move(Pointer p) {
        cursor = p;
        PointerTool tool = tools.get(settings.tool());
        run(() -> tool.move(p));
        view.feedbackChanged();
    }

    /** The pointer left the canvas: no brush circle. */
    public void exit() {
        cursor = null;
        view.feedbackChanged();
    }

    /** Where the pointer is (for the brush circle), or null when it is outside the canvas. */
    public Pointer cursor() {
        return cursor;
    }

    /** The polygon outline in progress and its slice, for drawing; empty when there is none. */
    public List<double[]> outline(int slice) {
        PolygonTool p = (PolygonTool) tools.get(EditorTool.POLYGON);
        return p.slice() == slice ? p.outline() : List.of();
    }

    /** Whether the outline in progress will be subtracted. */
    public boolean outlineSubtracts() {
        return ((PolygonTool) tools.get(EditorTool.POLYGON)).subtracting();
    }

    /** The landmark being dragged, at its new place, or null. */
    public Landmark movingLandmark() {
        return ((LandmarkTool) tools.get(EditorTool.LANDMARK)).moving();
    }

    /** Selects a tool, ending the gesture of the previous one. */
    public void select(EditorTool tool) {
        finishGesture();
        settings.setTool(tool);
        view.feedbackChanged();
    }

    /** Ends any gesture in progress: a stroke is committed, an outline dropped. */
    public void finishGesture() {
        if (active != null) {
            PointerTool tool = active;
            active = null;
            run(tool::finish);
        }
    }

    /**
     * Runs a shortcut's command with slice {@code shownSlice} (0-based) shown.
     *
     * @return true when the command was handled; false for Enter and Escape when no outline or gesture is in
     *     progress (the key is then left to ImageJ)
     */
    public boolean command(EditorCommand c, int shownSlice) {
        EditorTool tool = c.tool();
        if (tool != null) {
            select(tool);
            view.status(tool.label() + " tool");
            return true;
        }
        switch (c) {
            case LARGER_BRUSH, SMALLER_BRUSH -> {
                settings.stepBrushRadius(c == EditorCommand.LARGER_BRUSH);
                view.status("Brush radius " + settings.brushRadius() + " mm");
                view.feedbackChanged();
            }
            case NEXT_SLICE, PREVIOUS_SLICE -> {
                finishGesture();
                int k = shownSlice + (c == EditorCommand.NEXT_SLICE ? 1 : -1);
                if (k >= 0 && k < session.annotation().grid().slices()) {
                    view.showSlice(k);
                }
            }
            case UNDO, REDO -> {
                cancelGesture();
                boolean done = c == EditorCommand.UNDO ? session.annotation().undo() : session.annotation().redo();
                view.status(done ? (c == EditorCommand.UNDO ? "Undone" : "Redone")
                        : (c == EditorCommand.UNDO ? "Nothing to undo" : "Nothing to redo"));
            }
            case CLOSE_POLYGON -> {
                PolygonTool polygon = (PolygonTool) tools.get(EditorTool.POLYGON);
                if (polygon.outline().isEmpty()) {
                    return false;
                }
                run(polygon::close);
            }
            case CANCEL -> {
                return cancelGesture();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Abandons any gesture in progress; false when there was none. */
    private boolean cancelGesture() {
        boolean busy = active != null || !((PolygonTool) tools.get(EditorTool.POLYGON)).outline().isEmpty();
        if (active != null) {
            PointerTool tool = active;
            active = null;
            tool.cancel();
        }
        tools.get(EditorTool.POLYGON).cancel();
        return busy;
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            view.error(e.getMessage());
        }
    }
}
