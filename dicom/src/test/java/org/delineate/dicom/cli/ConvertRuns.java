package org.delineate.dicom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Assumptions;

/** Runs {@code delineate convert} in-process, as users run it, and compares NIfTI files with nibabel. */
final class ConvertRuns {

    /** How a run ended and what it printed. */
    record Run(int exitCode, String out, String err) {
    }

    private ConvertRuns() {
    }

    static Run convert(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandRunner(new ConvertCommand(), "test").execute(new PrintWriter(out), new PrintWriter(err),
                args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * One pair for nibabel: our file, the reference, the reference volume to compare (or null for all), and a factor
     * that our values times should give the reference's (or null).
     */
    record Pair(Path ours, Path ref, Integer refVolume, Double scale) {
    }

    /**
     * nibabel's comparison of each pair (nifti_pairs.py, one Python process): shapes, dtypes, affineError (mm,
     * largest element difference of the canonical affines), voxels, voxelsDiffering, maxValueDifference.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> compare(List<Pair> pairs, Path tmp) throws IOException {
        Peers.assumeInstalled(Peers.PYTHON);
        Path script = tmp.resolve("nifti_pairs.py");
        try (InputStream in = ConvertRuns.class.getResourceAsStream("nifti_pairs.py")) {
            Files.copy(in, script);
        }
        List<Object> list = new ArrayList<>();
        for (Pair p : pairs) {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("ours", p.ours().toString());
            item.put("ref", p.ref().toString());
            item.put("refVolume", p.refVolume() == null ? null : (long) p.refVolume());
            item.put("scale", p.scale());
            list.add(item);
        }
        Path input = tmp.resolve("pairs.json");
        Files.writeString(input, JsonTree.write(list), StandardCharsets.UTF_8);
        Peers.Result result = Peers.run(List.of(Peers.PYTHON, script.toString(), input.toString()), 300);
        Assumptions.assumeFalse(result.stderr().contains("No module named 'nibabel'"),
                "nibabel is not installed for " + Peers.PYTHON + " (apt-get install python3-nibabel)");
        if (result.exitCode() != 0) {
            throw new IOException("nifti_pairs.py failed: " + result.all());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                out.add((Map<String, Object>) JsonTree.parse(line));
            }
        }
        return out;
    }
}
