package org.delineate.plugins.editor;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

/** Runs an action whenever the text of a field changes (typed, deleted or replaced). */
final class TextChanges implements DocumentListener {

    private final Runnable action;

    private TextChanges(Runnable action) {
        this.action = action;
    }

    /** Calls {@code action} after every change of {@code field}'s text. */
    static void onChange(JTextComponent field, Runnable action) {
        field.getDocument().addDocumentListener(new TextChanges(action));
    }

    @Override
    public void insertUpdate(DocumentEvent e) {
        action.run();
    }

    @Override
    public void removeUpdate(DocumentEvent e) {
        action.run();
    }

    @Override
    public void changedUpdate(DocumentEvent e) {
        action.run();
    }
}
