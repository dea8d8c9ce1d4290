package org.delineate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.sample.CtPhantom;

/**
 * Runs the commands users run in bulk ({@code dump}, {@code convert}, {@code deid}) once each on a small synthetic
 * series (no patient data) in a folder given as the only argument, so that the launcher can record the classes
 * they load (-XX:DumpLoadedClassList) and dump them into a class-data-sharing archive that every later start maps
 * instead of loading and verifying those classes again. Not a subcommand: the launcher runs it after a build.
 * What the commands print is discarded; the exit code is 0 when all of them succeeded.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining EMPTY_FOLDER");
            System.exit(2);
        }
        System.exit(train(Path.of(args[0])) == 0 ? 0 : 1);
    }

    /** Writes the series into {@code work} and runs the commands on it; returns how many of them failed. */
    static int train(Path work) throws IOException {
        Path series = Files.createDirectories(work.resolve("series"));
        new CtPhantom(32, 4, 8, 8, "2.25.1", "2.25.2", "2.25.3").write(series);
        List<String[]> runs = List.of(
                new String[] {"dump", series.resolve("slice-001.dcm").toString()},
                new String[] {"convert", "--json", series.toString(), work.resolve("volume.nii.gz").toString()},
                new String[] {"deid", "--in", series.toString(), "--out", work.resolve("deid").toString(),
                    "--policy", "basic", "--key", work.resolve("training.key").toString(), "--jobs", "2"});
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        int failed = 0;
        try {
            System.setOut(discard);
            System.setErr(discard);
            for (String[] run : runs) {
                PrintWriter nowhere = new PrintWriter(discard);
                failed += DelineateCommand.execute(nowhere, nowhere, run) == 0 ? 0 : 1;
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return failed;
    }
}
