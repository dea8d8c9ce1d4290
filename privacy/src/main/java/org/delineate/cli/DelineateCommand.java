package org.delineate.cli;

import org.delineate.dicom.cli.ConvertCommand;
import org.delineate.dicom.cli.DumpCommand;
import org.delineate.privacy.cli.DeidCommand;
import org.delineate.dicom.cli.SegCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code delineate} command line: the top-level command that gathers the subcommands
 * ({@code dump}, {@code convert}, {@code seg write|read}, {@code deid}).
 *
 * <p>Exit codes: 0 success, 1 an input could not be read or an output not written, 2 a usage error.
 */
@Command(name = "delineate", mixinStandardHelpOptions = true, versionProvider = DelineateVersion.class,
        description = "Medical image annotation tools: DICOM and NIfTI reading, DICOM-SEG, de-identification.")
public final class DelineateCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with all subcommands, ready to execute. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DelineateCommand());
        commandLine.addSubcommand("dump", new DumpCommand());
        commandLine.addSubcommand("convert", new ConvertCommand());
        commandLine.addSubcommand("seg", new SegCommand());
        commandLine.addSubcommand("deid", new DeidCommand());
        // NB: the mapper also decides the exit code of usage errors; keep them at 2 as documented.
        commandLine.setExitCodeExceptionMapper(exception -> exception instanceof CommandLine.ParameterException ? 2 : 1);
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
