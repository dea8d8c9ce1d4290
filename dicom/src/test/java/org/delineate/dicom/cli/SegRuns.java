package org.delineate.dicom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;

/** Runs {@code delineate seg} in-process, as users run it, and the Python oracle seg_oracle.py (nibabel, pydicom). */
final class SegRuns {

    private SegRuns() {
    }

    /** {@code delineate seg ARGS}: exit code and stderr. */
    static ConvertRuns.Run seg(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> strings = new ArrayList<>();
        for (Object a : args) {
            strings.add(a.toString());
        }
        int code = new CommandRunner(new SegCommand(), "test").execute(new PrintWriter(out), new PrintWriter(err),
                strings.toArray(String[]::new));
        return new ConvertRuns.Run(code, out.toString(), err.toString());
    }

    /** Runs {@code seg_oracle.py OP ARGS} and returns its JSON; skips the test without nibabel/pydicom. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> oracle(Path tmp, String op, Object... args) throws IOException {
        Peers.assumePydicom();
        Path script = tmp.resolve("seg_oracle.py");
        if (!Files.exists(script)) {
            try (InputStream in = SegRuns.class.getResourceAsStream("seg_oracle.py")) {
                Files.copy(in, script);
            }
        }
        List<String> command = new ArrayList<>(List.of(Peers.PYTHON, script.toString(), op));
        for (Object a : args) {
            command.add(a.toString());
        }
        Peers.Result r = Peers.run(command, 300);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        return (Map<String, Object>) JsonTree.parse(r.stdout());
    }

    /** A dcmqi example metadata file kept with the dcmqi metadata tests' resources. */
    static Path dcmqiExample(Path tmp, String name) throws IOException {
        Path target = tmp.resolve(name);
        try (InputStream in = SegRuns.class.getResourceAsStream("/org/delineate/dicom/seg/meta/dcmqi/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
