package org.delineate.plugins.editor;

import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.function.BiConsumer;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.Toolbar;
import ij.plugin.tool.PlugInTool;

/**
 * The Segment Editor's entry in ImageJ's toolbar: while it is the selected tool, ImageJ hands the mouse events of
 * every image window to it, and it passes those of an image with an open editor to that editor's
 * {@link ToolController} (as voxel coordinates of the shown slice), consuming them so that ImageJ does not also
 * make selections. Events of other images are left to ImageJ.
 */
public final class SegmentEditorTool extends PlugInTool {

    /** The tool's name in ImageJ's toolbar. */
    public static final String NAME = "Delineate Segment Editor";

    /** Selects this tool in ImageJ's toolbar, adding it first when it is not there. */
    static void select() {
        Toolbar toolbar = Toolbar.getInstance();
        if (toolbar == null) {
            return;
        }
        if (Toolbar.getPlugInTool() instanceof SegmentEditorTool) {
            return;
        }
        int id = toolbar.getToolId(NAME);
        if (id >= 0) {
            toolbar.setTool(id);
        } else {
            Toolbar.addPlugInTool(new SegmentEditorTool());
        }
    }

    @Override
    public String getToolName() {
        return NAME;
    }

    @Override
    public String getToolIcon() {
        // A circle (the brush) over a filled polygon (a segment), in ImageJ's tool icon language.
        return "C0a0V2299C00fO11ee";
    }

    @Override
    public void mousePressed(ImagePlus imp, MouseEvent e) {
        forward(imp, e, ToolController::press, true);
    }

    @Override
    public void mouseDragged(ImagePlus imp, MouseEvent e) {
        forward(imp, e, ToolController::drag, true);
    }

    @Override
    public void mouseReleased(ImagePlus imp, MouseEvent e) {
        forward(imp, e, ToolController::release, true);
    }

    @Override
    public void mouseMoved(ImagePlus imp, MouseEvent e) {
        forward(imp, e, ToolController::move, false);
    }

    @Override
    public void mouseExited(ImagePlus imp, MouseEvent e) {
        forward(imp, e, (c, p) -> c.exit(), false);
    }

    /** Hands the event to the editor of {@code imp}, if it has one, consuming it when asked. */
    private static void forward(ImagePlus imp, MouseEvent e, BiConsumer<ToolController, Pointer> action, boolean consume) {
        EditorWindow w = EditorWindow.of(imp);
        if (w == null) {
            return;
        }
        action.accept(w.controller(), pointer(imp, e));
        if (consume) {
            e.consume();
        }
    }

    /** Double-clicking the toolbar icon brings the current image's editor (where the options are) to the front. */
    @Override
    public void showOptionsDialog() {
        EditorWindow w = EditorWindow.of(WindowManager.getCurrentImage());
        if (w != null) {
            w.toFront();
        }
    }

    /** The event as a pointer in voxel coordinates of the shown slice, through the canvas's zoom and scroll. */
    static Pointer pointer(ImagePlus imp, MouseEvent e) {
        ImageCanvas canvas = imp.getCanvas();
        Rectangle src = canvas.getSrcRect();
        ViewTransform view = new ViewTransform(src.x, src.y, canvas.getMagnification());
        return Pointer.at(e.getX(), e.getY(), view, imp.getCurrentSlice() - 1, e.isAltDown(), e.getClickCount());
    }
}
