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

    @Test
    void aRunOfOneSubcommandBuildsOnlyThatOneAndBehavesTheSame() {
        CommandLine convert = DelineateCommand.commandLine(new String[] {"convert", "a", "b"});
        assertEquals(java.util.Set.of("convert"), convert.getSubcommands().keySet());
        assertEquals(java.util.Set.of("dump", "convert", "seg", "deid"),
                DelineateCommand.commandLine(new String[] {"--help"}).getSubcommands().keySet());
        assertEquals(java.util.Set.of("dump", "convert", "seg", "deid"),
                DelineateCommand.commandLine(new String[] {"nonsense"}).getSubcommands().keySet());
        StringWriter err = new StringWriter();
        CommandLine missing = DelineateCommand.commandLine(new String[] {"convert"});
        missing.setErr(new PrintWriter(err));
        assertEquals(2, missing.execute("convert"), "a usage error of the one subcommand is still exit code 2");
        assertTrue(err.toString().contains("Missing required parameters"), err.toString());
        StringWriter unknown = new StringWriter();
        CommandLine all = DelineateCommand.commandLine(new String[] {"nonsense"});
        all.setErr(new PrintWriter(unknown));
        assertEquals(2, all.execute("nonsense"));
        assertTrue(unknown.toString().contains("Unmatched argument at index 0: 'nonsense'"), unknown.toString());
    }
}
