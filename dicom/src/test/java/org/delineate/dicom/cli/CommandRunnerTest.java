package org.delineate.dicom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** How command lines are parsed, refused and helped, on a command made for the test. */
class CommandRunnerTest {

    private static final Syntax SYNTAX = Syntax.command("probe", "Probe the parser with a rather long first "
            + "paragraph of description that has to be wrapped at eighty columns to fit a terminal.", "Second.")
            .parameter("INPUT", "the input")
            .optionalParameter("EXTRA", "an optional one")
            .required("--out", "DIR", "where to write")
            .option("--jobs", "N", "how many at once")
            .option("--scale", "X", "a factor")
            .repeatable("--rule", "FILE", "rules, may be repeated")
            .flag("--json", "JSON instead")
            .hidden("--secret", "N", "not shown");

    /** A command that hands what it was given to {@code action}. */
    private static final class Probe implements CliCommand {
        private final Function<Invocation, Integer> action;

        Probe(Function<Invocation, Integer> action) {
            this.action = action;
        }

        @Override
        public Syntax syntax() {
            return SYNTAX;
        }

        @Override
        public int run(Invocation call) {
            return action.apply(call);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Function<Invocation, Integer> action, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandRunner(new Probe(action), "probe 1.0").execute(new PrintWriter(out),
                new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run refused(String... args) {
        Run r = run(call -> {
            throw new AssertionError("must not run");
        }, args);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("\nUsage: probe "), "the usage follows the message: " + r.err());
        return r;
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        Invocation[] seen = new Invocation[1];
        Run r = run(call -> {
            seen[0] = call;
            return 7;
        }, "in.dcm", "--out", "o", "--jobs=3", "--rule", "a.json", "--json", "--rule=b=c.json", "--scale", "-0.5");
        assertEquals(7, r.exit(), "the command's own exit code");
        Invocation call = seen[0];
        assertEquals(Path.of("in.dcm"), call.parameterPath("INPUT"));
        assertNull(call.parameter("EXTRA"));
        assertEquals(Path.of("o"), call.path("--out"));
        assertEquals(3, call.integer("--jobs", 1));
        assertEquals(-0.5, call.decimal("--scale", 1), 0);
        assertEquals(List.of(Path.of("a.json"), Path.of("b=c.json")), call.paths("--rule"));
        assertTrue(call.flag("--json"));
        assertEquals(9, call.integer("--secret", 9), "a default when not given");
    }

    @Test
    void aDoubleDashEndsTheOptions() {
        Invocation[] seen = new Invocation[1];
        run(call -> {
            seen[0] = call;
            return 0;
        }, "--out", "o", "--", "--json", "-x");
        assertEquals("--json", seen[0].parameter("INPUT"));
        assertEquals("-x", seen[0].parameter("EXTRA"));
        assertFalse(seen[0].flag("--json"));
    }

    @Test
    void malformedCommandLinesAreRefusedWithAMessageNamingTheArgument() {
        assertTrue(refused("in", "--out", "o", "--nope").err().startsWith("Unknown option: '--nope'\n"));
        assertTrue(refused("in", "--out", "o", "--out", "p").err().startsWith(
                "option '--out' should be specified only once\n"));
        assertTrue(refused("in", "--out").err().startsWith("Missing required parameter for option '--out' (DIR)\n"));
        assertTrue(refused("in", "--out", "o", "--json=yes").err().startsWith(
                "option '--json' takes no value, but was given 'yes'\n"));
        assertTrue(refused("in").err().startsWith("Missing required option: '--out=DIR'\n"));
        assertTrue(refused("--out", "o").err().startsWith("Missing required parameter: 'INPUT'\n"));
        assertTrue(refused("a", "b", "c", "--out", "o").err().startsWith("Unmatched argument at index 2: 'c'\n"));
    }

    @Test
    void malformedValuesAreRefusedWhereTheCommandReadsThem() {
        Run notInteger = run(call -> call.integer("--jobs", 1), "in", "--out", "o", "--jobs", "two");
        assertEquals(2, notInteger.exit());
        assertTrue(notInteger.err().startsWith("Invalid value for option '--jobs': 'two' is not a whole number\n"),
                notInteger.err());
        Run notNumber = run(call -> (int) call.decimal("--scale", 1), "in", "--out", "o", "--scale", "NaN");
        assertEquals(2, notNumber.exit());
        assertTrue(notNumber.err().startsWith("Invalid value for option '--scale': 'NaN' is not a number\n"));
        Run refusedByTheCommand = run(call -> {
            throw new UsageException("--jobs must be at least 1");
        }, "in", "--out", "o");
        assertEquals(2, refusedByTheCommand.exit());
        assertTrue(refusedByTheCommand.err().startsWith("--jobs must be at least 1\nUsage: probe "));
    }

    @Test
    void aFaultOfTheCommandIsOneLineAndExitOneNeverAStackTrace() {
        Run r = run(call -> {
            throw new IllegalStateException("broken");
        }, "in", "--out", "o");
        assertEquals(1, r.exit());
        assertEquals("probe: internal error (IllegalStateException): broken; please report it\n", r.err());
    }

    @Test
    void helpAndVersionGoToStandardOutputWithoutRunning() {
        Run help = run(call -> {
            throw new AssertionError("must not run");
        }, "in", "-h");
        assertEquals(0, help.exit());
        assertEquals("", help.err());
        String[] lines = help.out().split("\n");
        assertEquals("Usage: probe [-hV] [--json] --out=DIR [--jobs=N] [--scale=X] [--rule=FILE]...", lines[0]);
        assertEquals("             INPUT [EXTRA]", lines[1], "the synopsis wraps under its start");
        assertTrue(help.out().contains("\nSecond.\n"), help.out());
        assertTrue(help.out().contains("\n      --out=DIR    where to write\n"), help.out());
        assertTrue(help.out().contains("\n  -h, --help       Show this help message and exit.\n"), help.out());
        assertFalse(help.out().contains("--secret"), "hidden options are not listed");
        for (String line : lines) {
            assertTrue(line.length() <= Syntax.WIDTH, "wrapped at " + Syntax.WIDTH + ": " + line);
        }
        Run version = run(call -> 1, "--version");
        assertEquals(0, version.exit());
        assertEquals("probe 1.0\n", version.out());
        assertEquals("probe 1.0\n", run(call -> 1, "-V").out());
        assertEquals(help.out(), run(call -> 1, "-hV").out(), "clustered as the synopsis shows them: help wins");
        assertEquals(help.out(), run(call -> 1, "-Vh").out());
    }
}
