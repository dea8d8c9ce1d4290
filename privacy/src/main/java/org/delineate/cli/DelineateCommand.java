package org.delineate.cli;

import java.io.PrintWriter;
import java.util.List;

import org.delineate.dicom.cli.CliCommand;
import org.delineate.dicom.cli.CommandRunner;
import org.delineate.dicom.cli.ConvertCommand;
import org.delineate.dicom.cli.DumpCommand;
import org.delineate.dicom.cli.Invocation;
import org.delineate.dicom.cli.SegCommand;
import org.delineate.dicom.cli.Syntax;
import org.delineate.privacy.cli.DeidCommand;

/**
 * The {@code delineate} command line: the top-level command that gathers the subcommands
 * ({@code dump}, {@code convert}, {@code seg write|read}, {@code deid}).
 *
 * <p>Exit codes: 0 success, 1 an input could not be read or an output not written, 2 a usage error.
 */
public final class DelineateCommand implements CliCommand {

    private static final Syntax SYNTAX = Syntax.command("delineate",
            "Medical image annotation tools: DICOM and NIfTI reading, DICOM-SEG, de-identification.");

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<CliCommand> subcommands() {
        return List.of(new DumpCommand(), new ConvertCommand(), new SegCommand(), new DeidCommand());
    }

    /** Without a subcommand: the usage, on stdout. */
    @Override
    public int run(Invocation call) {
        SYNTAX.usage("delineate", subcommands(), call.out());
        return 0;
    }

    /** The command line, ready to run. */
    public static CommandRunner runner() {
        return new CommandRunner(new DelineateCommand(), DelineateVersion.text());
    }

    /** Runs {@code args} with stdout and stderr; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return runner().execute(out, err, args);
    }

    public static void main(String[] args) {
        // NB: messages and progress on stderr appear as they are printed; stdout is flushed when the command ends
        System.exit(execute(new PrintWriter(System.out), new PrintWriter(System.err, true), args));
    }
}
