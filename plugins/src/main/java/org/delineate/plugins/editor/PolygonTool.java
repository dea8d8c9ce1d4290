package org.delineate.plugins.editor;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.AnnotationSession;

/**
 * The polygon tool: click vertices and close the outline with a double click, a click on the first vertex or
 * {@link #close()} (Enter); or press and drag a free outline, closed on release. The inside is added to the
 * selected segment, or subtracted when the editor subtracts (Alt at the first vertex inverts this). Pressing on
 * another slice starts a new outline.
 */
final class PolygonTool implements PointerTool {

    /** A click within this many screen pixels of the first vertex closes the outline. */
    static final double CLOSE_PIXELS = 6;
    /** A drag farther than this many screen pixels from the press draws a free outline. */
    static final double DRAG_PIXELS = 4;

    private final AnnotationSession session;
    private final EditorSettings settings;
    private final EditorView view;
    private final List<double[]> vertices = new ArrayList<>();
    private int slice;
    private boolean subtract;
    private boolean freehand;
    private Pointer pressed;
    private double[] rubberBand;

    PolygonTool(AnnotationSession session, EditorSettings settings, EditorView view) {
        this.session = session;
        this.settings = settings;
        this.view = view;
    }

    @Override
    public void press(Pointer p) {
        if (!vertices.isEmpty() && p.slice() != slice) {
            cancel();
        }
        pressed = p;
        freehand = false;
        if (vertices.isEmpty()) {
            if (session.selected() == null) {
                throw new IllegalStateException("no segment is selected; add or select one first");
            }
            slice = p.slice();
            subtract = settings.subtract() != p.alt();
            vertices.add(new double[] {p.x(), p.y()});
        } else if (p.clicks() >= 2 || vertices.size() >= 3 && p.screenDistance(vertices.get(0)[0], vertices.get(0)[1]) <= CLOSE_PIXELS) {
            close();
            return;
        } else {
            vertices.add(new double[] {p.x(), p.y()});
        }
        view.feedbackChanged();
    }

    @Override
    public void drag(Pointer p) {
        if (pressed == null || vertices.isEmpty()) {
            return;
        }
        if (!freehand && p.screenDistance(pressed.x(), pressed.y()) > DRAG_PIXELS) {
            freehand = true;
        }
        if (freehand) {
            double[] last = vertices.get(vertices.size() - 1);
            if (p.screenDistance(last[0], last[1]) >= 1) {
                vertices.add(new double[] {p.x(), p.y()});
                view.feedbackChanged();
            }
        }
    }

    @Override
    public void release(Pointer p) {
        drag(p);
        pressed = null;
        if (freehand) {
            close();
        }
    }

    @Override
    public void move(Pointer p) {
        if (!vertices.isEmpty() && p.slice() == slice) {
            rubberBand = new double[] {p.x(), p.y()};
            view.feedbackChanged();
        }
    }

    /** Fills (or subtracts) the outline drawn so far, when it has at least 3 vertices; drops it either way. */
    void close() {
        if (vertices.size() < 3) {
            cancel();
            return;
        }
        double[] xs = new double[vertices.size()];
        double[] ys = new double[vertices.size()];
        for (int n = 0; n < xs.length; n++) {
            xs[n] = vertices.get(n)[0];
            ys[n] = vertices.get(n)[1];
        }
        int k = slice;
        boolean paint = !subtract;
        clear();
        view.expect(k, bounds(xs, ys));
        try {
            int changed = session.fillPolygon(xs, ys, k, paint);
            view.status((paint ? "Polygon added " : "Polygon subtracted ") + changed + " voxels");
        } finally {
            view.expect(k, null);
            view.feedbackChanged();
        }
    }

    @Override
    public void finish() {
        cancel();
    }

    @Override
    public void cancel() {
        if (!vertices.isEmpty()) {
            clear();
            view.feedbackChanged();
        }
    }

    private void clear() {
        vertices.clear();
        rubberBand = null;
        pressed = null;
        freehand = false;
    }

    /** The outline in progress (voxel coordinates), then the pointer's position when it trails one; empty when idle. */
    List<double[]> outline() {
        List<double[]> out = new ArrayList<>(vertices);
        if (rubberBand != null && !vertices.isEmpty()) {
            out.add(rubberBand);
        }
        return out;
    }

    /** The slice of the outline in progress. */
    int slice() {
        return slice;
    }

    /** Whether the outline in progress will be subtracted. */
    boolean subtracting() {
        return subtract;
    }

    private static Rectangle bounds(double[] xs, double[] ys) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int n = 0; n < xs.length; n++) {
            x0 = Math.min(x0, xs[n]);
            y0 = Math.min(y0, ys[n]);
            x1 = Math.max(x1, xs[n]);
            y1 = Math.max(y1, ys[n]);
        }
        int i0 = (int) Math.floor(x0) - 1;
        int j0 = (int) Math.floor(y0) - 1;
        return new Rectangle(i0, j0, (int) Math.ceil(x1) + 2 - i0, (int) Math.ceil(y1) + 2 - j0);
    }
}
