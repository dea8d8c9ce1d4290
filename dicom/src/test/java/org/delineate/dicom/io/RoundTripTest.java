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

    static Stream<Path> pydicomFiles() throws IOException {
        return TestFiles.find(TestFiles.PYDICOM_DATA.resolve("test_files"), ".*\\.dcm").stream();
    }

    /** Pixel Data left in the input and copied into the written file by the kernel (or swapped through arrays). */
    @ParameterizedTest
    @MethodSource("pydicomFiles")
    void lazyPixelDataWrittenToAFileByteForByte(Path file) throws IOException {
        DicomFile read;
        try {
            read = new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file);
        } catch (DicomFormatException e) {
            Assumptions.abort("refused: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(read.deviations().isEmpty(), () -> "not well-formed: " + read.deviations().get(0));
        Assumptions.assumeFalse(read.transferSyntax().deflated(), "deflate streams are not byte-reproducible");
        Path target = tmp.resolve("out.dcm");
        new DicomWriter(WriteOptions.defaults()).write(read, target);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(target), () -> file + " differs");
        if (read.transferSyntax().bigEndian() && read.dataSet().contains(0x7FE00010)
                && read.dataSet().get(0x7FE00010).isBulkData()) {
            // The swapped path: the same pixels in Little Endian, as the array-held read writes them.
            DicomFile held = new DicomReader(ReadOptions.defaults()).readFile(file);
            WriteOptions little = WriteOptions.defaults().withTransferSyntax(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            new DicomWriter(little).write(held, expected);
            new DicomWriter(little).write(read, target);
            assertArrayEquals(expected.toByteArray(), Files.readAllBytes(target), () -> file + " swapped differs");
        }
    }
}
