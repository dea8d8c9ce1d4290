package org.delineate.plugins;

import java.awt.GraphicsEnvironment;

import ij.ImagePlus;
import ij.WindowManager;

import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.editor.EditorWindow;

/**
 * {@code Plugins > Delineate > Segment Editor}: opens the Segment Editor window for the current image (one opened
 * by a Delineate command), editing the same annotation as the {@code Ext.} macro functions. No macro keys; needs a
 * display and the image in a window (in batch mode and headless, use the macro functions).
 */
public final class SegmentEditor implements Documented {

    static final String COMMAND = "Segment Editor";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("Opens the Segment Editor window for the current image (one opened by the commands above): "
                    + "segments, painting and outlining tools, landmarks; see [user-guide.md](user-guide.md). It edits the "
                    + "same annotation as the `Ext.` macro functions below. Needs a display and the image in a window (not "
                    + "batch mode, not headless: there, edit with the `Ext.` functions). `./delineate` opens the sample "
                    + "study in it at start-up.")
            .headless(CommandDoc.Headless.NEVER)
            .example("run(\"Segment Editor\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        if (GraphicsEnvironment.isHeadless()) {
            Commands.fail(COMMAND, "The Segment Editor needs a display; without one, edit with the Ext. macro functions "
                    + "(run(\"Delineate Macro Functions\")).");
            return;
        }
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Commands.fail(COMMAND, "No image is open; open one with Plugins > Delineate > Open DICOM Series, Open NIfTI "
                    + "or Open Sample Study first.");
            return;
        }
        try {
            EditorWindow.open(imp, DelineateMacroFunctions.sessionOf(imp), Terminology.load());
        } catch (IllegalStateException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }
}
