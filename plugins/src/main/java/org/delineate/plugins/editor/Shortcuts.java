package org.delineate.plugins.editor;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Segment Editor's keyboard shortcuts, active while the image window (or, for undo and redo, the editor) has
 * the keyboard: a tool's letter selects it, {@code [} and {@code ]} change the brush radius, Up/Page Up and
 * Down/Page Down show the previous and next slice, Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes, Enter closes a
 * polygon and Escape drops it. Keys with other modifiers are left to ImageJ. Documented in docs/user-guide.md.
 */
public final class Shortcuts {

    private static final int MODIFIERS = InputEvent.SHIFT_DOWN_MASK | InputEvent.CTRL_DOWN_MASK
            | InputEvent.ALT_DOWN_MASK | InputEvent.META_DOWN_MASK | InputEvent.ALT_GRAPH_DOWN_MASK;

    private Shortcuts() {
    }

    /**
     * The command of a key press, or null when the editor leaves the key to ImageJ.
     *
     * @param keyCode the key's {@link KeyEvent} VK_ code
     * @param modifiersEx the event's extended modifiers ({@link InputEvent#getModifiersEx()})
     */
    public static EditorCommand of(int keyCode, int modifiersEx) {
        int mods = modifiersEx & MODIFIERS;
        int menu = InputEvent.CTRL_DOWN_MASK;
        if (mods == menu || mods == InputEvent.META_DOWN_MASK) {
            return keyCode == KeyEvent.VK_Z ? EditorCommand.UNDO : keyCode == KeyEvent.VK_Y ? EditorCommand.REDO : null;
        }
        if (mods == (menu | InputEvent.SHIFT_DOWN_MASK) || mods == (InputEvent.META_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK)) {
            return keyCode == KeyEvent.VK_Z ? EditorCommand.REDO : null;
        }
        if (mods != 0) {
            return null;
        }
        for (EditorTool t : EditorTool.values()) {
            if (keyCode == t.key()) {
                return EditorCommand.valueOf(t.name());
            }
        }
        return switch (keyCode) {
            case KeyEvent.VK_CLOSE_BRACKET -> EditorCommand.LARGER_BRUSH;
            case KeyEvent.VK_OPEN_BRACKET -> EditorCommand.SMALLER_BRUSH;
            case KeyEvent.VK_DOWN, KeyEvent.VK_PAGE_DOWN -> EditorCommand.NEXT_SLICE;
            case KeyEvent.VK_UP, KeyEvent.VK_PAGE_UP -> EditorCommand.PREVIOUS_SLICE;
            case KeyEvent.VK_ENTER -> EditorCommand.CLOSE_POLYGON;
            case KeyEvent.VK_ESCAPE -> EditorCommand.CANCEL;
            default -> null;
        };
    }

    /** The shortcuts as (keys, what they do) rows, in the order the user guide lists them. */
    public static Map<String, String> table() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (EditorTool t : EditorTool.values()) {
            rows.put(String.valueOf(t.key()), t.label() + " tool");
        }
        rows.put("] / [", "brush radius larger / smaller (x 1.25)");
        rows.put("Down, Page Down / Up, Page Up", "next / previous slice");
        rows.put("Ctrl+Z", "undo");
        rows.put("Ctrl+Y, Ctrl+Shift+Z", "redo");
        rows.put("Enter / Escape", "close / drop the polygon being drawn");
        return rows;
    }
}
