package org.delineate.dicom.cli;

import java.util.List;

/**
 * One command of the {@code delineate} command line: what it accepts ({@link #syntax()}), its subcommands if any,
 * and what it does with the arguments given. {@link CommandRunner} parses the arguments and calls {@link #run}.
 */
public interface CliCommand {

    /** The command's name, description, options and parameters. */
    Syntax syntax();

    /** The commands that may follow this one's name, in the order its help lists them. */
    default List<CliCommand> subcommands() {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @return the exit code: 0 success, 1 failure (a one-line message was printed on stderr), 3 and up as the
     *         command documents
     * @throws UsageException when the arguments cannot be used (exit code 2, with the usage)
     */
    int run(Invocation call);
}
