package org.delineate.plugins.editor;

import java.awt.Rectangle;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.VoxelEdit;
import org.delineate.annotation.edit.Brush;
import org.delineate.dicom.geometry.Vectors;

/**
 * Brush, eraser and sphere brush: a press paints a disk (or a ball) of the brush radius, each drag paints the
 * stroke from the previous point without gaps (balls are placed every half radius), and the release makes the
 * whole stroke one undo step. Alt inverts painting and erasing for the stroke; the sphere brush also erases
 * when the editor subtracts. Painting respects the session's intensity range.
 */
final class StrokeTool implements PointerTool {

    private final AnnotationSession session;
    private final EditorSettings settings;
    private final EditorView view;
    private final EditorTool kind;
    private VoxelEdit edit;
    private boolean paint;
    private int slice;
    private double lastX;
    private double lastY;
    private Rectangle bounds;

    StrokeTool(AnnotationSession session, EditorSettings settings, EditorView view, EditorTool kind) {
        this.session = session;
        this.settings = settings;
        this.view = view;
        this.kind = kind;
    }

    @Override
    public void press(Pointer p) {
        finish();
        boolean erase = kind == EditorTool.ERASER || kind == EditorTool.SPHERE && settings.subtract();
        paint = erase == p.alt();
        String name = (kind == EditorTool.SPHERE ? "sphere " : "") + (paint ? "brush" : "eraser");
        edit = session.edit(name);
        slice = p.slice();
        lastX = p.x();
        lastY = p.y();
        bounds = null;
        paintTo(p.x(), p.y());
    }

    @Override
    public void drag(Pointer p) {
        if (edit != null && (p.x() != lastX || p.y() != lastY)) {
            paintTo(p.x(), p.y());
        }
    }

    @Override
    public void finish() {
        if (edit == null) {
            return;
        }
        VoxelEdit e = edit;
        edit = null;
        view.expect(slice, bounds);
        try {
            e.commit();
        } finally {
            view.expect(slice, null);
        }
    }

    @Override
    public void cancel() {
        if (edit != null) {
            VoxelEdit e = edit;
            edit = null;
            e.cancel();
        }
    }

    private void paintTo(double x, double y) {
        AnnotationGrid grid = session.annotation().grid();
        Brush brush = new Brush(grid);
        double radius = settings.brushRadius();
        if (kind == EditorTool.SPHERE) {
            double mm = Vectors.norm(Vectors.minus(grid.geometry().toPatient(x, y, slice),
                    grid.geometry().toPatient(lastX, lastY, slice)));
            int steps = Math.max(1, (int) Math.ceil(mm / (radius / 2)));
            for (int n = 1; n <= steps; n++) {
                double t = (double) n / steps;
                brush.sphere(edit, lastX + t * (x - lastX), lastY + t * (y - lastY), slice, radius, paint);
            }
        } else {
            brush.stroke(edit, lastX, lastY, x, y, slice, radius, paint);
        }
        Rectangle r = reach(grid, lastX, lastY, x, y, radius);
        bounds = bounds == null ? r : bounds.union(r);
        lastX = x;
        lastY = y;
        view.painted(slice, r);
    }

    /** The voxels a brush of {@code radius} mm dragged from (x0, y0) to (x1, y1) can reach, clipped to the slice. */
    static Rectangle reach(AnnotationGrid grid, double x0, double y0, double x1, double y1, double radius) {
        int ri = (int) Math.ceil(radius / grid.columnSpacing()) + 1;
        int rj = (int) Math.ceil(radius / grid.rowSpacing()) + 1;
        int i0 = Math.max(0, (int) Math.floor(Math.min(x0, x1)) - ri);
        int j0 = Math.max(0, (int) Math.floor(Math.min(y0, y1)) - rj);
        int i1 = Math.min(grid.columns() - 1, (int) Math.ceil(Math.max(x0, x1)) + ri);
        int j1 = Math.min(grid.rows() - 1, (int) Math.ceil(Math.max(y0, y1)) + rj);
        return new Rectangle(i0, j0, Math.max(0, i1 - i0 + 1), Math.max(0, j1 - j0 + 1));
    }
}
