package org.delineate.cli;

import java.util.List;

import org.delineate.dicom.cli.ConvertCommand;
import org.delineate.dicom.cli.DumpCommand;
import org.delineate.dicom.cli.SegCommand;
import org.delineate.privacy.cli.DeidCommand;

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

    /** The subcommands' names, in the order the usage help lists them. */
    private static final List<String> ORDER = List.of("dump", "convert", "seg", "deid");

    /**
     * A new subcommand object by name. NB: a switch, not a map of constructor references: each reference is an
     * invokedynamic call site that a new JVM links through method handles at every start.
     */
    private static Object subcommand(String name) {
        switch (name) {
            case "dump": return new DumpCommand();
            case "convert": return new ConvertCommand();
            case "seg": return new SegCommand();
            case "deid": return new DeidCommand();
            default: throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    /** Builds the command line with all subcommands, ready to execute. */
    public static CommandLine commandLine() {
        return commandLine(ORDER);
    }

    /**
     * The command line for {@code args}: NB: when the first argument names a subcommand, only that one is built,
     * because picocli's model of every subcommand (reflection over their annotated classes) costs a new JVM about
     * a tenth of a second of CPU; parsing is the same, since picocli dispatches on the first argument.
     */
    static CommandLine commandLine(String[] args) {
        return args.length > 0 && ORDER.contains(args[0]) ? commandLine(List.of(args[0])) : commandLine();
    }

    private static CommandLine commandLine(List<String> names) {
        CommandLine commandLine = new CommandLine(new DelineateCommand());
        for (String name : names) {
            commandLine.addSubcommand(name, subcommand(name));
        }
        // NB: the mapper also decides the exit code of usage errors; keep them at 2 as documented.
        commandLine.setExitCodeExceptionMapper(exception -> exception instanceof CommandLine.ParameterException ? 2 : 1);
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }
}
