package org.delineate.dicom.pixel.jpeg;

/**
 * One Huffman table of a DHT marker segment (ITU-T T.81 B.2.4.2), prepared for decoding as in T.81 Annex C
 * and F.2.2.3: codes of up to {@value #LOOKUP_BITS} bits are found with one table look-up, longer ones by
 * comparing with the largest code of each length. Immutable after construction.
 */
final class HuffmanTable {

    static final int LOOKUP_BITS = 9;

    /** For each {@value #LOOKUP_BITS}-bit prefix: code length << 8 | value, or 0 when the code is longer. */
    private final int[] lookup = new int[1 << LOOKUP_BITS];
    /** maxCode[l]: the largest code of length l, or -1 when there is none (l from 1 to 16). */
    private final int[] maxCode = new int[18];
    /** valueOffset[l]: index in values of the first code of length l, minus that code. */
    private final int[] valueOffset = new int[17];
    private final int[] values;

    /**
     * @param counts BITS: the number of codes of each length 1 to 16 (index 0 to 15)
     * @param values HUFFVAL: the symbols in order of increasing code length
     * @throws IllegalArgumentException when the counts do not describe a prefix code (checked by the parser,
     *         which reports it as a {@link JpegFormatException})
     */
    HuffmanTable(int[] counts, int[] values) {
        this.values = values.clone();
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            valueOffset[length] = k - code;
            if (n == 0) {
                maxCode[length] = -1;
            } else {
                for (int i = 0; i < n; i++, k++, code++) {
                    if (code >= 1 << length) {
                        throw new IllegalArgumentException("more codes of length " + length + " than fit in "
                                + length + " bits");
                    }
                    if (length <= LOOKUP_BITS) {
                        int shift = LOOKUP_BITS - length;
                        int entry = length << 8 | values[k];
                        for (int p = code << shift, last = (code + 1) << shift; p < last; p++) {
                            lookup[p] = entry;
                        }
                    }
                }
                maxCode[length] = code - 1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /** Checks BITS and HUFFVAL; returns null when they describe a prefix code, else what is wrong. */
    static String check(int[] counts) {
        long code = 0;
        for (int length = 1; length <= 16; length++) {
            code += counts[length - 1];
            if (code > 1L << length) {
                return "more codes of length " + length + " or less than fit in " + length + " bits";
            }
            code <<= 1;
        }
        return null;
    }

    /**
     * Decodes one symbol (T.81 F.2.2.3, DECODE).
     *
     * @throws JpegFormatException when the bits are no code of this table, or the data ends
     */
    int decode(BitReader in) throws JpegFormatException {
        int peek = in.peek16();
        int entry = lookup[peek >>> (16 - LOOKUP_BITS)];
        if (entry != 0) {
            in.skip(entry >>> 8);
            return entry & 0xFF;
        }
        for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
            int code = peek >>> (16 - length);
            if (code <= maxCode[length]) {
                in.skip(length);
                return values[valueOffset[length] + code];
            }
        }
        throw new JpegFormatException(in.position(), "invalid Huffman code "
                + String.format("%16s", Integer.toBinaryString(peek)).replace(' ', '0') + " (no code of the table)");
    }
}
