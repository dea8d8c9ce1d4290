package org.delineate.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Test support of the plugins module: the shared test data, Debian's pydicom (/usr/bin/python3) and
 * external commands with a time limit. Peers that are missing skip the test. NB: a small twin of the dicom
 * module's Peers/TestFiles, which are not published as a test jar.
 */
public final class PluginTests {

    /** Debian's Python with python3-pydicom and python3-nibabel. */
    public static final String PYTHON = "/usr/bin/python3";

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private PluginTests() {
    }

    /** /work/shared/testdata (system property delineate.shared); skips the test when missing. */
    public static Path testdata() {
        Path data = Path.of(System.getProperty("delineate.shared", "/work/shared")).resolve("testdata");
        Assumptions.assumeTrue(Files.isDirectory(data), "no shared test data at " + data);
        return data;
    }

    /** Skips unless Debian's python has {@code module}. */
    public static void assumePython(String module) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing");
        Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import " + module), null, 60).exitCode() == 0,
                module + " is not installed for " + PYTHON);
    }

    /** Skips unless {@code program} is on the PATH; returns its path. */
    public static Path assumeOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort(program + " is not installed");
        return null;
    }

    /** Runs a Python program text with the arguments. */
    public static Result python(String program, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", program));
        command.addAll(args);
        return run(command, null, 120);
    }

    /** Runs a command in {@code dir} (null: the current one) with a time limit; output through temporary files. */
    public static Result run(List<String> command, Path dir, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
