package org.delineate.dicom.charset;

import java.nio.charset.StandardCharsets;

/**
 * Tolerant decoder of value fields in the ISO/IEC 2022 8-bit code structure of PS3.5 6.1.2.5:
 * G0 invoked in GL, G1 in GR, designations switched by escape sequences.
 *
 * <p>Stateless and thread-safe; never throws on malformed input. The designations return to the
 * initial ones (those of value 1 of (0008,0005)) at every control character and at every value
 * delimiter seen while G0 holds a single-byte set, as PS3.5 6.1.2.5.3 requires writers to arrange.
 */
final class Iso2022Decoder {

    private static final int ESC = 0x1B;
    private static final char REPLACEMENT = '\uFFFD';

    private final CodeElement initialG0;
    private final CodeElement initialG1;

    /**
     * Creates a decoder with the given initial designations.
     *
     * @param initialG0 ISO-IR 6 or ISO-IR 14
     * @param initialG1 the initial G1 set, or null when value 1 designates none (bytes 0x80-0xFF
     *     are then read as ISO 8859-1, as pydicom does)
     */
    Iso2022Decoder(CodeElement initialG0, CodeElement initialG1) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    /**
     * Decodes {@code length} bytes of {@code value} from {@code offset}.
     *
     * @param personName also treat '^' and '=' as delimiters (PN, PS3.5 6.1.2.5.3)
     */
    String decode(byte[] value, int offset, int length, boolean personName) {
        StringBuilder out = new StringBuilder(length);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = value[i] & 0xFF;
            if (b == ESC) {
                int seqEnd = escapeSequenceEnd(value, i, end);
                CodeElement e = seqEnd < 0 ? null : CodeElement.forEscapeSequence(value, i, seqEnd - i);
                if (e == null) {
                    // NB: unknown or truncated escape sequences are kept as ISO 8859-1 text, state unchanged.
                    int keep = seqEnd < 0 ? i + 1 : seqEnd;
                    out.append(new String(value, i, keep - i, StandardCharsets.ISO_8859_1));
                    i = keep;
                } else {
                    if (e.isG0()) {
                        g0 = e;
                    } else {
                        g1 = e;
                    }
                    i = seqEnd;
                }
            } else if (b < 0x20) {
                g0 = initialG0;
                g1 = initialG1;
                out.append((char) b);
                i++;
            } else if (b < 0x80) {
                if (g0.bytesPerCharacter() == 2 && b != 0x20 && b != 0x7F) {
                    // NB: within a two-byte G0 set, '^', '=' and '\' are halves of characters, not delimiters.
                    if (i + 1 < end && isGraphicGL(value[i + 1] & 0xFF)) {
                        out.append(g0.decodePair(b, value[i + 1] & 0xFF));
                        i += 2;
                    } else {
                        out.append(REPLACEMENT);
                        i++;
                    }
                } else {
                    if (b == '\\' || personName && (b == '^' || b == '=')) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                    out.append((char) b);
                    i++;
                }
            } else if (g1 == null) {
                out.append((char) b);
                i++;
            } else if (g1.bytesPerCharacter() == 2) {
                if (isGraphicGR(b) && i + 1 < end && isGraphicGR(value[i + 1] & 0xFF)) {
                    out.append(g1.decodePair(b, value[i + 1] & 0xFF));
                    i += 2;
                } else {
                    out.append(REPLACEMENT);
                    i++;
                }
            } else {
                out.append(g1.decodeUpper(b));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isGraphicGL(int b) {
        return b >= 0x21 && b <= 0x7E;
    }

    private static boolean isGraphicGR(int b) {
        return b >= 0xA1 && b <= 0xFE;
    }

    /**
     * The index after the escape sequence starting at {@code start} (ESC, intermediate bytes
     * 0x20-0x2F, one final byte 0x30-0x7E; ISO/IEC 2022 13.1), or -1 if the bytes there do not
     * form one.
     */
    private static int escapeSequenceEnd(byte[] value, int start, int end) {
        int j = start + 1;
        while (j < end && (value[j] & 0xFF) >= 0x20 && (value[j] & 0xFF) <= 0x2F) {
            j++;
        }
        if (j < end && (value[j] & 0xFF) >= 0x30 && (value[j] & 0xFF) <= 0x7E) {
            return j + 1;
        }
        return -1;
    }
}
