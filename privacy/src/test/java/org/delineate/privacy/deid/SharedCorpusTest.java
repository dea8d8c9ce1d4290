package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.privacy.FakePseudonyms;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.privacy.policy.Policy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on up to three files of every folder of the shared test corpus (CT, MR, enhanced multi-frame, SEG, SR, RT,
 * several transfer syntaxes): it must not fail, its output must read back, and pydicom must find no identifying
 * value of the input in the output.
 */
class SharedCorpusTest {

    @TempDir
    Path tmp;

    @Test
    void threeFilesPerFolderDeidentifiedWithoutResidualPhi() throws IOException {
        Peers.assumePydicom();
        Path root = TestFiles.shared().resolve("testdata");
        Assumptions.assumeTrue(Files.isDirectory(root), root + " is missing");
        Map<Path, List<Path>> perFolder = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".dcm")).sorted()
                    .forEach(p -> perFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        }
        List<Path> inputs = new ArrayList<>();
        perFolder.values().forEach(files -> inputs.addAll(files.subList(0, Math.min(3, files.size()))));
        Deidentifier engine = Deidentifier.create(Policy.preset("research"), new FakePseudonyms());
        List<Path[]> pairs = new ArrayList<>();
        int unreadable = 0;
        int incomplete = 0;
        for (Path input : inputs) {
            DicomFile file;
            try {
                file = DicomReader.read(input);
            } catch (IOException e) {
                unreadable++;
                continue;
            }
            if (!file.dataSet().contains(0x00080016) || !file.dataSet().contains(0x00080018)) {
                incomplete++;
                continue;
            }
            DeidentificationResult result = engine.apply(file.dataSet());
            Path output = tmp.resolve(pairs.size() + ".dcm");
            new DicomWriter(WriteOptions.fresh(null)).write(new DicomFile(null, null, file.dataSet(),
                    file.transferSyntax(), List.of(), null, true), output);
            DicomReader.read(output);
            assertTrue(result.audit().size() > 0);
            pairs.add(new Path[] {input, output});
        }
        System.out.println("SharedCorpusTest: " + pairs.size() + " files de-identified, " + unreadable
                + " not readable by Delineate, " + incomplete + " without SOP Class or Instance UID");
        assertTrue(pairs.size() >= 50, "files: " + pairs.size());
        PydicomPhiOracle.assertNoResidualPhi(pairs, DeidentifierTest.RESEARCH_COLUMNS);
    }
}
