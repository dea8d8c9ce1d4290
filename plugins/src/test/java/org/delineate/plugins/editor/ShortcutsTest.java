package org.delineate.plugins.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Keys to commands, and the user guide lists every shortcut. */
class ShortcutsTest {

    private static final int CTRL = InputEvent.CTRL_DOWN_MASK;
    private static final int SHIFT = InputEvent.SHIFT_DOWN_MASK;

    @Test
    void keysMapToCommands() {
        assertEquals(EditorCommand.BRUSH, Shortcuts.of(KeyEvent.VK_B, 0));
        assertEquals(EditorCommand.ERASER, Shortcuts.of(KeyEvent.VK_E, 0));
        assertEquals(EditorCommand.SPHERE, Shortcuts.of(KeyEvent.VK_S, 0));
        assertEquals(EditorCommand.POLYGON, Shortcuts.of(KeyEvent.VK_P, 0));
        assertEquals(EditorCommand.REGION_GROWING, Shortcuts.of(KeyEvent.VK_G, 0));
        assertEquals(EditorCommand.LANDMARK, Shortcuts.of(KeyEvent.VK_L, 0));
        assertEquals(EditorCommand.LARGER_BRUSH, Shortcuts.of(KeyEvent.VK_CLOSE_BRACKET, 0));
        assertEquals(EditorCommand.SMALLER_BRUSH, Shortcuts.of(KeyEvent.VK_OPEN_BRACKET, 0));
        assertEquals(EditorCommand.NEXT_SLICE, Shortcuts.of(KeyEvent.VK_DOWN, 0));
        assertEquals(EditorCommand.NEXT_SLICE, Shortcuts.of(KeyEvent.VK_PAGE_DOWN, 0));
        assertEquals(EditorCommand.PREVIOUS_SLICE, Shortcuts.of(KeyEvent.VK_UP, 0));
        assertEquals(EditorCommand.PREVIOUS_SLICE, Shortcuts.of(KeyEvent.VK_PAGE_UP, 0));
        assertEquals(EditorCommand.UNDO, Shortcuts.of(KeyEvent.VK_Z, CTRL));
        assertEquals(EditorCommand.REDO, Shortcuts.of(KeyEvent.VK_Y, CTRL));
        assertEquals(EditorCommand.REDO, Shortcuts.of(KeyEvent.VK_Z, CTRL | SHIFT));
        assertEquals(EditorCommand.UNDO, Shortcuts.of(KeyEvent.VK_Z, InputEvent.META_DOWN_MASK), "Cmd+Z on macOS");
        assertEquals(EditorCommand.CLOSE_POLYGON, Shortcuts.of(KeyEvent.VK_ENTER, 0));
        assertEquals(EditorCommand.CANCEL, Shortcuts.of(KeyEvent.VK_ESCAPE, 0));
        assertEquals(EditorCommand.BRUSH, Shortcuts.of(KeyEvent.VK_B, InputEvent.BUTTON1_DOWN_MASK), "mouse buttons do not count");
    }

    @Test
    void otherKeysAndModifiersAreLeftToImageJ() {
        assertNull(Shortcuts.of(KeyEvent.VK_B, SHIFT));
        assertNull(Shortcuts.of(KeyEvent.VK_B, CTRL), "Ctrl+B is ImageJ's");
        assertNull(Shortcuts.of(KeyEvent.VK_M, 0), "M measures in ImageJ");
        assertNull(Shortcuts.of(KeyEvent.VK_LEFT, 0), "left and right stay ImageJ's slice keys");
        assertNull(Shortcuts.of(KeyEvent.VK_DOWN, InputEvent.ALT_DOWN_MASK));
    }

    @Test
    void theUserGuideListsEveryShortcut() throws Exception {
        Path guide = Path.of("..", "docs", "user-guide.md");
        String text = Files.readString(guide);
        for (var row : Shortcuts.table().entrySet()) {
            assertTrue(text.contains("| " + row.getKey() + " | " + row.getValue() + " |"), "docs/user-guide.md lacks the row "
                    + "| " + row.getKey() + " | " + row.getValue() + " |");
        }
    }
}
