package org.delineate.plugins;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;

/**
 * What the thin entry classes share: macro option parsing and error reporting. Package-private.
 */
final class Commands {

    private Commands() {
    }

    /** The value of {@code key} in macro options, or {@code fallback} when absent. */
    static String value(String options, String key, String fallback) {
        String v = Macro.getValue(options, key, null);
        return v == null ? fallback : v.trim();
    }

    /** The integer value of {@code key}; an IllegalArgumentException naming the key when it is not one. */
    static int intValue(String options, String key, int fallback) {
        String v = value(options, key, null);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + " is not a number");
        }
    }

    /** Shows (or, in a macro, reports and aborts with) an error of {@code command}. */
    static void fail(String command, String message) {
        if (GraphicsEnvironment.isHeadless()) {
            // NB: no dialog can be shown headless (ImageJ's own error dialog would throw); the log is stdout there.
            IJ.log(command + ": " + message);
            Interpreter macro = Interpreter.getInstance();
            if (macro != null) {
                macro.abortMacro();
            }
            return;
        }
        IJ.error(command, message); // NB: in a macro, this also aborts the macro
    }

    /** The number of threads for scanning and decoding. */
    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
