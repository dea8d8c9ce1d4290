package org.delineate.dicom.pixel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;

/**
 * Which fragments of encapsulated Pixel Data (PS3.5 A.4) make up each frame, found from the Extended
 * Offset Table, else the Basic Offset Table, else the fragments themselves. Reads fragments only when a
 * frame is asked for (and the first and last bytes of each when there is no usable offset table).
 * Immutable once built.
 */
final class EncapsulatedFrames {

    private static final int ITEM_HEADER = 8;

    private final Fragments fragments;
    /** firstItem[f] is the item index of the first fragment of frame f; firstItem[frames] = fragments.size(). */
    private final int[] firstItem;

    private EncapsulatedFrames(Fragments fragments, int[] firstItem) {
        this.fragments = fragments;
        this.firstItem = firstItem;
    }

    /**
     * Indexes the frames of {@code pixelData}.
     *
     * @param ds the data set, for the Extended Offset Table
     * @throws DicomFormatException when the frames cannot be told apart
     */
    static EncapsulatedFrames of(Fragments pixelData, int frames, DataSet ds, String source) throws IOException {
        int count = pixelData.size() - 1;
        if (count < 1) {
            throw PixelDescription.error(source, Tag.PixelData,
                    "encapsulated Pixel Data has no fragments after the Basic Offset Table, expected " + frames
                    + " frame(s)");
        }
        long[] position = new long[count + 2];
        for (int item = 1; item <= count; item++) {
            position[item + 1] = position[item] + ITEM_HEADER + pixelData.itemLength(item);
        }
        int[] first = fromOffsets(extendedOffsets(ds), position, count, frames);
        if (first == null) {
            first = fromOffsets(basicOffsets(pixelData.item(0)), position, count, frames);
        }
        if (first == null && frames == 1) {
            first = new int[] {1, count + 1};
        }
        if (first == null && count == frames) {
            first = new int[frames + 1];
            for (int f = 0; f <= frames; f++) {
                first[f] = f + 1;
            }
        }
        if (first == null) {
            first = fromMarkers(pixelData, count, frames);
        }
        if (first == null) {
            throw PixelDescription.error(source, Tag.PixelData, count + " fragments and no usable offset table: "
                    + "cannot split them into NumberOfFrames " + frames + " frames by JPEG/JPEG 2000 start or end markers");
        }
        return new EncapsulatedFrames(pixelData, first);
    }

    /** The number of frames. */
    int frames() {
        return firstItem.length - 1;
    }

    /** The encoded bytes of frame {@code index}: its fragments concatenated. */
    byte[] frame(int index) throws IOException {
        int from = firstItem[index];
        int to = firstItem[index + 1];
        if (to - from == 1) {
            return fragments.item(from);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int item = from; item < to; item++) {
            out.write(fragments.item(item));
        }
        return out.toByteArray();
    }

    private static int[] fromOffsets(long[] offsets, long[] position, int count, int frames) {
        if (offsets == null || offsets.length != frames) {
            return null;
        }
        int[] first = new int[frames + 1];
        int item = 1;
        for (int f = 0; f < frames; f++) {
            while (item <= count && position[item] < offsets[f]) {
                item++;
            }
            // NB: an offset that does not land on a fragment, or goes backwards, makes the table unusable;
            // such tables are common enough that the fragments are then examined instead of failing.
            if (item > count || position[item] != offsets[f] || (f > 0 && item <= first[f - 1])) {
                return null;
            }
            first[f] = item;
        }
        first[frames] = count + 1;
        return first;
    }

    private static long[] basicOffsets(byte[] table) {
        if (table.length == 0 || table.length % 4 != 0) {
            return null;
        }
        long[] offsets = new long[table.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = le(table, i * 4, 4);
        }
        return offsets;
    }

    private static long[] extendedOffsets(DataSet ds) {
        DataElement e = ds.get(Tag.ExtendedOffsetTable);
        if (e == null || !e.hasBytes() || e.bytes().length == 0 || e.bytes().length % 8 != 0) {
            return null;
        }
        byte[] table = e.bytes();
        long[] offsets = new long[table.length / 8];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = le(table, i * 8, 8);
        }
        return offsets;
    }

    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = v << 8 | (b[at + k] & 0xFF);
        }
        return v;
    }

    /** Frames start at fragments that begin with a start marker, or end at fragments that end with EOI/EOC. */
    private static int[] fromMarkers(Fragments fragments, int count, int frames) throws IOException {
        int[] first = new int[frames + 1];
        int found = 0;
        for (int item = 1; item <= count && found <= frames; item++) {
            if (startsFrame(head(fragments, item))) {
                if (found < frames) {
                    first[found] = item;
                }
                found++;
            }
        }
        if (found == frames && first[0] == 1) {
            first[frames] = count + 1;
            return first;
        }
        first[0] = 1;
        found = 0;
        for (int item = 1; item <= count && found < frames; item++) {
            if (endsFrame(tail(fragments, item))) {
                found++;
                first[found] = item + 1;
            }
        }
        return found == frames && first[frames] == count + 1 ? first : null;
    }

    private static boolean startsFrame(byte[] h) {
        int b0 = h.length > 0 ? h[0] & 0xFF : -1;
        int b1 = h.length > 1 ? h[1] & 0xFF : -1;
        boolean jpeg = b0 == 0xFF && b1 == 0xD8;
        boolean j2k = b0 == 0xFF && b1 == 0x4F;
        boolean jp2 = h.length >= 8 && h[3] == 0x0C && h[4] == 'j' && h[5] == 'P';
        return jpeg || j2k || jp2;
    }

    private static boolean endsFrame(byte[] t) {
        int end = t.length;
        while (end > 0 && t[end - 1] == 0) {
            end--;
        }
        return end >= 2 && (t[end - 2] & 0xFF) == 0xFF && (t[end - 1] & 0xFF) == 0xD9;
    }

    private static byte[] head(Fragments fragments, int item) throws IOException {
        return slice(fragments, item, true);
    }

    private static byte[] tail(Fragments fragments, int item) throws IOException {
        return slice(fragments, item, false);
    }

    private static byte[] slice(Fragments fragments, int item, boolean head) throws IOException {
        Object stored = fragments.items().get(item);
        int n = 8;
        if (stored instanceof byte[] b) {
            int len = Math.min(n, b.length);
            byte[] out = new byte[len];
            System.arraycopy(b, head ? 0 : b.length - len, out, 0, len);
            return out;
        }
        BulkData bulk = (BulkData) stored;
        long len = Math.min(n, bulk.length());
        return new BulkData(bulk.file(), head ? bulk.offset() : bulk.offset() + bulk.length() - len, len).read();
    }
}
