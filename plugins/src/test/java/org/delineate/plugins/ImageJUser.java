package org.delineate.plugins;

import static org.delineate.plugins.editor.EditorUser.await;
import static org.delineate.plugins.editor.EditorUser.awaitGone;
import static org.delineate.plugins.editor.EditorUser.awaitWindow;
import static org.delineate.plugins.editor.EditorUser.find;
import static org.delineate.plugins.editor.EditorUser.onEdt;

import java.awt.Button;
import java.awt.Choice;
import java.awt.Dialog;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.event.ActionEvent;
import java.awt.event.WindowEvent;
import java.nio.file.Path;

import javax.swing.JDialog;
import javax.swing.JFileChooser;

import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.ImageWindow;

/**
 * Test support: a user of ImageJ's own windows in a running ImageJ (under Xvfb): menu commands chosen from the menu
 * bar (they run in their own thread, as from a mouse click), ImageJ's dialogs filled in and their buttons pressed,
 * file choosers answered, image windows closed with their close box. Events go to the real AWT components on the
 * event thread; waiting and searching is {@link org.delineate.plugins.editor.EditorUser}'s.
 */
public final class ImageJUser {

    private ImageJUser() {
    }

    /** Chooses a command of ImageJ's menu bar, e.g. {@code menu("Plugins", "Delineate", "Save Annotation")}. */
    public static void menu(String... path) throws Exception {
        onEdt(() -> {
            MenuBar bar = Menus.getMenuBar();
            Menu menu = null;
            for (int n = 0; n < bar.getMenuCount() && menu == null; n++) {
                menu = path[0].equals(bar.getMenu(n).getLabel()) ? bar.getMenu(n) : null;
            }
            for (int p = 1; p < path.length; p++) {
                MenuItem item = null;
                for (int n = 0; menu != null && n < menu.getItemCount() && item == null; n++) {
                    item = path[p].equals(menu.getItem(n).getLabel()) ? menu.getItem(n) : null;
                }
                if (item == null) {
                    throw new IllegalStateException("ImageJ's menu has no " + String.join(" > ", path));
                }
                if (p < path.length - 1) {
                    menu = (Menu) item;
                } else {
                    item.dispatchEvent(new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand()));
                }
            }
            return null;
        });
    }

    /** Waits for ImageJ's dialog titled {@code title}. */
    public static GenericDialog dialog(String title) throws Exception {
        return awaitWindow(GenericDialog.class, d -> title.equals(d.getTitle()));
    }

    /** Selects {@code item} in the dialog's {@code n}-th choice (0-based), as from its drop-down list. */
    public static void choose(GenericDialog d, int n, String item) throws Exception {
        onEdt(() -> {
            ((Choice) d.getChoices().get(n)).select(item);
            return null;
        });
    }

    /** Presses the dialog's button labelled {@code label} (OK, Cancel, or one the command named). */
    public static void press(Dialog d, String label) throws Exception {
        onEdt(() -> {
            Button b = find(d, Button.class, c -> label.equals(c.getLabel().trim()));
            if (b == null) {
                throw new IllegalStateException("the dialog \"" + d.getTitle() + "\" has no button " + label);
            }
            b.dispatchEvent(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, label));
            return null;
        });
        awaitGone(d);
    }

    /**
     * Waits for a file chooser (a Swing {@code JFileChooser}: the Segment Editor's, or ImageJ's open and save
     * dialogs when Edit > Options > Input/Output "Use JFileChooser" is on), then selects {@code file} and approves,
     * as typing its path into the name field and pressing Save or Open does.
     */
    public static void chooseFile(Path file) throws Exception {
        JDialog dialog = awaitWindow(JDialog.class, d -> find(d.getContentPane(), JFileChooser.class, c -> true) != null);
        onEdt(() -> {
            JFileChooser chooser = find(dialog.getContentPane(), JFileChooser.class, c -> true);
            chooser.setSelectedFile(file.toFile());
            chooser.approveSelection();
            return null;
        });
        awaitGone(dialog);
    }

    /** Closes an image's window with its close box; returns when the image is closed. */
    public static void closeWindow(ImagePlus imp) throws Exception {
        ImageWindow w = imp.getWindow();
        onEdt(() -> {
            w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING));
            return null;
        });
        await(() -> imp.getWindow() == null && !w.isShowing(), "the image \"" + imp.getTitle() + "\" to close");
    }

    /** Waits for a current image in a window that is not {@code other} (a newly opened one). */
    public static ImagePlus awaitNewImage(ImagePlus other) throws Exception {
        ImagePlus[] found = new ImagePlus[1];
        await(() -> {
            ImagePlus imp = WindowManager.getCurrentImage();
            found[0] = imp != null && imp != other && imp.getWindow() != null && imp.getWindow().isShowing() ? imp : null;
            return found[0] != null;
        }, "a new image");
        return found[0];
    }
}
