package org.delineate.plugins;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import org.delineate.plugins.open.SampleStudy;

/**
 * What the thin entry classes share: error reporting, the current image, the cache folder. Macro options are read
 * through {@link org.delineate.plugins.command.MacroOptions}. Package-private.
 */
final class Commands {

    private Commands() {
    }

    /**
     * Shows (or, in a macro, reports and aborts with) an error of {@code command}; without a display or without
     * the ImageJ window it is printed to the log (standard output) instead of a dialog.
     */
    static void fail(String command, String message) {
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            // NB: no dialog can be shown headless (ImageJ's own error dialog would throw), and without the ImageJ
            // window (ImageJ -batch) nobody may be there to close it: a modal dialog under xvfb-run waits forever.
            // The log is stdout there.
            IJ.log(command + ": " + message);
            Interpreter macro = Interpreter.getInstance();
            if (macro != null) {
                macro.abortMacro();
            }
            return;
        }
        IJ.error(command, message); // NB: in a macro, this also aborts the macro
    }

    /** The current image; null after failing with "No image is open." when there is none. */
    static ImagePlus currentImage(String command) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            fail(command, "No image is open.");
        }
        return imp;
    }

    /**
     * Checks that the folder a file is to be written into exists, so that the message names it rather than the
     * temporary file the write starts with.
     */
    static void checkFolderOf(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write " + target + ": the folder " + folder + " does not exist");
        }
    }

    /**
     * Fails (and returns true) when a command that needs dialogs runs without a display; its macro keys are
     * the way to run it there.
     */
    static boolean failHeadless(String command) {
        if (!GraphicsEnvironment.isHeadless()) {
            return false;
        }
        fail(command, "without a display this command needs its macro keys (see the macro reference)");
        return true;
    }

    /**
     * Delineate's per-user cache folder (the sample study, recovery files): the system property
     * {@code delineate.cache} when set, else {@link SampleStudy#defaultCache()}.
     */
    static Path cache() {
        String override = System.getProperty("delineate.cache");
        return override == null || override.isBlank() ? SampleStudy.defaultCache() : Path.of(override);
    }

    /** The number of threads for scanning and decoding. */
    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
