package org.delineate.plugins.editor;

import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.ImageRoi;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationListener;
import org.delineate.annotation.render.OverlayRenderer;

/**
 * The segments of the shown slice over the image, in each segment's color and opacity: an ImageJ overlay element
 * holding one ARGB image of the slice, filled by the model's {@link OverlayRenderer}. Rendering happens when the
 * canvas paints, only for what changed since: the whole slice after a slice change, a segment change or an undo;
 * only the stroke's rectangle while painting. Then the tool feedback is drawn on top. Changes may be reported from
 * any thread (a macro's); rendering runs on the event thread.
 */
final class LabelOverlay extends ImageRoi implements AnnotationListener {

    private final ImagePlus target;
    private final Annotation annotation;
    private final OverlayRenderer renderer = new OverlayRenderer();
    private final int[] argb;
    private final FeedbackPainter feedback;
    private int renderedSlice = -1;
    private Rectangle dirty;
    private int expectedSlice = -1;
    private Rectangle expected;

    private LabelOverlay(ImagePlus target, Annotation annotation, BufferedImage image, FeedbackPainter feedback) {
        super(0, 0, image);
        this.target = target;
        this.annotation = annotation;
        this.argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.feedback = feedback;
        setName("delineate-segments");
    }

    /** An overlay of the annotation's slices for the image that shows them (same size). */
    static LabelOverlay of(ImagePlus target, Annotation annotation, FeedbackPainter feedback) {
        BufferedImage image = new BufferedImage(annotation.grid().columns(), annotation.grid().rows(),
                BufferedImage.TYPE_INT_ARGB);
        return new LabelOverlay(target, annotation, image, feedback);
    }

    @Override
    public void draw(Graphics g) {
        int k = target.getCurrentSlice() - 1;
        render(k);
        super.draw(g);
        ImageCanvas canvas = target.getCanvas();
        if (canvas != null) {
            Rectangle src = canvas.getSrcRect();
            feedback.paint((java.awt.Graphics2D) g, new ViewTransform(src.x, src.y, canvas.getMagnification()), k);
        }
    }

    /**
     * A still copy of what is shown: ImageJ clones overlays when it duplicates or saves an image, and the copy must
     * not follow this annotation.
     */
    @Override
    public synchronized Object clone() {
        int columns = annotation.grid().columns();
        BufferedImage copy = new BufferedImage(columns, annotation.grid().rows(), BufferedImage.TYPE_INT_ARGB);
        copy.setRGB(0, 0, columns, annotation.grid().rows(), argb, 0, columns);
        ImageRoi still = new ImageRoi(0, 0, copy);
        still.setName(getName());
        return still;
    }

    /** Brings the ARGB image up to date for slice k (0-based): all of it, or only what changed. */
    synchronized void render(int k) {
        if (k != renderedSlice) {
            renderer.render(annotation, k, argb);
            renderedSlice = k;
            dirty = null;
        } else if (dirty != null) {
            renderer.render(annotation, k, dirty.x, dirty.y, dirty.width, dirty.height, argb);
            dirty = null;
        }
    }

    /** The slice the image holds now (0-based), or -1 before the first paint. */
    synchronized int renderedSlice() {
        return renderedSlice;
    }

    /** The ARGB pixels of the rendered slice (index j * columns + i); read only. */
    int[] pixels() {
        return argb;
    }

    /** Voxels of a slice changed during a gesture; returns whether the shown slice needs painting again. */
    synchronized boolean painted(int k, Rectangle voxels) {
        if (k != renderedSlice) {
            return false;
        }
        dirty = dirty == null ? new Rectangle(voxels) : dirty.union(voxels);
        return true;
    }

    /** The next change of slice k will lie within {@code voxels} (null: no expectation). */
    synchronized void expect(int k, Rectangle voxels) {
        expectedSlice = voxels == null ? -1 : k;
        expected = voxels;
    }

    @Override
    public synchronized void voxelsChanged(int[] slices) {
        for (int k : slices) {
            if (k == renderedSlice) {
                Rectangle r = expected != null && expectedSlice == k ? expected
                        : new Rectangle(0, 0, annotation.grid().columns(), annotation.grid().rows());
                dirty = dirty == null ? new Rectangle(r) : dirty.union(r);
                expected = null;
                expectedSlice = -1;
            }
        }
        repaint();
    }

    @Override
    public synchronized void segmentsChanged() {
        renderedSlice = -1;
        repaint();
    }

    @Override
    public void landmarksChanged() {
        repaint();
    }

    /** Asks the canvas to paint again (from any thread). */
    void repaint() {
        ImageCanvas canvas = target.getCanvas();
        if (canvas != null) {
            canvas.repaint();
        }
    }
}
