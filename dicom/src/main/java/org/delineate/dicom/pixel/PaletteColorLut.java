package org.delineate.dicom.pixel;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;

/**
 * The Red, Green and Blue Palette Color Lookup Tables (PS3.3 C.7.6.3.1.5 and C.7.9) of a PALETTE COLOR
 * image, applied on request to a frame of indices to give an RGB frame. Never applied by the decoders.
 * Immutable.
 *
 * <p>Descriptor: number of entries (0 meaning 65536), first mapped value, bits per entry (8 or 16).
 * Indices below the first mapped value map to the first entry, above the last to the last. Data:
 * one entry per 16-bit word; for 8-bit entries also two per word (when the data has as many bytes as
 * entries). Segmented data (C.7.9.2) is expanded for its discrete and linear segments.
 */
public final class PaletteColorLut {

    private static final int[] DESCRIPTORS = {Tag.RedPaletteColorLookupTableDescriptor,
        Tag.GreenPaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableDescriptor};
    private static final int[] DATA = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
        Tag.BluePaletteColorLookupTableData};
    private static final int[] SEGMENTED = {Tag.SegmentedRedPaletteColorLookupTableData,
        Tag.SegmentedGreenPaletteColorLookupTableData, Tag.SegmentedBluePaletteColorLookupTableData};

    private final int[][] tables = new int[3][];
    private final int[] firstMapped = new int[3];
    private final int bits;

    private PaletteColorLut(DataSet ds, String source) throws DicomFormatException {
        int entryBits = 0;
        for (int c = 0; c < 3; c++) {
            long[] d = ds.getLongs(DESCRIPTORS[c]);
            if (d.length != 3) {
                throw PixelDescription.error(source, DESCRIPTORS[c], "found " + d.length
                        + " values, expected 3 (entries, first mapped value, bits per entry)");
            }
            int entries = d[0] == 0 ? 65536 : (int) (d[0] & 0xFFFF);
            firstMapped[c] = (int) d[1];
            if (d[2] != 8 && d[2] != 16) {
                throw PixelDescription.error(source, DESCRIPTORS[c], "bits per entry " + d[2] + ", expected 8 or 16");
            }
            entryBits = Math.max(entryBits, (int) d[2]);
            DataElement data = ds.get(DATA[c]);
            DataElement segmented = ds.get(SEGMENTED[c]);
            if (data != null && data.hasBytes()) {
                tables[c] = plain(data.bytes(), entries, (int) d[2], ds.bigEndian(), source, DATA[c]);
            } else if (segmented != null && segmented.hasBytes()) {
                tables[c] = PaletteSegments.expand(words(segmented.bytes(), ds.bigEndian()), entries, source,
                        SEGMENTED[c]);
            } else {
                throw PixelDescription.error(source, DATA[c], "missing, and no segmented data either");
            }
        }
        bits = entryBits;
    }

    /**
     * The palette of {@code ds}.
     *
     * @param source the file name for messages, or null
     * @throws DicomFormatException naming the descriptor or data attribute that is missing or malformed
     */
    public static PaletteColorLut of(DataSet ds, String source) throws DicomFormatException {
        return new PaletteColorLut(ds, source == null ? "<data set>" : source);
    }

    private static int[] plain(byte[] bytes, int entries, int entryBits, boolean bigEndian, String source, int tag)
            throws DicomFormatException {
        int[] table = new int[entries];
        if (entryBits == 8 && bytes.length >= entries && bytes.length < 2 * entries) {
            // NB: two 8-bit entries per 16-bit word, the first in the low byte: the bytes in data set order.
            int[] words = words(bytes, bigEndian);
            for (int i = 0; i < entries; i++) {
                int w = words[i / 2];
                table[i] = (i % 2 == 0 ? w : w >>> 8) & 0xFF;
            }
            return table;
        }
        if (bytes.length < 2 * entries) {
            throw PixelDescription.error(source, tag, "value is " + bytes.length + " bytes, expected " + 2 * entries
                    + " for " + entries + " entries");
        }
        int[] words = words(bytes, bigEndian);
        boolean highByte = false;
        if (entryBits == 8) {
            // NB: 8-bit entries in 16-bit words are in the low byte; some writers put them in the high byte.
            boolean anyLow = false;
            for (int i = 0; i < entries; i++) {
                anyLow |= (words[i] & 0xFF) != 0;
                highByte |= words[i] > 0xFF;
            }
            highByte &= !anyLow;
        }
        for (int i = 0; i < entries; i++) {
            table[i] = highByte ? words[i] >>> 8 : entryBits == 8 ? words[i] & 0xFF : words[i];
        }
        return table;
    }

    static int[] words(byte[] bytes, boolean bigEndian) {
        int[] words = new int[bytes.length / 2];
        for (int i = 0; i < words.length; i++) {
            int a = bytes[2 * i] & 0xFF;
            int b = bytes[2 * i + 1] & 0xFF;
            words[i] = bigEndian ? a << 8 | b : b << 8 | a;
        }
        return words;
    }

    /** Bits per entry of the result: 8 or 16. */
    public int bits() {
        return bits;
    }

    /** The entry of {@code index} in table {@code component} (0 red, 1 green, 2 blue). */
    public int lookup(int component, long index) {
        int[] table = tables[component];
        long i = index - firstMapped[component];
        return table[(int) Math.max(0, Math.min(table.length - 1, i))];
    }

    /**
     * The RGB frame of a PALETTE COLOR frame: bytes for 8-bit entries, shorts (unsigned) for 16-bit.
     *
     * @throws IllegalArgumentException for a frame with more than one sample per pixel
     */
    public PixelFrame apply(PixelFrame indices) {
        if (indices.samplesPerPixel() != 1) {
            throw new IllegalArgumentException("palette indices have one sample per pixel, not "
                    + indices.samplesPerPixel());
        }
        int pixels = indices.length();
        FrameFormat f = indices.format();
        FrameFormat format = new FrameFormat(f.rows(), f.columns(), 3, bits, false, PhotometricInterpretation.RGB,
                f.originalPlanarConfiguration());
        if (bits == 8) {
            byte[] out = new byte[pixels * 3];
            for (int p = 0; p < pixels; p++) {
                long index = indices.value(p);
                for (int c = 0; c < 3; c++) {
                    out[3 * p + c] = (byte) lookup(c, index);
                }
            }
            return new PixelFrame(indices.frameIndex(), format, out);
        }
        short[] out = new short[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            long index = indices.value(p);
            for (int c = 0; c < 3; c++) {
                out[3 * p + c] = (short) lookup(c, index);
            }
        }
        return new PixelFrame(indices.frameIndex(), format, out);
    }
}
