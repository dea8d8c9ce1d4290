package org.delineate.dicom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code delineate dump}: output, exit codes and error messages as users see them. */
class DumpCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run dump(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandRunner(new DumpCommand(), "test").execute(new PrintWriter(out), new PrintWriter(err),
                args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsElementsWithKeywordsAndNestedItems() {
        Path rtplan = TestFiles.PYDICOM_DATA.resolve("test_files/rtplan.dcm");
        Assumptions.assumeTrue(Files.exists(rtplan), "pydicom's corpus is not installed");
        Run run = dump(rtplan.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(0010,0010) PN PatientName"), run.out());
        assertTrue(run.out().contains("(300A,00B0) SQ BeamSequence"), run.out());
        assertTrue(run.out().contains("  > item 1"), run.out());
        assertTrue(run.out().contains("(0002,0010) UI TransferSyntaxUID"), run.out());
    }

    @Test
    void withoutFileDumpsTheGeneratedSample() {
        Run run = dump();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Phantom^Delineate"), run.out());
        assertTrue(run.out().contains("(7FE0,0010) OW PixelData"), run.out());
    }

    @Test
    void unreadableFileExitsOneWithAOneLineMessage() throws Exception {
        Path bad = tmp.resolve("bad.dcm");
        byte[] bytes = new byte[200];
        bytes[128] = 'D';
        bytes[129] = 'I';
        bytes[130] = 'C';
        bytes[131] = 'M';
        bytes[132] = 0x02; // (0002,0000) UL with a length running past the end
        bytes[136] = 'U';
        bytes[137] = 'L';
        bytes[138] = (byte) 0xFF;
        bytes[139] = 0x7F;
        Files.write(bad, bytes);
        Run run = dump(bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(bad.toString()) && run.err().contains("at byte"), run.err());
        assertTrue(run.err().contains("(0002,0000) FileMetaInformationGroupLength"), run.err());
    }

    @Test
    void missingFileExitsOne() {
        Run run = dump(tmp.resolve("absent.dcm").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void pixelsAreWrittenLittleEndianAsPydicomDecodesThem() throws Exception {
        org.delineate.dicom.Peers.assumePydicom();
        Path source = TestFiles.PYDICOM_DATA.resolve("test_files/SC_rgb_rle_16bit_2frame.dcm");
        Path raw = tmp.resolve("frames.raw");
        Run run = dump("--pixels", raw.toString(), source.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pixels: rows 100, columns 100, frames 2, samples 3, bits 16 (stored 16), unsigned"),
                run.out());
        Path expected = tmp.resolve("expected.raw");
        var python = org.delineate.dicom.Peers.run(java.util.List.of(org.delineate.dicom.Peers.PYTHON, "-c",
                "import pydicom,sys; d=pydicom.dcmread(sys.argv[1]); open(sys.argv[2],'wb').write(d.pixel_array.astype('<u2').tobytes())",
                source.toString(), expected.toString()), 120);
        assertEquals(0, python.exitCode(), python.all());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(raw));
        try (var left = Files.list(tmp)) {
            assertEquals(2, left.count(), "no temporary file is left beside the output");
        }
    }

    @Test
    void usageErrorExitsTwo() {
        assertEquals(2, dump("--no-such-option").exitCode());
    }

    @Test
    void jsonGoesToStandardOutput() {
        Run run = dump("--json", "--header-only");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().strip().startsWith("{") && run.out().strip().endsWith("}"), run.out());
        assertTrue(run.out().contains("\"00100010\" : {\n    \"vr\" : \"PN\",\n    \"Value\" : [ {\n      \"Alphabetic\" : \"Phantom^Delineate\""),
                run.out());
        assertTrue(!run.out().contains("\"7FE00010\""), "header-only stops before Pixel Data");
    }
}
