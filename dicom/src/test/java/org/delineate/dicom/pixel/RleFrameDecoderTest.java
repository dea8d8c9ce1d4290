package org.delineate.dicom.pixel;

import static org.delineate.dicom.pixel.Images.bytes;
import static org.delineate.dicom.Bytes.concat;
import static org.delineate.dicom.pixel.Images.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.delineate.dicom.io.DicomFormatException;
import org.junit.jupiter.api.Test;

/**
 * RLE Lossless frames encoded by hand from PS3.5 Annex G: a 64-byte header (segment count and 15 offsets,
 * the first 64), PackBits segments (n >= 0 copies n + 1 bytes, -127..-1 repeats the next byte 1 - n
 * times, -128 is a no-op), one segment per byte of each sample, most significant byte first.
 */
class RleFrameDecoderTest {

    static final String RLE = "1.2.840.10008.1.2.5";

    /** The header for segments of the given lengths. */
    static byte[] header(int... segmentLengths) {
        long[] h = new long[16];
        h[0] = segmentLengths.length;
        long offset = 64;
        for (int s = 0; s < segmentLengths.length; s++) {
            h[s + 1] = offset;
            offset += segmentLengths[s];
        }
        return longs(h);
    }

    static PixelFrame decode(int rows, int columns, int samples, int bits, int representation, byte[]... segments)
            throws Exception {
        int[] lengths = new int[segments.length];
        for (int i = 0; i < segments.length; i++) {
            lengths[i] = segments[i].length;
        }
        byte[] frame = concat(header(lengths), concat(segments));
        return PixelData.frame(Images.encapsulatedFile(Images.pixelModule(rows, columns, samples, bits, bits, bits - 1,
                representation, samples == 1 ? "MONOCHROME2" : "RGB", 1), RLE, new byte[0], frame), 0);
    }

    @Test
    void eightBitRepeatAndLiteralRuns() throws Exception {
        // 1 1 1 | 2 3 4: repeat run -2 (3 times 1), literal run 2 (3 bytes), then -128 (no-op) as padding.
        PixelFrame f = decode(2, 3, 1, 8, 0, bytes(0xFE, 1, 2, 2, 3, 4, 0x80, 0));
        assertArrayEquals(bytes(1, 1, 1, 2, 3, 4), f.bytes());
    }

    @Test
    void sixteenBitSegmentsAreMostSignificantByteFirst() throws Exception {
        // values 0x0102 and 0xFF03: high bytes 01 FF, low bytes 02 03.
        PixelFrame f = decode(1, 2, 1, 16, 1, bytes(1, 0x01, 0xFF, 0), bytes(1, 0x02, 0x03, 0));
        assertArrayEquals(new short[] {0x0102, (short) 0xFF03}, f.shorts());
        assertEquals(-253, f.value(1));
    }

    @Test
    void thirtyTwoBitUsesFourSegmentsPerSample() throws Exception {
        PixelFrame f = decode(1, 1, 1, 32, 0, bytes(0, 0x12, 0x80, 0), bytes(0, 0x34, 0x80, 0), bytes(0, 0x56, 0x80, 0),
                bytes(0, 0x78, 0x80, 0));
        assertArrayEquals(new int[] {0x12345678}, f.ints());
    }

    @Test
    void threeSamplesAreInterleavedFromTheirPlanes() throws Exception {
        PixelFrame f = decode(1, 2, 3, 8, 0, bytes(1, 10, 20), bytes(0xFF, 30), bytes(1, 40, 50));
        assertArrayEquals(bytes(10, 30, 40, 20, 30, 50), f.bytes());
        assertEquals(PhotometricInterpretation.RGB, f.photometricInterpretation());
    }

    @Test
    void wrongSegmentCountIsNamed() {
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> decode(1, 2, 3, 8, 0, bytes(1, 10, 20), bytes(0xFF, 30)));
        assertEquals("<stream>: (7FE0,0010) PixelData: frame 1: the RLE header declares 2 segments, expected 3 = "
                + "SamplesPerPixel 3 * 1 byte(s) per sample", e.getMessage());
    }

    @Test
    void shortSegmentIsCorruptData() {
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> decode(2, 3, 1, 8, 0, bytes(0xFE, 1)));
        assertEquals("<stream>: (7FE0,0010) PixelData: frame 1: RLE segment 1 decodes to 3 bytes, expected 6 = Rows * Columns",
                e.getMessage());
    }

    @Test
    void runPastTheFrameIsCorruptData() {
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> decode(1, 2, 1, 8, 0, bytes(0xF0, 1)));
        assertEquals("<stream>: (7FE0,0010) PixelData: frame 1: RLE segment 1 has a repeat run of 17 bytes that "
                + "overruns the segment or the 2 bytes expected", e.getMessage());
    }
}
