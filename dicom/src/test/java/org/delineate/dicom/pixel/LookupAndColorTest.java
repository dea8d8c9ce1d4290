package org.delineate.dicom.pixel;

import static org.delineate.dicom.pixel.Images.bytes;
import static org.delineate.dicom.pixel.Images.pixelModule;
import static org.delineate.dicom.pixel.Images.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;
import org.junit.jupiter.api.Test;

/** Palette Color LUTs, YBR to RGB and the Modality LUT: helpers that decoders never apply themselves. */
class LookupAndColorTest {

    static DataSet palette(int entries, int first, int bits) {
        DataSet ds = pixelModule(1, 3, 1, 8, 8, 7, 0, "PALETTE COLOR", 1);
        for (int tag : new int[] {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
            Tag.BluePaletteColorLookupTableDescriptor}) {
            ds.setInts(tag, VR.US, entries, first, bits);
        }
        return ds;
    }

    @Test
    void eightBitEntriesInSixteenBitWords() throws Exception {
        DataSet ds = palette(3, 10, 8);
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, words(1, 2, 3));
        ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, words(4, 5, 6));
        ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, words(7, 8, 255));
        PixelFrame indices = PixelData.frame(Images.nativeFile(ds, bytes(9, 11, 200, 0)), 0);
        assertEquals(PhotometricInterpretation.PALETTE_COLOR, indices.photometricInterpretation());
        PixelFrame rgb = PaletteColorLut.of(ds, null).apply(indices);
        // 9 is below the first mapped value 10: first entry; 200 is past the end: last entry.
        assertArrayEquals(bytes(1, 4, 7, 2, 5, 8, 3, 6, 255), rgb.bytes());
        assertEquals(PhotometricInterpretation.RGB, rgb.photometricInterpretation());
    }

    @Test
    void eightBitEntriesPackedTwoPerWord() throws Exception {
        DataSet ds = palette(4, 0, 8);
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, bytes(1, 2, 3, 4));
        ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, bytes(1, 2, 3, 4));
        ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, bytes(1, 2, 3, 4));
        PaletteColorLut lut = PaletteColorLut.of(ds, null);
        assertEquals(3, lut.lookup(0, 2));
        assertEquals(4, lut.lookup(2, 3));
    }

    @Test
    void sixteenBitAndSegmentedEntries() throws Exception {
        DataSet ds = palette(5, 0, 16);
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, words(0, 100, 65535, 3, 4));
        // discrete 0, then linear to 400 over 4 entries: 0 100 200 300 400.
        ds.setBytes(Tag.SegmentedGreenPaletteColorLookupTableData, VR.OW, words(0, 1, 0, 1, 4, 400));
        ds.setBytes(Tag.SegmentedBluePaletteColorLookupTableData, VR.OW, words(0, 5, 9, 8, 7, 6, 5));
        PaletteColorLut lut = PaletteColorLut.of(ds, null);
        assertEquals(16, lut.bits());
        assertEquals(65535, lut.lookup(0, 2));
        assertEquals(300, lut.lookup(1, 3));
        assertEquals(5, lut.lookup(2, 4));
    }

    @Test
    void missingPaletteDataIsNamed() {
        DataSet ds = palette(3, 0, 8);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> PaletteColorLut.of(ds, "p.dcm"));
        assertEquals("p.dcm: (0028,1201) RedPaletteColorLookupTableData: missing, and no segmented data either",
                e.getMessage());
    }

    @Test
    void ybrFullToRgbInvertsPs33Equations() throws Exception {
        // RGB (255, 0, 0) is Y 76.245, Cb 84.97, Cr 255.5 in full range (PS3.3 C.7.6.3.1.2); gray stays gray.
        DataSet ds = pixelModule(1, 2, 3, 8, 8, 7, 0, "YBR_FULL", 1);
        PixelFrame ybr = PixelData.frame(Images.nativeFile(ds, bytes(76, 85, 255, 128, 128, 128)), 0);
        PixelFrame rgb = ColorConversion.ybrToRgb(ybr);
        assertArrayEquals(new long[] {254, 0, 0, 128, 128, 128}, values(rgb));
        assertThrows(IllegalArgumentException.class, () -> ColorConversion.ybrToRgb(rgb));
    }

    @Test
    void modalityLutIsRescaleOrFunctionalGroups() throws Exception {
        DataSet ds = pixelModule(1, 2, 1, 16, 12, 11, 1, "MONOCHROME2", 1);
        ds.setDoubles(Tag.RescaleSlope, VR.DS, 2);
        ds.setDoubles(Tag.RescaleIntercept, VR.DS, -1024);
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ModalityLut lut = ModalityLut.of(ds);
        assertEquals(new ModalityLut(2, -1024, "HU"), lut);
        PixelFrame f = PixelData.frame(Images.nativeFile(ds, words(10, 0xFFF)), 0);
        assertArrayEquals(new float[] {-1004, -1026}, lut.apply(f));

        DataSet enhanced = new DataSet();
        DataSet shared = enhanced.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        DataSet transformation = shared.newSequence(Tag.PixelValueTransformationSequence).addItem();
        transformation.setDoubles(Tag.RescaleSlope, VR.DS, 0.5);
        transformation.setDoubles(Tag.RescaleIntercept, VR.DS, 3);
        assertEquals(4.0, ModalityLut.of(enhanced, 0).apply(2));
        assertEquals(ModalityLut.IDENTITY, ModalityLut.of(new DataSet()));
    }

    static long[] values(PixelFrame f) {
        long[] v = new long[f.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.value(i);
        }
        return v;
    }
}
