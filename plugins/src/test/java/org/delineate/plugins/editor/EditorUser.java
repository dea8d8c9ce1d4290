package org.delineate.plugins.editor;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import javax.swing.AbstractButton;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

import ij.ImagePlus;
import ij.gui.ImageCanvas;

import org.delineate.annotation.AnnotationSession;

/**
 * Test support: a user at the Segment Editor of one image in a running ImageJ (under Xvfb). Buttons are clicked,
 * keys pressed in the image window and the mouse pressed, dragged and released on the canvas as AWT events
 * dispatched to the real components on the event thread; screen positions of voxels come from ImageJ's own
 * {@code ImageCanvas.screenX/screenY} (the middle of the image pixel's screen square). The editor is looked up on
 * each use, so the user follows it when Load Annotation or a restore replaces the image's session. The static
 * methods wait for and search windows and components of any kind. Used by the drivers the Xvfb tests run inside
 * ImageJ; not thread-safe (one driver thread).
 */
public final class EditorUser {

    /** How long a window or a state is waited for, in ms. */
    private static final long PATIENCE_MS = 20_000;

    private final ImagePlus imp;

    /** A user at the editor of {@code imp} (the editor may be opened later). */
    public EditorUser(ImagePlus imp) {
        this.imp = imp;
    }

    public ImagePlus image() {
        return imp;
    }

    /**
     * The image's open editor.
     *
     * @throws IllegalStateException when it has none
     */
    public EditorWindow editor() {
        EditorWindow w = EditorWindow.of(imp);
        if (w == null) {
            throw new IllegalStateException("the image \"" + imp.getTitle() + "\" has no open Segment Editor");
        }
        return w;
    }

    /** The session the editor shows. */
    public AnnotationSession session() {
        return editor().controller().session();
    }

    /** The editor's status line. */
    public String status() throws Exception {
        return onEdt(() -> editor().statusText());
    }

    /** The shown slice, 0-based. */
    public int slice() {
        return imp.getCurrentSlice() - 1;
    }

    /** Presses Down or Up in the image window (next, previous slice) until slice {@code k} (0-based) is shown. */
    public void goToSlice(int k) throws Exception {
        for (int n = 0; n < imp.getStackSize() && slice() != k; n++) {
            key(slice() < k ? KeyEvent.VK_DOWN : KeyEvent.VK_UP, 0);
        }
        if (slice() != k) {
            throw new IllegalStateException("slice " + k + " could not be reached with Up and Down; slice " + slice()
                    + " is shown");
        }
    }

    /** A mouse event at image pixel (x, y): the middle of its square on the screen, button 1. */
    public void mouse(int id, int x, int y, int modifiers, int clicks) throws Exception {
        onEdt(() -> {
            ImageCanvas canvas = imp.getCanvas();
            int button = id == MouseEvent.MOUSE_DRAGGED || id == MouseEvent.MOUSE_PRESSED ? InputEvent.BUTTON1_DOWN_MASK : 0;
            canvas.dispatchEvent(new MouseEvent(canvas, id, System.currentTimeMillis(), modifiers | button,
                    center(canvas, canvas.screenX(x)), center(canvas, canvas.screenY(y)), clicks, false, MouseEvent.BUTTON1));
            return null;
        });
    }

    /** A click (press and release) at image pixel (x, y). */
    public void click(int x, int y) throws Exception {
        mouse(MouseEvent.MOUSE_PRESSED, x, y, 0, 1);
        mouse(MouseEvent.MOUSE_RELEASED, x, y, 0, 1);
    }

    /** A drag with button 1 through image pixels {x0, y0, x1, y1, ...}: pressed at the first, released at the last. */
    public void drag(int... xy) throws Exception {
        mouse(MouseEvent.MOUSE_PRESSED, xy[0], xy[1], 0, 1);
        for (int n = 2; n < xy.length; n += 2) {
            mouse(MouseEvent.MOUSE_DRAGGED, xy[n], xy[n + 1], 0, 1);
        }
        mouse(MouseEvent.MOUSE_RELEASED, xy[xy.length - 2], xy[xy.length - 1], 0, 1);
    }

    /** A key pressed in the image window (its canvas has the keyboard). */
    public void key(int code, int modifiers) throws Exception {
        onEdt(() -> {
            ImageCanvas canvas = imp.getCanvas();
            canvas.dispatchEvent(new KeyEvent(canvas, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, code,
                    KeyEvent.CHAR_UNDEFINED));
            return null;
        });
    }

    /** Clicks the editor's button (or check box) labelled {@code label}; returns when its action has run. */
    public void button(String label) throws Exception {
        onEdt(() -> {
            editorButton(label).doClick();
            return null;
        });
    }

