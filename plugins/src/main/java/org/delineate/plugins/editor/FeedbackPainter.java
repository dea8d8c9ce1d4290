package org.delineate.plugins.editor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Landmark;

/**
 * Draws what the tools show over the segments: the brush circle (its true size in mm), the polygon being drawn,
 * and the landmarks of the shown slice with their names (the one being moved at its new place, the selected one
 * highlighted). Screen coordinates come from the canvas's {@link ViewTransform}.
 */
final class FeedbackPainter {

    static final Color BRUSH = new Color(255, 255, 0, 220);
    static final Color ERASER = new Color(255, 120, 120, 220);
    static final Color OUTLINE = new Color(0, 255, 255);
    static final Color LANDMARK = new Color(255, 160, 0);
    static final Color SELECTED = new Color(255, 255, 255);
    private static final Font NAME_FONT = new Font("SansSerif", Font.BOLD, 12);

    private final ToolController controller;
    private volatile int selectedLandmark;

    FeedbackPainter(ToolController controller) {
        this.controller = controller;
    }

    /** Highlights the landmark of this id (0: none). */
    void selectLandmark(int id) {
        selectedLandmark = id;
    }

    void paint(Graphics2D g, ViewTransform view, int slice) {
        Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.2f));
        landmarks(g, view, slice);
        outline(g, view, slice);
        brush(g, view, slice);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
    }

    private void brush(Graphics2D g, ViewTransform view, int slice) {
        EditorTool tool = controller.settings().tool();
        Pointer p = controller.cursor();
        if (p == null || p.slice() != slice || tool != EditorTool.BRUSH && tool != EditorTool.ERASER && tool != EditorTool.SPHERE) {
            return;
        }
        AnnotationGrid grid = controller.session().annotation().grid();
        double r = controller.settings().brushRadius();
        double rx = r / grid.columnSpacing() * view.magnification();
        double ry = r / grid.rowSpacing() * view.magnification();
        boolean erase = tool == EditorTool.ERASER || tool == EditorTool.SPHERE && controller.settings().subtract();
        g.setColor(erase ? ERASER : BRUSH);
        g.draw(new Ellipse2D.Double(view.screenX(p.x()) - rx, view.screenY(p.y()) - ry, 2 * rx, 2 * ry));
    }

    private void outline(Graphics2D g, ViewTransform view, int slice) {
        List<double[]> points = controller.outline(slice);
        if (points.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        for (int n = 0; n < points.size(); n++) {
            double x = view.screenX(points.get(n)[0]);
            double y = view.screenY(points.get(n)[1]);
            if (n == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(controller.outlineSubtracts() ? ERASER : OUTLINE);
        g.draw(path);
        double x0 = view.screenX(points.get(0)[0]);
        double y0 = view.screenY(points.get(0)[1]);
        g.draw(new Ellipse2D.Double(x0 - PolygonTool.CLOSE_PIXELS, y0 - PolygonTool.CLOSE_PIXELS,
                2 * PolygonTool.CLOSE_PIXELS, 2 * PolygonTool.CLOSE_PIXELS));
    }

    private void landmarks(Graphics2D g, ViewTransform view, int slice) {
        AnnotationGrid grid = controller.session().annotation().grid();
        Landmark moving = controller.movingLandmark();
        g.setFont(NAME_FONT);
        for (Landmark l : controller.session().annotation().landmarks()) {
            Landmark shown = moving != null && moving.id() == l.id() ? moving : l;
            double[] p = shown.position();
            double[] v = grid.geometry().toIndex(p[0], p[1], p[2]);
            if (Math.round(v[2]) != slice) {
                continue;
            }
            double x = view.screenX(v[0]);
            double y = view.screenY(v[1]);
            g.setColor(l.id() == selectedLandmark ? SELECTED : LANDMARK);
            g.draw(new java.awt.geom.Line2D.Double(x - 6, y, x + 6, y));
            g.draw(new java.awt.geom.Line2D.Double(x, y - 6, x, y + 6));
            g.draw(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
            g.drawString(l.name(), (float) (x + 7), (float) (y - 5));
        }
    }
}
