package org.delineate.dicom.pixel.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Truncated, damaged and unsupported streams: always a {@link JpegFormatException} saying what is wrong,
 * never another exception, a hang or an allocation beyond the expected frame size.
 */
class JpegCorruptionTest {

    private static final int WIDTH = 37;
    private static final int HEIGHT = 21;

    private static byte[] colorWithRestarts() throws IOException {
        return JdkJpeg.encode(JdkJpeg.image(WIDTH, HEIGHT, true, 7), 2, 2, 2, false);
    }

    private static int find(byte[] data, int from, int a, int b) {
        for (int i = from; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == a && (data[i + 1] & 0xFF) == b) {
                return i;
            }
        }
        throw new AssertionError(String.format("no %02X%02X", a, b));
    }

    private static JpegFormatException refused(byte[] jpeg) {
        return assertThrows(JpegFormatException.class, () -> JpegDecoder.decode(jpeg, WIDTH, HEIGHT));
    }

    @Test
    void everyTruncationInsideTheScanIsAnError() throws IOException {
        byte[] jpeg = colorWithRestarts();
        int data = find(jpeg, 0, 0xFF, 0xDA) + 2 + 12;
        int eoi = find(jpeg, data, 0xFF, 0xD9);
        for (int length = 0; length < eoi; length++) {
            JpegFormatException e = refused(Arrays.copyOf(jpeg, length));
            if (length > data + 1) {
                assertTrue(e.getMessage().contains("before the last MCU") || e.getMessage().contains("restart marker"),
                        length + ": " + e.getMessage());
            }
        }
        // Without EOI the frame is complete: tolerated, as by libjpeg.
        assertEquals(WIDTH * HEIGHT * 3, JpegDecoder.decode(Arrays.copyOf(jpeg, eoi), WIDTH, HEIGHT).samples().length);
    }

    @Test
    void damagedBytesGiveTheTypedErrorOrAnImage() throws IOException {
        byte[] jpeg = colorWithRestarts();
        Random random = new Random(42);
        for (int trial = 0; trial < 1000; trial++) {
            byte[] damaged = jpeg.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                JpegImage image = JpegDecoder.decode(damaged, WIDTH, HEIGHT);
                assertEquals(WIDTH * HEIGHT * image.components(), image.samples().length);
            } catch (JpegFormatException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            } catch (RuntimeException e) {
                fail("trial " + trial + ": " + e, e);
            }
        }
    }

    @Test
    void wrongRestartMarkerIsNamed() throws IOException {
        byte[] jpeg = colorWithRestarts();
        int rst = find(jpeg, find(jpeg, 0, 0xFF, 0xDA), 0xFF, 0xD0);
        jpeg[rst + 1] = (byte) 0xD3;
        assertTrue(refused(jpeg).getMessage().endsWith("MCU 2: expected restart marker RST0 (FFD0), found FFD3"));
    }

    @Test
    void frameOfAnotherSizeIsRefusedBeforeAllocating() throws IOException {
        byte[] jpeg = colorWithRestarts();
        int sof = find(jpeg, 0, 0xFF, 0xC0);
        jpeg[sof + 5] = (byte) 0xFF;
        jpeg[sof + 6] = (byte) 0xFF;
        jpeg[sof + 7] = (byte) 0xFF;
        jpeg[sof + 8] = (byte) 0xFF;
        assertEquals("at byte " + (sof + 9) + " of the JPEG stream: SOF0: the frame is 65535 columns x 65535 rows, "
                + "expected 37 x 21", refused(jpeg).getMessage());
    }

    @Test
    void undefinedTablesAndMissingMarkersAreNamed() throws IOException {
        byte[] jpeg = colorWithRestarts();
        assertEquals("at byte 0 of the JPEG stream: expected the SOI marker FFD8 at the start of the stream",
                refused(Arrays.copyOfRange(jpeg, 2, jpeg.length)).getMessage());

        byte[] noTables = jpeg.clone();
        int sos = find(noTables, 0, 0xFF, 0xDA);
        noTables[sos + 6] = 0x33;
        assertTrue(refused(noTables).getMessage().endsWith("SOS: component 1 uses DC Huffman table 3, which is not "
                + "defined"), refused(noTables).getMessage());

        byte[] lossless = jpeg.clone();
        lossless[find(lossless, 0, 0xFF, 0xC0) + 1] = (byte) 0xC3;
        assertTrue(refused(lossless).getMessage().endsWith("lossless (SOF3) JPEG is not supported: only sequential "
                + "Huffman-coded DCT (SOF0, SOF1)"));

        byte[] badLength = Arrays.copyOf(jpeg, find(jpeg, 0, 0xFF, 0xDB) + 3);
        assertTrue(refused(badLength).getMessage().contains("DQT marker segment without its length"),
                refused(badLength).getMessage());
    }

    @Test
    void callerMistakesAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> JpegDecoder.decode(new byte[0], 0, 5));
    }
}
