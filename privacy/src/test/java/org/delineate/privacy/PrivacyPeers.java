package org.delineate.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The external oracles the privacy tests run (Debian's pydicom under /usr/bin/python3, dciodvfy). A missing peer
 * skips the test. NB: a minimal copy of the dicom module's test {@code Peers}: the dicom module publishes no test
 * jar, and depending on one would tie the two modules' test code together for three small methods.
 */
public final class PrivacyPeers {

    /** Debian's Python, which has python3-pydicom (the python3 on PATH may be another one). */
    public static final String PYTHON = "/usr/bin/python3";

    /** What a peer printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private PrivacyPeers() {
    }

    /** The shared folder beside the checkout (system property {@code delineate.shared}). */
    public static Path shared() {
        String property = System.getProperty("delineate.shared");
        return (property != null ? Path.of(property) : Path.of("..", "..", "shared")).toAbsolutePath().normalize();
    }

    public static void assumeInstalled(String program) {
        boolean found = program.startsWith("/") ? Files.isExecutable(Path.of(program))
                : List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        Assumptions.assumeTrue(found, program + " is not installed (./run-tests installs it as root)");
    }

    public static void assumePydicom() throws IOException {
        assumeInstalled(PYTHON);
        Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import pydicom"), 60).exitCode() == 0,
                "pydicom is not installed for " + PYTHON);
    }

    /** Runs a Python program given as text, the arguments after it. */
    public static Result runPython(String program, List<String> args, int timeoutSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", program));
        command.addAll(args);
        return run(command, timeoutSeconds);
    }

    /** Runs a command with a time limit; output is captured through temporary files and read as ISO 8859-1. */
    public static Result run(List<String> command, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("peer", ".out");
        Path err = Files.createTempFile("peer", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
