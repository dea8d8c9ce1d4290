package org.delineate.plugins;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ij.IJ;

/**
 * A macro run through ImageJ's interpreter in this (headless) JVM, with what it logged: headless, ImageJ's log is
 * standard output, which is captured while the macro runs.
 *
 * @param result the macro's return value; null or "[aborted]" when it stopped on an error
 * @param log what it printed to the log
 */
record MacroRun(String result, String log) {

    static MacroRun of(String... lines) {
        PrintStream out = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String result;
        try {
            System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
            result = IJ.runMacro(String.join("\n", lines));
        } finally {
            System.setOut(out);
        }
        return new MacroRun(result, log.toString(StandardCharsets.UTF_8).strip());
    }

    boolean aborted() {
        return result == null || result.equals("[aborted]");
    }
}
