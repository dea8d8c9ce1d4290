package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 12-bit JPEG Extended (1.2.840.10008.1.2.4.51, SOF1) decoded by Delineate's own decoder, compared with
 * dcmtk's {@code dcmdjpeg} (IJG libjpeg built for 12 bits): pydicom's two 12-bit files, and streams that
 * dcmtk's {@code dcmcjpeg} encodes at test time from a 12-bit mosaic of {@code dcm_qa_12bit} and from an RGB
 * image (as YCbCr with 4:2:2, 4:1:1 and 4:4:4 sampling). Samples may differ by 1 (exact versus integer
 * inverse DCT) and must not by more than {@value PydicomComparisonTest#LOSSY_TOLERANCE}.
 */
class TwelveBitJpegTest {

    private static final Path DCMCJPEG = Path.of("/usr/bin/dcmcjpeg");
    private static final Path DCMDJPEG = Path.of("/usr/bin/dcmdjpeg");
    private static final Path DCMDRLE = Path.of("/usr/bin/dcmdrle");
    private static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";

    @TempDir
    Path tmp;

    /** How two decodings of the same Pixel Data differ. */
    record Difference(long values, long differing, long max) {
    }

    private static void dcmtk(Path tool, String... arguments) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(tool), () -> tool + " (Debian dcmtk) is not installed");
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(Arrays.asList(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command + " failed: " + output);
        }
    }

    /** Decodes {@code jpegFile} with Delineate and with dcmdjpeg (no color conversion), and compares. */
    private Difference compareWithDcmdjpeg(Path jpegFile) throws IOException, InterruptedException {
        Path reference = tmp.resolve(jpegFile.getFileName() + ".dcmdjpeg.dcm");
        dcmtk(DCMDJPEG, "+cn", jpegFile.toString(), reference.toString());
        PixelData ours = PixelData.of(DicomReader.read(jpegFile));
        assertEquals(JPEG_EXTENDED, ours.transferSyntax().uid(), jpegFile.toString());
        PixelData theirs = PixelData.of(DicomReader.read(reference));
        assertEquals(theirs.numberOfFrames(), ours.numberOfFrames());
        long values = 0;
        long differing = 0;
        long max = 0;
        for (int f = 0; f < ours.numberOfFrames(); f++) {
            PixelFrame a = ours.frame(f);
            PixelFrame b = theirs.frame(f);
            assertEquals(b.format(), a.format(), "frame " + f + " of " + jpegFile);
            for (int i = 0; i < a.length(); i++) {
                long d = Math.abs(a.value(i) - b.value(i));
                differing += d == 0 ? 0 : 1;
                max = Math.max(max, d);
            }
            values += a.length();
        }
        return new Difference(values, differing, max);
    }

    private static void assertWithinTolerance(String name, Difference d) {
        System.out.println("12-bit JPEG " + name + " vs dcmdjpeg: " + d);
        assertTrue(d.max() <= PydicomComparisonTest.LOSSY_TOLERANCE, name + ": " + d);
    }

    private static int precision(Path file) throws IOException {
        byte[] jpeg = DicomReader.read(file).dataSet().get(Tag.PixelData).fragments().item(1);
        return JpegHeader.parse(jpeg, file.toString(), 0).precision();
    }

    @Test
    void pydicomTwelveBitFilesMatchDcmdjpeg() throws Exception {
        for (String name : new String[] {"JPEG-lossy.dcm", "JPGExtended.dcm"}) {
            Path file = CorpusCrossCheckTest.pydicomFile(name);
            assertEquals(12, precision(file));
            assertWithinTolerance(name, compareWithDcmdjpeg(file));
        }
    }

    @Test
    void dcmcjpegTwelveBitStreamsMatchDcmdjpeg() throws Exception {
        Path mosaic = CorpusCrossCheckTest.existing(TestFiles.testdata().resolve("dcm_qa_12bit/In/12bitUnsigned.dcm"));
        Path mono = tmp.resolve("mono12.dcm");
        dcmtk(DCMCJPEG, "+ee", mosaic.toString(), mono.toString());
        assertEquals(12, precision(mono));
        assertWithinTolerance("dcm_qa_12bit 12bitUnsigned.dcm", compareWithDcmdjpeg(mono));

        Path rgb = tmp.resolve("rgb.dcm");
        dcmtk(DCMDRLE, CorpusCrossCheckTest.pydicomFile("SC_rgb_rle_2frame.dcm").toString(), rgb.toString());
        for (String sampling : new String[] {"+s2", "+n1", "+s4"}) {
            Path color = tmp.resolve("rgb12" + sampling + ".dcm");
            dcmtk(DCMCJPEG, "+ee", "+bt", sampling, rgb.toString(), color.toString());
            assertEquals(12, precision(color));
            assertWithinTolerance("SC_rgb_rle_2frame.dcm " + sampling, compareWithDcmdjpeg(color));
        }
    }

    @Test
    void twelveBitProgressiveIsRefusedWithTheProcessNamed() throws Exception {
        Path mosaic = CorpusCrossCheckTest.existing(TestFiles.testdata().resolve("dcm_qa_12bit/In/12bitUnsigned.dcm"));
        Path progressive = tmp.resolve("progressive12.dcm");
        dcmtk(DCMCJPEG, "+ep", mosaic.toString(), progressive.toString());
        DicomFile file = DicomReader.read(progressive);
        byte[] sof2 = file.dataSet().get(Tag.PixelData).fragments().item(1);
        // The same stream labelled JPEG Extended, which it is not.
        DicomFile labelled = Images.encapsulatedFile(file.dataSet(), JPEG_EXTENDED, new byte[0], sof2);
        UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                () -> PixelData.frame(labelled, 0));
        assertTrue(e.getMessage().endsWith("(JPEG Extended (Process 2 and 4)): frame 1 is 12-bit DCT JPEG (SOF2); only "
                + "the sequential Huffman-coded processes (SOF0, SOF1) are decoded at that precision"), e.getMessage());
    }

    @Test
    void truncatedTwelveBitFrameNamesFileFrameAndMcu() throws IOException {
        DicomFile file = DicomReader.read(CorpusCrossCheckTest.pydicomFile("JPGExtended.dcm"));
        byte[] jpeg = file.dataSet().get(Tag.PixelData).fragments().item(1);
        DataSet ds = file.dataSet();
        ds.put(DataElement.of(Tag.PixelData, VR.OB, new Fragments().add(new byte[0])
                .add(Arrays.copyOf(jpeg, jpeg.length / 2))));
        DicomFile damaged = new DicomFile(null, file.fileMeta(), ds, file.transferSyntax(), List.of(), file.source(), true);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> PixelData.frame(damaged, 0));
        assertTrue(e.getMessage().matches("\\Q" + file.source() + ": (7FE0,0010) PixelData: frame 1: JPEG decoding "
                + "failed: at byte \\E\\d+\\Q of the JPEG stream: MCU \\E\\d+\\Q: the entropy-coded data ends (at the end "
                + "of the stream) before the last MCU of the scan\\E"), e.getMessage());
    }
}
