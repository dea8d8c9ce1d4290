package org.delineate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The top-level {@code delineate} command gathers its subcommands, {@code seg write|read} among them. */
class DelineateCommandTest {

    /** Exit code, stdout and stderr of one run. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DelineateCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void segWriteAndReadAreRegistered() {
        for (String sub : new String[] {"write", "read"}) {
            Run help = run("seg", sub, "--help");
            assertEquals(0, help.exit());
            assertTrue(help.out().startsWith("Usage: delineate seg " + sub + " "), help.out());
            assertTrue(help.out().contains("--out"), help.out());
        }
        Run none = run("seg");
        assertEquals(2, none.exit(), "no subcommand is a usage error");
        assertTrue(none.err().contains("give a subcommand: write or read"), none.err());
        assertTrue(none.err().contains("Commands:\n  write "), "the usage lists the subcommands: " + none.err());
    }

    @Test
    void theTopLevelListsEveryCommandAndReportsItsVersion() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        for (String name : new String[] {"dump", "convert", "seg", "deid"}) {
            assertTrue(help.out().contains("\n  " + name + " "), name + " in " + help.out());
        }
        Run bare = run();
        assertEquals(0, bare.exit());
        assertEquals(help.out(), bare.out(), "without arguments: the same usage");
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertEquals(DelineateVersion.text() + "\n", version.out());
        assertTrue(version.out().startsWith("delineate "), version.out());
    }

    @Test
    void usageErrorsExitTwoWithTheMessageAndTheUsage() {
        Run missing = run("convert");
        assertEquals(2, missing.exit(), "a usage error of a subcommand is exit code 2");
        assertTrue(missing.err().startsWith("Missing required parameters: 'INPUT', 'OUTPUT'\nUsage: delineate convert "),
                missing.err());
        Run unknown = run("nonsense");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("Unmatched argument at index 0: 'nonsense'\nUsage: delineate "),
                unknown.err());
        assertEquals("", unknown.out());
    }
}
