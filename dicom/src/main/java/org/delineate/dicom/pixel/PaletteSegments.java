package org.delineate.dicom.pixel;

import org.delineate.dicom.io.DicomFormatException;

/**
 * Expands Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): a sequence of segments, each an
 * opcode word then its data. Opcode 0 (discrete): a length n and n entries. Opcode 1 (linear): a length
 * n and an end value y1, giving n entries stepping from the previous entry to y1. Opcode 2 (indirect,
 * which re-uses earlier segments) is refused. Stateless.
 */
final class PaletteSegments {

    private PaletteSegments() {
    }

    static int[] expand(int[] words, int entries, String source, int tag) throws DicomFormatException {
        int[] table = new int[entries];
        int n = 0;
        int pos = 0;
        while (pos + 1 < words.length && n < entries) {
            int opcode = words[pos];
            int length = words[pos + 1];
            pos += 2;
            if (opcode == 0) {
                if (pos + length > words.length) {
                    throw PixelDescription.error(source, tag, "discrete segment of " + length + " entries at word "
                            + (pos - 2) + " runs past the " + words.length + " words of data");
                }
                for (int k = 0; k < length && n < entries; k++) {
                    table[n++] = words[pos + k];
                }
                pos += length;
            } else if (opcode == 1) {
                if (n == 0 || pos >= words.length) {
                    throw PixelDescription.error(source, tag, "linear segment at word " + (pos - 2)
                            + " without a previous entry or an end value");
                }
                double y0 = table[n - 1];
                int y1 = words[pos++];
                for (int k = 1; k <= length && n < entries; k++) {
                    table[n++] = (int) Math.round(y0 + (y1 - y0) * k / length);
                }
            } else {
                throw PixelDescription.error(source, tag, "segment opcode " + opcode + " at word " + (pos - 2)
                        + ", expected 0 (discrete) or 1 (linear); indirect segments are not supported");
            }
        }
        if (n < entries) {
            throw PixelDescription.error(source, tag, "segments expand to " + n + " entries, expected " + entries);
        }
        return table;
    }
}
