package org.delineate.dicom.pixel;

import static org.delineate.dicom.pixel.Images.bytes;
import static org.delineate.dicom.pixel.Images.pixelModule;
import static org.delineate.dicom.pixel.Images.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

/** Native Pixel Data: bit packing, planar configuration, BitsStored/HighBit, byte order, validation messages. */
class NativePixelDataTest {

    @Test
    void oneBitFramesOf23x38StartMidByte() throws Exception {
        // 23 * 38 = 874 bits per frame: frame 2 starts at bit 2 of byte 109, frame 3 at bit 4 of byte 218.
        int rows = 38;
        int columns = 23;
        int frames = 3;
        int bitsPerFrame = rows * columns;
        boolean[] bits = new boolean[bitsPerFrame * frames];
        Random random = new Random(23 * 38);
        byte[] packed = new byte[(bits.length + 7) / 8 + 1];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = random.nextBoolean();
            if (bits[i]) {
                packed[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        PixelData pixels = PixelData.of(Images.nativeFile(pixelModule(rows, columns, 1, 1, 1, 0, 0, "MONOCHROME2", frames),
                packed));
        for (int f = 0; f < frames; f++) {
            byte[] values = pixels.frame(f).bytes();
            for (int i = 0; i < bitsPerFrame; i++) {
                assertEquals(bits[f * bitsPerFrame + i] ? 1 : 0, values[i], "frame " + f + " pixel " + i);
            }
        }
    }

    @Test
    void planarConfigurationOneIsReturnedInterleaved() throws Exception {
        DataSet ds = pixelModule(1, 2, 3, 8, 8, 7, 0, "RGB", 1);
        ds.setInts(Tag.PlanarConfiguration, VR.US, 1);
        PixelFrame f = PixelData.frame(Images.nativeFile(ds, bytes(1, 2, 3, 4, 5, 6)), 0);
        assertArrayEquals(bytes(1, 3, 5, 2, 4, 6), f.bytes());
        assertEquals(1, f.format().originalPlanarConfiguration());
    }

    @Test
    void signedTwelveBitIgnoresGarbageAboveHighBit() throws Exception {
        // -1, 2047, -2048, 5 as 12-bit two's complement, with garbage in bits 12 to 15 (dcm_qa_12bit style).
        byte[] pixels = words(0xAFFF, 0x57FF, 0x3800, 0xF005);
        PixelFrame f = PixelData.frame(Images.nativeFile(pixelModule(2, 2, 1, 16, 12, 11, 1, "MONOCHROME2", 1), pixels), 0);
        assertArrayEquals(new short[] {-1, 2047, -2048, 5}, f.shorts());
        PixelFrame u = PixelData.frame(Images.nativeFile(pixelModule(2, 2, 1, 16, 12, 11, 0, "MONOCHROME2", 1), pixels), 0);
        assertArrayEquals(new short[] {0xFFF, 0x7FF, 0x800, 5}, u.shorts());
    }

    @Test
    void highBitAboveBitsStoredShiftsValuesDown() throws Exception {
        // BitsStored 12 in bits 4 to 15 (HighBit 15): 0xABC0 is 0xABC unsigned, -1348 signed.
        PixelFrame f = PixelData.frame(Images.nativeFile(pixelModule(1, 1, 1, 16, 12, 15, 0, "MONOCHROME2", 1),
                words(0xABC5)), 0);
        assertEquals(0xABC, f.value(0));
        PixelFrame s = PixelData.frame(Images.nativeFile(pixelModule(1, 1, 1, 16, 12, 15, 1, "MONOCHROME2", 1),
                words(0xABC5)), 0);
        assertEquals(0xABC - 4096, s.value(0));
    }

    @Test
    void unsignedSixteenBitReadsAsUnsigned() throws Exception {
        PixelFrame f = PixelData.frame(Images.nativeFile(pixelModule(1, 1, 1, 16, 16, 15, 0, "MONOCHROME1", 1),
                words(0xFFFE)), 0);
        assertEquals(65534, f.value(0));
        assertEquals(PhotometricInterpretation.MONOCHROME1, f.photometricInterpretation());
    }

    @Test
    void bigEndianOwSwapsWordsAndPairsOfEightBitValues() throws Exception {
        DataSet ds = new DataSet();
        ds.setBigEndian(true);
        pixelModule(ds, 1, 2, 1, 16, 16, 15, 0, "MONOCHROME2", 1);
        ds.put(DataElement.of(Tag.PixelData, VR.OW, bytes(0x01, 0x02, 0x03, 0x04)));
        assertArrayEquals(new short[] {0x0102, 0x0304},
                PixelData.frame(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN), 0).shorts());
        DataSet eight = new DataSet();
        eight.setBigEndian(true);
        pixelModule(eight, 1, 3, 1, 8, 8, 7, 0, "MONOCHROME2", 1);
        eight.put(DataElement.of(Tag.PixelData, VR.OW, bytes(2, 1, 0, 3)));
        assertArrayEquals(bytes(1, 2, 3), PixelData.frame(DicomFile.of(eight, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN), 0).bytes());
    }

    @Test
    void ybrFull422IsExpandedToThreeSamplesPerPixel() throws Exception {
        DataSet ds = pixelModule(1, 2, 3, 8, 8, 7, 0, "YBR_FULL_422", 1);
        PixelFrame f = PixelData.frame(Images.nativeFile(ds, bytes(10, 20, 100, 200)), 0);
        assertArrayEquals(bytes(10, 100, 200, 20, 100, 200), f.bytes());
        assertEquals(PhotometricInterpretation.YBR_FULL, f.photometricInterpretation());
    }

    @Test
    void floatPixelData() throws Exception {
        DataSet ds = pixelModule(1, 2, 1, 32, 32, 31, 0, "MONOCHROME2", 1);
        ds.remove(Tag.BitsStored);
        ds.remove(Tag.HighBit);
        ds.remove(Tag.PixelRepresentation);
        ds.setDoubles(Tag.FloatPixelData, VR.OF, 1.5, -2.25);
        PixelFrame f = PixelData.frame(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), 0);
        assertArrayEquals(new float[] {1.5f, -2.25f}, f.floats());
    }