    /**
     * Clicks the editor's button {@code label} from a later event and returns at once: for buttons that open a
     * modal dialog (which would block until closed).
     */
    public void buttonLater(String label) throws Exception {
        AbstractButton b = onEdt(() -> editorButton(label));
        SwingUtilities.invokeLater(b::doClick);
    }

    private AbstractButton editorButton(String label) {
        AbstractButton b = find(editor().getContentPane(), AbstractButton.class, c -> label.equals(c.getText()));
        if (b == null) {
            throw new IllegalStateException("the Segment Editor has no button \"" + label + "\"");
        }
        return b;
    }

    /** The editor's table named {@code name} ("segments", "landmarks"); call on the event thread. */
    public JTable table(String name) {
        return find(editor().getContentPane(), JTable.class, t -> name.equals(t.getName()));
    }

    /** The editor's spinner named {@code name} ("radius", "low", "high"); call on the event thread. */
    public JSpinner spinner(String name) {
        return find(editor().getContentPane(), JSpinner.class, c -> name.equals(c.getName()));
    }

    /** Types {@code value} into the editor's spinner {@code name}. */
    public void setSpinner(String name, double value) throws Exception {
        onEdt(() -> {
            spinner(name).setValue(value);
            return null;
        });
    }

    /**
     * Opens the terminology picker of the selected segment (a modal dialog, so from a later event), searches the
     * types for {@code text}, takes the first and confirms.
     */
    public void pickType(String text) throws Exception {
        buttonLater("Terminology...");
        TerminologyDialog d = awaitWindow(TerminologyDialog.class, w -> true);
        onEdt(() -> {
            find(d.getContentPane(), javax.swing.JTextField.class, f -> "search".equals(f.getName())).setText(text);
            find(d.getContentPane(), javax.swing.JList.class, l -> "types".equals(l.getName())).setSelectedIndex(0);
            find(d.getContentPane(), AbstractButton.class, b -> "OK".equals(b.getText())).doClick();
            return null;
        });
        awaitGone(d);
    }

    /** Image pixel (x, y) of the canvas as painted now: paints the canvas into an image and reads its center. */
    public int[] pixel(int x, int y) throws Exception {
        return onEdt(() -> {
            ImageCanvas canvas = imp.getCanvas();
            BufferedImage img = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics g = img.getGraphics();
            canvas.paint(g);
            g.dispose();
            int rgb = img.getRGB(center(canvas, canvas.screenX(x)), center(canvas, canvas.screenY(y)));
            return new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        });
    }

    private static int center(ImageCanvas canvas, int screenEdge) {
        return screenEdge + (int) (canvas.getMagnification() / 2);
    }

    // ---- any window

    /** Runs {@code action} on the event thread and returns its result (rethrowing what it threw). */
    public static <T> T onEdt(Callable<T> action) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                result[0] = action.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** The first component of {@code type} below {@code root} (depth first) that passes {@code test}, or null. */
    public static <T extends Component> T find(Container root, Class<T> type, Predicate<T> test) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = find(inner, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Waits for a showing window of {@code type} that passes {@code test} (evaluated on the event thread).
     *
     * @throws IllegalStateException naming the windows shown, when none came in time
     */
    public static <T extends Window> T awaitWindow(Class<T> type, Predicate<T> test) throws Exception {
        long end = System.currentTimeMillis() + PATIENCE_MS;
        while (System.currentTimeMillis() < end) {
            T found = onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (type.isInstance(w) && w.isShowing() && test.test(type.cast(w))) {
                        return type.cast(w);
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " as expected came up; showing: " + showing());
    }

    /** Waits until {@code w} is no longer shown. */
    public static void awaitGone(Window w) throws Exception {
        await(() -> !w.isShowing(), "the window \"" + w.getName() + "\" to close");
        onEdt(() -> null);
    }

    /**
     * Waits until {@code condition} holds, checking every 50 ms.
     *
     * @throws IllegalStateException naming {@code what} when it did not in time
     */
    public static void await(BooleanSupplier condition, String what) throws Exception {
        long end = System.currentTimeMillis() + PATIENCE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("waited in vain for " + what + "; showing: " + showing());
            }
            Thread.sleep(50);
        }
    }

    /** The titles of the windows shown now, for messages. */
    private static List<String> showing() {
        List<String> titles = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                titles.add(w instanceof java.awt.Frame f ? f.getTitle() : w instanceof java.awt.Dialog d ? d.getTitle()
                        : w.getClass().getSimpleName());
            }
        }
        return titles;
    }
}
