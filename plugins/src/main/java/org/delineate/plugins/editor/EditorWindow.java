package org.delineate.plugins.editor;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import ij.IJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.Zoom;

import org.delineate.annotation.AnnotationListener;
import org.delineate.annotation.AnnotationSession;
import org.delineate.dicom.seg.meta.Terminology;

/**
 * The Segment Editor of one image: a window beside the image's with the segment list, the tools and the
 * landmarks, the segments drawn over the image ({@link LabelOverlay}), the mouse tool in ImageJ's toolbar
 * ({@link SegmentEditorTool}) and the keyboard shortcuts ({@link EditorKeys}). It edits the image's
 * {@link AnnotationSession}, the one the {@code Ext.} macro functions edit, so both see each other's changes.
 * Closing it (or the image) removes the overlay, the shortcuts and the listeners; the annotation stays with the
 * image. Create and use it on the event thread.
 */
public final class EditorWindow extends JFrame implements EditorView, AnnotationListener, ImageListener {

    /** The image property that holds the image's open editor. */
    public static final String PROPERTY = "org.delineate.editor";

    /** Images narrower than this on screen (pixels) are zoomed in when the editor opens. */
    static final int PAINTABLE_WIDTH = 512;

    private final ImagePlus imp;
    private final AnnotationSession session;
    private final ToolController controller;
    private final LabelOverlay overlay;
    private final EditorKeys keys;
    private final SegmentsPanel segments;
    private final ToolsPanel tools;
    private final LandmarksPanel landmarks;
    private final EditorActions actions;
    private final JLabel statusLine = new JLabel(" ");
    private boolean closed;

