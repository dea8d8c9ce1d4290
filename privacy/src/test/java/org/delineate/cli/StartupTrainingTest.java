package org.delineate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.nifti.NiftiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run: each command really ran (so the archive holds the classes a real run loads). */
class StartupTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void everyCommandRunsAndLeavesItsOutput() throws IOException {
        assertEquals(0, StartupTraining.train(tmp));
        assertEquals(32 * 32 * 4, voxels(tmp.resolve("volume.nii.gz")));
        assertTrue(Files.isRegularFile(tmp.resolve("volume.json")), "the --json sidecar");
        List<Path> released;
        try (Stream<Path> files = Files.walk(tmp.resolve("deid"))) {
            released = files.filter(p -> p.getFileName().toString().endsWith(".dcm")).toList();
        }
        assertEquals(4, released.size(), "de-identified slices");
        for (Path file : released) {
            assertEquals("YES", DicomReader.read(file).dataSet().getString(0x00120062), "PatientIdentityRemoved");
        }
    }

    private static long voxels(Path nifti) throws IOException {
        var header = NiftiReader.readHeader(nifti);
        long n = 1;
        for (int d = 1; d <= (int) header.dim()[0]; d++) {
            n *= header.dim()[d];
        }
        return n;
    }
}
