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

    /** Skips the calling test unless {@code program} is installed; returns where it is. */
    public static Path assumeInstalled(String program) {
        Path found = find(program);
        Assumptions.assumeTrue(found != null, program + " is not installed (./run-tests installs it as root)");
        return found;
    }

    /** Skips the calling test unless Debian's pydicom is importable. */
    public static void assumePydicom() {
        assumePythonModule("pydicom");
    }

    /** Skips the calling test unless Debian's Python can import {@code module} (python3-{@code module}). */
    public static void assumePythonModule(String module) {
        assumeInstalled(PYTHON);
        try {
            Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import " + module), 60).exitCode() == 0,
                    module + " is not installed for " + PYTHON + " (apt-get install python3-" + module + ")");
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
        return run(command, null, timeoutSeconds);
    }

    /** Runs a command in {@code dir} (null: the current folder) with a time limit. */
    public static Result run(List<String> command, Path dir, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("peer", ".out");
        Path err = Files.createTempFile("peer", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            // NB: peers may print bytes of values that are not UTF-8 (dciodvfy echoes raw strings): decoded leniently.
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
