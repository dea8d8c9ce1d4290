package org.delineate.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive the launcher makes for the command line (see the script {@code delineate}): the
 * same three steps on the built jars (a training run listing the classes, the dump, a command mapping the archive),
 * and the command's own classes, its dependencies' and the JDK's, come from the archive.
 */
class StartupArchiveTest {

    @TempDir
    Path tmp;

    @Test
    void theCommandLinesClassesAreMappedFromTheArchive() throws Exception {
        ImageJInstall.into(tmp.resolve("imagej"));
        String classPath;
        try (Stream<Path> jars = Files.list(tmp.resolve("imagej/plugins/jars"))) {
            classPath = jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
        Path list = tmp.resolve("classes.lst");
        Path archive = tmp.resolve("cli.jsa");
        Peers.Result training = Peers.run(java("-XX:DumpLoadedClassList=" + list, "-cp", classPath,
                "org.delineate.cli.StartupTraining", tmp.resolve("work").toString()), 180);
        assertEquals(0, training.exitCode(), training.stderr());
        Peers.Result dump = Peers.run(java("-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive, "-cp", classPath), 180);
        assertEquals(0, dump.exitCode(), dump.stdout() + dump.stderr());
        Path slice = tmp.resolve("work/series/slice-001.dcm");
        // NB: -Xshare:on fails the start instead of running without the archive, so a silent fallback cannot pass
        Peers.Result run = Peers.run(java("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info",
                "-cp", classPath, "org.delineate.cli.DelineateCommand", "dump", slice.toString()), 120);
        assertEquals(0, run.exitCode(), run.stderr());
        for (String name : List.of("org.delineate.cli.DelineateCommand", "org.delineate.dicom.cli.DumpCommand",
                "org.delineate.dicom.io.DicomReader", "org.delineate.dicom.cli.CommandRunner", "java.lang.Object")) {
            assertTrue(run.stdout().contains(name + " source: shared objects file"), name + " not from the archive");
        }
        assertTrue(run.stdout().contains("(0008,0060) CS Modality"), "the dump itself ran");
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