    @Test
    void missingRowsIsNamed() {
        DataSet ds = pixelModule(2, 2, 1, 8, 8, 7, 0, "MONOCHROME2", 1);
        ds.remove(Tag.Rows);
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> PixelData.of(Images.nativeFile(ds, new byte[4])));
        assertEquals("<stream>: (0028,0010) Rows: missing or empty; expected a value from 1 to 65535", e.getMessage());
    }

    @Test
    void bitsAllocatedTwelveIsRefused() {
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> PixelDescription.of(pixelModule(2, 2, 1, 12, 12, 11, 0, "MONOCHROME2", 1), "x.dcm"));
        assertEquals("x.dcm: (0028,0100) BitsAllocated: found 12, expected 1, 8, 16 or 32", e.getMessage());
    }

    @Test
    void highBitNotBelowBitsAllocatedIsRefused() {
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> PixelDescription.of(pixelModule(2, 2, 1, 16, 12, 16, 0, "MONOCHROME2", 1), "x.dcm"));
        assertEquals("x.dcm: (0028,0102) HighBit: found 16, expected from BitsStored - 1 = 11 to BitsAllocated - 1 = 15",
                e.getMessage());
    }

    @Test
    void samplesMustMatchThePhotometricInterpretation() {
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> PixelDescription.of(pixelModule(2, 2, 1, 8, 8, 7, 0, "RGB", 1), "x.dcm"));
        assertEquals("x.dcm: (0028,0002) SamplesPerPixel: found 1, expected 3 for PhotometricInterpretation RGB",
                e.getMessage());
    }

    @Test
    void shortPixelDataGivesActualAndExpectedLengths() {
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> PixelData.of(Images.nativeFile(pixelModule(2, 3, 1, 16, 16, 15, 0, "MONOCHROME2", 2), new byte[20])));
        assertEquals("<stream>: (7FE0,0010) PixelData: value is 20 bytes, expected at least 24 = Rows 2 * Columns 3 "
                + "* 1 samples * BitsAllocated 16 / 8 * NumberOfFrames 2", e.getMessage());
    }

    @Test
    void frameIndexOutsideTheFramesIsACallerMistake() throws Exception {
        PixelData pixels = PixelData.of(Images.nativeFile(pixelModule(1, 1, 1, 8, 8, 7, 0, "MONOCHROME2", 1), new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> pixels.frame(1));
    }
}
