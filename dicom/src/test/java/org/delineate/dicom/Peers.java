package org.delineate.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the independent implementations the tests compare against (dcmtk's dcmdump, dicom3tools'
 * dciodvfy, Debian's pydicom under /usr/bin/python3). A missing peer skips the test with a message;
 * {@code ./run-tests} installs them when run as root.
 */
public final class Peers {

    /** Debian's Python, which has python3-pydicom (the python3 on PATH may be another one). */
    public static final String PYTHON = "/usr/bin/python3";

    /** What a peer printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    private Peers() {
    }

    /** Skips the calling test unless {@code program} is installed. */
    public static void assumeInstalled(String program) {
        Assumptions.assumeTrue(find(program) != null, program + " is not installed (./run-tests installs it as root)");
    }

    /** Skips the calling test unless Debian's pydicom is importable. */
    public static void assumePydicom() {
        assumeInstalled(PYTHON);
        try {
            Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import pydicom"), 60).exitCode() == 0,
                    "pydicom is not installed for " + PYTHON + " (apt-get install python3-pydicom)");
        } catch (IOException e) {
            Assumptions.abort("cannot run " + PYTHON + ": " + e.getMessage());
        }
    }

    private static Path find(String program) {
        if (program.startsWith("/")) {
            return Files.isExecutable(Path.of(program)) ? Path.of(program) : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs a Python program given as text with Debian's interpreter, the files as its arguments. */
    public static Result runPython(String program, List<Path> files, int timeoutSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", program));
        files.forEach(f -> command.add(f.toString()));
        return run(command, timeoutSeconds);
    }

    /** Runs a Python program given as text with Debian's interpreter and these arguments. */
    public static Result runPythonWithArguments(String program, List<String> arguments, int timeoutSeconds)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", program));
        command.addAll(arguments);
        return run(command, timeoutSeconds);
    }

    /** Runs a command with a time limit; output is captured through temporary files. */
    public static Result run(List<String> command, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("peer", ".out");
        Path err = Files.createTempFile("peer", ".err");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            // NB: decoded leniently: dciodvfy echoes attribute values in their own character set, not UTF-8.
            return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