    private EditorWindow(ImagePlus imp, AnnotationSession session, Terminology terminology) {
        super("Segment Editor - " + imp.getTitle());
        this.imp = imp;
        this.session = session;
        Calibration cal = imp.getCalibration();
        double low = cal.getCValue(imp.getDisplayRangeMin());
        double high = cal.getCValue(imp.getDisplayRangeMax());
        EditorSettings settings = new EditorSettings(session, Math.min(low, high), Math.max(low, high));
        this.controller = new ToolController(session, settings, new LandmarkNaming(), this);
        FeedbackPainter feedback = new FeedbackPainter(controller);
        this.overlay = LabelOverlay.of(imp, session.annotation(), feedback);
        this.keys = new EditorKeys(imp, this, controller);
        this.segments = new SegmentsPanel(session, terminology, this::error);
        this.tools = new ToolsPanel(controller, this::status, this::error);
        this.landmarks = new LandmarksPanel(session.annotation(), controller.naming(), feedback,
                k -> showSlice(k), this::measureLandmarks, this::error);
        this.actions = new EditorActions(imp, controller, this::status, this::error);

        JPanel segmentsTab = new JPanel(new BorderLayout());
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, segments, tools);
        split.setResizeWeight(0.5);
        segmentsTab.add(split, BorderLayout.CENTER);
        JTabbedPane tabs = new JTabbedPane();
        tabs.addTab("Segments", segmentsTab);
        tabs.addTab("Landmarks", landmarks);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(actions.buttons(), BorderLayout.NORTH);
        statusLine.setName("status");
        bottom.add(statusLine, BorderLayout.SOUTH);
        add(tabs, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                detach();
            }
        });
        pack();
        setSize(Math.max(getWidth(), 560), Math.max(getHeight(), 680));
    }

    /**
     * Opens (or brings to the front) the editor of an image shown in a window, from any thread. An open editor of
     * another session of the image (one replaced by Load Annotation or a restore) is closed and a new one opened.
     *
     * @throws IllegalStateException when the image has no window
     */
    public static EditorWindow open(ImagePlus imp, AnnotationSession session, Terminology terminology) {
        if (imp.getWindow() == null) {
            throw new IllegalStateException("the image \"" + imp.getTitle() + "\" is not shown in a window");
        }
        EditorWindow[] made = new EditorWindow[1];
        Runnable open = () -> {
            EditorWindow existing = of(imp);
            if (existing != null && existing.session != session) {
                // NB: detached now, not when the window-closed event comes: that comes after the new editor is
                // attached, and would take the image's editor property, overlay and keys from it.
                existing.detach();
                existing.dispose();
                existing = null;
            }
            made[0] = existing != null ? existing : new EditorWindow(imp, session, terminology).attach();
            made[0].setVisible(true);
            made[0].toFront();
        };
        if (SwingUtilities.isEventDispatchThread()) {
            open.run();
        } else {
            try {
                SwingUtilities.invokeAndWait(open);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while opening the Segment Editor", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the Segment Editor could not open: " + e.getCause(), e.getCause());
            }
        }
        return made[0];
    }

    /** The open editor of an image, or null. */
    public static EditorWindow of(ImagePlus imp) {
        Object o = imp == null ? null : imp.getProperty(PROPERTY);
        return o instanceof EditorWindow w && !w.closed ? w : null;
    }

    public ToolController controller() {
        return controller;
    }

    public ImagePlus image() {
        return imp;
    }

    /** The status line's text (what the last action reported). */
    String statusText() {
        return statusLine.getText();
    }

    /** The segments overlay (for tests and benchmarks: what the canvas shows). */
    LabelOverlay overlay() {
        return overlay;
    }

    private EditorWindow attach() {
        imp.setProperty(PROPERTY, this);
        Overlay o = new Overlay();
        o.add(overlay);
        if (imp.getOverlay() != null) {
            for (Roi r : imp.getOverlay().toArray()) {
                if (!(r instanceof LabelOverlay)) {
                    o.add(r);
                }
            }
        }
        o.selectable(false);
        imp.setOverlay(o);
        session.annotation().addListener(overlay);
        session.annotation().addListener(this);
        ImagePlus.addImageListener(this);
        keys.install();
        SegmentEditorTool.select();
        zoomSmallImage();
        placeBesideImage();
        status("Segment Editor: " + (session.annotation().segments().isEmpty() ? "add a segment to start" : "ready"));
        return this;
    }

    /** Puts this window to the right of the image's, moving the image's left when both do not fit on the screen. */
    private void placeBesideImage() {
        ImageWindow w = imp.getWindow();
        Rectangle screen = w.getGraphicsConfiguration().getBounds();
        ImageCanvas canvas = imp.getCanvas();
        java.awt.Insets insets = w.getInsets();
        // NB: after a zoom the image window is resized later; its width to be is the canvas's plus the insets.
        int imageWidth = Math.max(w.getWidth(), insets.left + insets.right + ImageWindow.HGAP * 2
                + (int) Math.ceil(canvas.getSrcRect().width * canvas.getMagnification()));
        int x = w.getX();
        if (x + imageWidth + 4 + getWidth() > screen.x + screen.width) {
            x = Math.max(screen.x, screen.x + screen.width - imageWidth - 4 - getWidth());
            w.setLocation(x, w.getY());
        }
        setLocation(x + imageWidth + 4, w.getY());
    }

    /** Zooms an image shown smaller than {@link #PAINTABLE_WIDTH} screen pixels in, so that there is room to paint. */
    private void zoomSmallImage() {
        ImageCanvas canvas = imp.getCanvas();
        if (canvas == null || canvas.getSrcRect().width != imp.getWidth()) {
            return;
        }
        double mag = canvas.getMagnification();
        while (mag < 32 && Math.max(imp.getWidth(), imp.getHeight()) * ImageCanvas.getHigherZoomLevel(mag) <= PAINTABLE_WIDTH) {
            mag = ImageCanvas.getHigherZoomLevel(mag);
        }
        if (mag != canvas.getMagnification()) {
            Zoom.set(imp, mag);
        }
    }

    private void detach() {
        if (closed) {
            return;
        }
        closed = true;
        controller.finishGesture();
        keys.uninstall();
        ImagePlus.removeImageListener(this);
        session.annotation().removeListener(overlay);
        session.annotation().removeListener(this);
        Overlay o = imp.getOverlay();
        if (o != null) {
            o.remove(overlay);
            imp.setOverlay(o);
        }
        imp.setProperty(PROPERTY, null);
    }

    // ---- EditorView

    @Override
    public void painted(int slice, Rectangle voxels) {
        if (overlay.painted(slice, voxels)) {
            ImageCanvas canvas = imp.getCanvas();
            if (canvas != null) {
                Rectangle src = canvas.getSrcRect();
                double m = canvas.getMagnification();
                int x = (int) Math.floor((voxels.x - src.x) * m) - 1;
                int y = (int) Math.floor((voxels.y - src.y) * m) - 1;
                canvas.repaint(x, y, (int) Math.ceil(voxels.width * m) + 2, (int) Math.ceil(voxels.height * m) + 2);
            }
        }
    }

    @Override
    public void expect(int slice, Rectangle voxels) {
        overlay.expect(slice, voxels);
    }

    @Override
    public void feedbackChanged() {
        overlay.repaint();
    }

    @Override
    public void showSlice(int slice) {
        imp.setSlice(slice + 1);
    }

    /** Plugins > Delineate > Measure Landmarks on this image, after the gesture under way. */
    private void measureLandmarks() {
        controller.finishGesture();
        IJ.run(imp, "Measure Landmarks", "");
    }

    @Override
    public void status(String message) {
        statusLine.setForeground(Color.DARK_GRAY);
        statusLine.setText(message);
        IJ.showStatus(message);
    }

    @Override
    public void error(String message) {
        statusLine.setForeground(Color.RED.darker());
        statusLine.setText(message);
        IJ.showStatus(message);
        IJ.beep();
    }

    // ---- AnnotationListener (any thread)

    @Override
    public void segmentsChanged() {
        SwingUtilities.invokeLater(() -> {
            segments.refresh();
            actions.refresh();
        });
    }

    @Override
    public void landmarksChanged() {
        SwingUtilities.invokeLater(() -> {
            landmarks.refresh();
            actions.refresh();
        });
    }

    @Override
    public void voxelsChanged(int[] slices) {
        SwingUtilities.invokeLater(actions::refresh);
    }

    // ---- ImageListener

    @Override
    public void imageOpened(ImagePlus image) {
    }

    @Override
    public void imageClosed(ImagePlus image) {
        if (image == imp) {
            if (SwingUtilities.isEventDispatchThread()) {
                dispose();
            } else {
                SwingUtilities.invokeLater(this::dispose);
            }
        }
    }

    @Override
    public void imageUpdated(ImagePlus image) {
    }
}
