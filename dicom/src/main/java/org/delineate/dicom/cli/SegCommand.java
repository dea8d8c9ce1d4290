package org.delineate.dicom.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code delineate seg write|read}: DICOM Segmentation objects from and to label NIfTI files with dcmqi's segment
 * metadata JSON. See {@link SegWriteCommand} and {@link SegReadCommand}; docs/command-line.md describes both.
 *
 * <p>Exit 0 on success, 1 when an input cannot be read or used or the output cannot be written (messages on
 * stderr name the file and the problem), 2 on a usage error (including no subcommand).
 */
public final class SegCommand implements CliCommand {

    private static final Syntax SYNTAX = Syntax.command("seg",
            "DICOM Segmentation (DICOM-SEG) objects: write one from label NIfTI files and dcmqi metadata JSON on a "
                    + "DICOM series' grid, or read one back into label NIfTI files and metadata JSON.");

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<CliCommand> subcommands() {
        return List.of(new SegWriteCommand(), new SegReadCommand());
    }

    @Override
    public int run(Invocation call) {
        throw new UsageException("give a subcommand: write or read");
    }

    /** Progress and messages of one seg subcommand on stderr, each line starting with its name. */
    static final class Messages {
        private final String name;
        private final PrintWriter err;

        Messages(String name, PrintWriter err) {
            this.name = name;
            this.err = err;
        }

        void progress(String message) {
            err.println(name + ": " + message);
            err.flush();
        }

        void warn(String message) {
            err.println(name + ": warning: " + message);
            err.flush();
        }

        void note(String message) {
            err.println(name + ": note: " + message);
            err.flush();
        }

        int fail(String message) {
            err.println(name + ": " + message);
            err.flush();
            return 1;
        }
    }
}
