package org.delineate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The top-level {@code delineate} command gathers its subcommands, {@code seg write|read} among them. */
class DelineateCommandTest {

    @Test
    void segWriteAndReadAreRegistered() {
        for (String sub : new String[] {"write", "read"}) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = DelineateCommand.commandLine();
            commandLine.setOut(new PrintWriter(out));
            assertEquals(0, commandLine.execute("seg", sub, "--help"));
            assertTrue(out.toString().contains("--out"), out.toString());
        }
        StringWriter err = new StringWriter();
        CommandLine commandLine = DelineateCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        assertEquals(2, commandLine.execute("seg"), "no subcommand is a usage error");
        assertTrue(err.toString().contains("give a subcommand: write or read"), err.toString());
    }
}
