package org.delineate.dicom.compare;

import org.delineate.dicom.JsonTree;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pydicom_oracle.py} (test resource) with Debian's {@code /usr/bin/python3} and its
 * pydicom over many files in one process, and hands back pydicom's normalized view of each file as
 * a JSON tree (see the script for the format).
 */
final class PydicomOracle {

    /** Debian's interpreter: the {@code python3} on PATH may be one without pydicom. */
    static final Path PYTHON = Path.of(org.delineate.dicom.Peers.PYTHON);

    private PydicomOracle() {
    }

    /** Why the oracle cannot run here, or null when it can. */
    static String unavailableReason() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing (./run-tests installs python3-pydicom as root)";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pydicom; print(pydicom.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? null : "pydicom is not importable by " + PYTHON + ": " + out;
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** pydicom's view of each file, keyed by path; a file pydicom refused maps to a record with "ok": false. */
    static Map<Path, Map<String, Object>> describe(List<Path> files, Path work) throws IOException {
        Files.createDirectories(work);
        Path list = work.resolve("pydicom-files.txt");
        Path out = work.resolve("pydicom.jsonl");
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.add(f.toAbsolutePath().toString());
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        Path log = work.resolve("pydicom.log");
        Process process = new ProcessBuilder(PYTHON.toString(), script().toString(), list.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("pydicom oracle did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running the pydicom oracle", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("pydicom oracle failed (exit " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        Map<Path, Map<String, Object>> results = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) JsonTree.parse(line);
            results.put(Path.of((String) record.get("file")), record);
        }
        return results;
    }

    private static Path script() throws IOException {
        try {
            return Path.of(PydicomOracle.class.getResource("pydicom_oracle.py").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("pydicom_oracle.py is not on the test class path", e);
        }
    }
}
