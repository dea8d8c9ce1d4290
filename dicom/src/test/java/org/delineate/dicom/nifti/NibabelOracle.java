package org.delineate.dicom.nifti;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code nibabel_dump.py} under Debian's Python (nibabel 5) once for a list of files and returns, per
 * absolute path, what nibabel read: raw header fields, extensions, best affine, shape, dtype, data digests.
 */
final class NibabelOracle {

    private NibabelOracle() {
    }

    /** Skips the calling test unless Debian's nibabel is importable. */
    static void assumeNibabel() throws IOException {
        Peers.assumeInstalled(Peers.PYTHON);
        Assumptions.assumeTrue(Peers.run(List.of(Peers.PYTHON, "-c", "import nibabel"), 60).exitCode() == 0,
                "nibabel is not installed for " + Peers.PYTHON + " (apt-get install python3-nibabel)");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> describe(List<Path> files, Path tmp) throws IOException {
        Path list = Files.createTempFile(tmp, "nibabel", ".txt");
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.add(f.toAbsolutePath().toString());
        }
        Files.write(list, lines);
        Path script;
        try {
            script = Path.of(NibabelOracle.class.getResource("nibabel_dump.py").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Peers.Result result = Peers.run(List.of(Peers.PYTHON, script.toString(), list.toString()), 300);
        if (result.exitCode() != 0) {
            throw new IOException("nibabel_dump.py failed: " + result.all());
        }
        return (Map<String, Map<String, Object>>) JsonTree.parse(result.stdout());
    }
}
