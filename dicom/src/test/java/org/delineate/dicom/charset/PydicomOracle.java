package org.delineate.dicom.charset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pydicom oracle scripts of this package's test resources with Debian's
 * {@code /usr/bin/python3} and parses their JSON into plain maps and lists.
 *
 * <p>Skips the calling test (JUnit assumption) when that interpreter, pydicom or its charset test
 * files are missing. The scripts read pydicom's files in place; nothing is copied.
 */
final class PydicomOracle {

    /** Debian's interpreter; NB: the {@code python3} on PATH may be a pyenv without pydicom. */
    static final Path PYTHON = Path.of(org.delineate.dicom.Peers.PYTHON);
    /** pydicom 2.3.1's charset test files, with their provenance in FileInfo.txt there. */
    static final Path CHARSET_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");

    private PydicomOracle() {
    }

    /** Skips the test unless the interpreter, pydicom and its charset files are present. */
    static void assumeAvailable() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " not found (install python3)");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pydicom").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0, "skipped: pydicom not importable by " + PYTHON + " (install python3-pydicom)");
        assumeTrue(Files.isDirectory(CHARSET_FILES), "skipped: " + CHARSET_FILES + " not found");
    }

    /** Runs the script (a resource of this package) with the arguments; returns its parsed JSON output. */
    static Object run(String script, List<String> args) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("delineate-oracle-", ".py");
        try {
            try (InputStream in = PydicomOracle.class.getResourceAsStream(script)) {
                if (in == null) {
                    throw new IOException("missing test resource " + script);
                }
                Files.write(tmp, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-W", "ignore", tmp.toString()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(script + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return org.delineate.dicom.JsonTree.parse(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of a lower-case hex string. */
    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
