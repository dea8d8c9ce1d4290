package org.delineate.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Read then write in the file's own transfer syntax: byte for byte the same, for well-formed corpus files. */
class RoundTripTest {

    @TempDir
    Path tmp;

    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(TestFiles.find(TestFiles.PYDICOM_DATA.resolve("test_files"), ".*\\.dcm"));
        files.addAll(TestFiles.find(TestFiles.PYDICOM_DATA.resolve("charset_files"), ".*\\.dcm"));
        files.addAll(TestFiles.find(TestFiles.testdata(), ".*\\.(dcm|dcm\\.gz)"));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void wellFormedFilesRoundTripByteForByte(Path path) throws IOException {
        Path file = TestFiles.ungzipped(path, tmp);
        DicomFile read;
        try {
            read = new DicomReader(ReadOptions.defaults()).readFile(file);
        } catch (DicomFormatException e) {
            Assumptions.abort("refused (checked against pydicom by the corpus comparison): " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(read.deviations().isEmpty(), () -> "not well-formed: " + read.deviations().get(0));
        Assumptions.assumeFalse(read.transferSyntax().deflated(), "deflate streams are not byte-reproducible");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(WriteOptions.defaults()).write(read, out);
        byte[] original = Files.readAllBytes(file);
        assertTrue(out.size() > 0);
        assertArrayEquals(original, out.toByteArray(), () -> path + " differs after a round trip");
    }
}
