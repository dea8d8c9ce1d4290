package org.delineate.dicom.pixel.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Our decoder against the JDK's libjpeg on 8-bit baseline streams the JDK encodes: grayscale and YCbCr with
 * 4:2:0, 4:2:2, 4:4:4 and other sampling, odd sizes (partial MCUs), restart intervals, and the same
 * coefficients rewritten as one scan per component ({@link ScanSplitter}). Samples may differ by 1 (integer versus exact inverse DCT), no more.
 */
class JpegDecoderTest {

    @ParameterizedTest(name = "{0}x{1} color={2} sampling {3}x{4} restart {5}")
    @CsvSource({
        "64, 48, false, 0, 0, 0",
        "77, 45, false, 0, 0, 0",
        "77, 45, false, 0, 0, 5",
        "77, 45, true, 2, 2, 0",
        "77, 45, true, 2, 2, 3",
        "77, 45, true, 2, 1, 0",
        "77, 45, true, 2, 1, 7",
        "77, 45, true, 1, 1, 0",
        "77, 45, true, 1, 2, 0",
        "77, 45, true, 4, 1, 0",
        "77, 45, true, 4, 2, 5",
        "1, 1, true, 2, 2, 0",
        "2, 17, true, 2, 2, 1",
        "300, 200, true, 2, 2, 0"})
    void decodesLikeTheJdk(int width, int height, boolean color, int h, int v, int restart) throws IOException {
        BufferedImage image = JdkJpeg.image(width, height, color, width * 31L + height);
        byte[] jpeg = JdkJpeg.encode(image, h, v, restart, false);
        if (restart > 0) {
            assertTrue(contains(jpeg, 0xFF, 0xDD), "the stream has a DRI marker");
        }
        Raster expected = JdkJpeg.decode(jpeg);
        JpegImage ours = JpegDecoder.decode(jpeg, width, height);
        assertEquals(expected.getNumBands(), ours.components());
        assertEquals(8, ours.precision());
        int[] theirs = expected.getPixels(0, 0, width, height, (int[]) null);
        int max = 0;
        String first = "";
        for (int i = 0; i < theirs.length; i++) {
            int d = Math.abs(theirs[i] - ours.samples()[i]);
            if (d > max) {
                max = d;
                int pixel = i / ours.components();
                first = " at row " + pixel / width + " column " + pixel % width + " component " + i % ours.components()
                        + ": JDK " + theirs[i] + ", ours " + ours.samples()[i];
            }
        }
        assertTrue(max <= 1, "max difference " + max + first);
    }

    @ParameterizedTest(name = "{0}x{1} sampling {2}x{3}")
    @CsvSource({"77, 45, 2, 2", "77, 45, 2, 1", "64, 48, 1, 1", "77, 45, 4, 2", "9, 30, 1, 2"})
    void decodesOneScanPerComponent(int width, int height, int h, int v) throws IOException {
        byte[] interleaved = JdkJpeg.encode(JdkJpeg.image(width, height, true, 3), h, v, 0, false);
        byte[] separate = ScanSplitter.split(interleaved);
        int scans = 0;
        for (int i = 0; i + 1 < separate.length; i++) {
            scans += (separate[i] & 0xFF) == 0xFF && (separate[i + 1] & 0xFF) == 0xDA ? 1 : 0;
        }
        assertEquals(3, scans);
        JpegImage ours = JpegDecoder.decode(separate, width, height);
        assertArrayEquals(JpegDecoder.decode(interleaved, width, height).samples(), ours.samples());
        int[] theirs = JdkJpeg.decode(interleaved).getPixels(0, 0, width, height, (int[]) null);
        for (int i = 0; i < theirs.length; i++) {
            assertTrue(Math.abs(theirs[i] - ours.samples()[i]) <= 1, "value " + i);
        }
    }

    @Test
    void progressiveIsRefusedClearly() throws IOException {
        byte[] jpeg = JdkJpeg.encode(JdkJpeg.image(40, 30, true, 1), 0, 0, 0, true);
        JpegFormatException e = assertThrows(JpegFormatException.class, () -> JpegDecoder.decode(jpeg, 40, 30));
        assertTrue(e.getMessage().endsWith("progressive DCT (SOF2), not a DICOM JPEG process JPEG is not supported: "
                + "only sequential Huffman-coded DCT (SOF0, SOF1)"), e.getMessage());
    }

    static boolean contains(byte[] data, int a, int b) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == a && (data[i + 1] & 0xFF) == b) {
                return true;
            }
        }
        return false;
    }
}
