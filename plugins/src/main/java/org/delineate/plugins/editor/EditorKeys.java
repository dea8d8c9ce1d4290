package org.delineate.plugins.editor;

import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;

import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import ij.ImagePlus;

/**
 * The Segment Editor's keyboard shortcuts ({@link Shortcuts}): key presses in the image's window run editor
 * commands before ImageJ sees them; in the editor's own window only undo and redo do, and not while a text field
 * has the keyboard. Other keys and windows are left alone. Installed while the editor is open.
 */
final class EditorKeys implements KeyEventDispatcher {

    private final ImagePlus imp;
    private final Window editor;
    private final ToolController controller;

    EditorKeys(ImagePlus imp, Window editor, ToolController controller) {
        this.imp = imp;
        this.editor = editor;
        this.controller = controller;
    }

    void install() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(this);
    }

    void uninstall() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(this);
    }

    @Override
    public boolean dispatchKeyEvent(KeyEvent e) {
        if (e.getID() != KeyEvent.KEY_PRESSED) {
            return false;
        }
        EditorCommand c = Shortcuts.of(e.getKeyCode(), e.getModifiersEx());
        if (c == null) {
            return false;
        }
        Window w = SwingUtilities.getWindowAncestor(e.getComponent());
        if (e.getComponent() instanceof Window own) {
            w = own;
        }
        boolean inImage = w != null && w == imp.getWindow();
        boolean inEditor = w == editor && (c == EditorCommand.UNDO || c == EditorCommand.REDO)
                && !(e.getComponent() instanceof JTextComponent);
        if (!inImage && !inEditor) {
            return false;
        }
        if (!controller.command(c, imp.getCurrentSlice() - 1)) {
            return false;
        }
        e.consume();
        return true;
    }
}
