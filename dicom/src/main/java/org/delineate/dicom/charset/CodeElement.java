package org.delineate.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A graphic character set that ISO/IEC 2022 designates into the G0 (GL, bytes 0x21-0x7E) or G1
 * (GR, bytes 0xA0-0xFF) code element, as listed in PS3.3 Tables C.12-3 and C.12-4.
 *
 * <p>Immutable. Decoding is tolerant (undefined code points become U+FFFD); {@link #encode} is
 * strict and answers {@code null} for characters outside the repertoire.
 */
enum CodeElement {

    /** ISO-IR 6, ISO 646 (ASCII) in G0: {@code ESC ( B}. */
    ISO_IR_6(true, 1, "(B", null),
    /**
     * ISO-IR 14, JIS X 0201 romaji in G0: {@code ESC ( J}.
     *
     * <p>NB: handled as ASCII. Its 05/12 (YEN SIGN) is the DICOM value delimiter (PS3.5 6.1.2.3),
     * so it must stay a backslash, and pydicom also maps 07/14 to TILDE rather than OVERLINE.
     */
    ISO_IR_14(true, 1, "(J", null),
    /** ISO-IR 13, JIS X 0201 katakana in G1: {@code ESC ) I}; 0xA1-0xDF are U+FF61-U+FF9F. */
    ISO_IR_13(false, 1, ")I", null),
    /** ISO-IR 100, Latin alphabet No. 1 (ISO 8859-1) in G1: {@code ESC - A}. */
    ISO_IR_100(false, 1, "-A", "ISO-8859-1"),
    /** ISO-IR 101, Latin alphabet No. 2 (ISO 8859-2) in G1: {@code ESC - B}. */
    ISO_IR_101(false, 1, "-B", "ISO-8859-2"),
    /** ISO-IR 109, Latin alphabet No. 3 (ISO 8859-3) in G1: {@code ESC - C}. */
    ISO_IR_109(false, 1, "-C", "ISO-8859-3"),
    /** ISO-IR 110, Latin alphabet No. 4 (ISO 8859-4) in G1: {@code ESC - D}. */
    ISO_IR_110(false, 1, "-D", "ISO-8859-4"),
    /** ISO-IR 144, Cyrillic (ISO 8859-5) in G1: {@code ESC - L}. */
    ISO_IR_144(false, 1, "-L", "ISO-8859-5"),
    /** ISO-IR 127, Arabic (ISO 8859-6) in G1: {@code ESC - G}. */
    ISO_IR_127(false, 1, "-G", "ISO-8859-6"),
    /** ISO-IR 126, Greek (ISO 8859-7) in G1: {@code ESC - F}. */
    ISO_IR_126(false, 1, "-F", "ISO-8859-7"),
    /** ISO-IR 138, Hebrew (ISO 8859-8) in G1: {@code ESC - H}. */
    ISO_IR_138(false, 1, "-H", "ISO-8859-8"),
    /** ISO-IR 148, Latin alphabet No. 5 (ISO 8859-9) in G1: {@code ESC - M}. */
    ISO_IR_148(false, 1, "-M", "ISO-8859-9"),
    /** ISO-IR 203, Latin alphabet No. 9 (ISO 8859-15) in G1: {@code ESC - b}. */
    ISO_IR_203(false, 1, "-b", "ISO-8859-15"),
    /** ISO-IR 166, Thai (TIS 620-2533) in G1: {@code ESC - T}. */
    ISO_IR_166(false, 1, "-T", "TIS-620"),
    /** ISO-IR 87, JIS X 0208 kanji in G0: {@code ESC $ B}. */
    ISO_IR_87(true, 2, "$B", "x-JIS0208"),
    /** ISO-IR 159, JIS X 0212 supplementary kanji in G0: {@code ESC $ ( D}. */
    ISO_IR_159(true, 2, "$(D", "JIS_X0212-1990"),
    /** ISO-IR 149, KS X 1001 Hangul and Hanja in G1: {@code ESC $ ) C}. */
    ISO_IR_149(false, 2, "$)C", "EUC-KR"),
    /** ISO-IR 58, GB 2312 in G1: {@code ESC $ ) A}. */
    ISO_IR_58(false, 2, "$)A", "GB2312");

    private static final char REPLACEMENT = '\uFFFD';

    /**
     * JIS X 0208 row 1 cell 29 as decoded: U+2015 HORIZONTAL BAR.
     *
     * <p>NB: the JDK's x-JIS0208 decodes it as U+2014 EM DASH; Unicode's JIS0208.TXT, Python and
     * so pydicom give U+2015. We read U+2015 and write 1-29 for both. Likewise JIS X 0212 0x2237
     * reads as U+007E TILDE (JIS0212.TXT, pydicom) rather than the JDK's U+FF5E; both U+FF5E and,
     * through ISO-IR 6, U+007E remain writable.
     */
    private static final String JIS_X_0208_1_29 = "\u2015";

    private final boolean g0;
    private final int bytesPerCharacter;
    private final byte[] escapeSequence;
    private final Charset charset;
    /** For single-byte G1 elements: the characters of bytes 0x80-0xFF; null otherwise. */
    private final char[] upperHalf;
    /** For single-byte G1 elements: the inverse of {@link #upperHalf}; null otherwise. */
    private final Map<Character, Byte> upperHalfInverse;

    CodeElement(boolean g0, int bytesPerCharacter, String escapeTail, String charsetName) {
        this.g0 = g0;
        this.bytesPerCharacter = bytesPerCharacter;
        this.escapeSequence = ("\u001b" + escapeTail).getBytes(StandardCharsets.US_ASCII);
        this.charset = charsetName == null ? null : Charset.forName(charsetName);
        if (!g0 && bytesPerCharacter == 1) {
            upperHalf = new char[128];
            Map<Character, Byte> inverse = new HashMap<>();
            for (int b = 0x80; b <= 0xFF; b++) {
                // NB: 0x80-0x9F is the C1 area of the 8-bit code, not part of G1, so it reads as C1
                // controls for every set, as pydicom reads it (the JDK's TIS-620 has U+FFFD there).
                char c = b < 0xA0 ? (char) b : charset == null ? katakana(b) : decodeOneByte(charset, b);
                upperHalf[b - 0x80] = c;
                // NB: C1 controls are left out of the writable repertoire (DICOM text VRs exclude them),
                // and so is 0xA0 for TIS 620, whose 88 characters do not include it (PS3.3 Table C.12-2).
                if (c != REPLACEMENT && c >= 0xA0 && !(b == 0xA0 && "TIS-620".equals(charsetName))) {
                    inverse.put(c, (byte) b);
                }
            }
            upperHalfInverse = Map.copyOf(inverse);
        } else {
            upperHalf = null;
            upperHalfInverse = null;
        }
    }

    private static char katakana(int b) {
        return b >= 0xA1 && b <= 0xDF ? (char) (0xFF61 + b - 0xA1) : REPLACEMENT;
    }

    private static char decodeOneByte(Charset cs, int b) {
        String s = new String(new byte[] {(byte) b}, cs);
        return s.length() == 1 ? s.charAt(0) : REPLACEMENT;
    }

    /** True for elements designated into G0 (invoked in GL), false for G1 (invoked in GR). */
    boolean isG0() {
        return g0;
    }

    /** The number of bytes per character: 1, or 2 for the ideographic sets. */
    int bytesPerCharacter() {
        return bytesPerCharacter;
    }

    /** A copy of the escape sequence that designates this element, starting with ESC (0x1B). */
    byte[] escapeSequence() {
        return escapeSequence.clone();
    }

    /**
     * The element designated by the escape sequence at {@code value[offset..offset+length)}, or
     * null if it designates none of them.
     *
     * <p>NB: also accepts {@code ESC $ @} (JIS C 6226-1978) and the long form {@code ESC $ ( B} as
     * ISO-IR 87, as pydicom (via Python's iso2022_jp) does; some Japanese writers emit them.
     */
    static CodeElement forEscapeSequence(byte[] value, int offset, int length) {
        for (CodeElement e : values()) {
            if (Arrays.equals(e.escapeSequence, 0, e.escapeSequence.length, value, offset, offset + length)) {
                return e;
            }
        }
        String tail = new String(value, offset + 1, length - 1, StandardCharsets.ISO_8859_1);
        return tail.equals("$@") || tail.equals("$(B") ? ISO_IR_87 : null;
    }

    /** The character of a single-byte G1 element for a byte 0x80-0xFF. */
    char decodeUpper(int b) {
        return upperHalf[b - 0x80];
    }

    /**
     * The character of a two-byte element: bytes in 0x21-0x7E for G0 elements, in 0xA1-0xFE for
     * G1 elements (as the caller found them); U+FFFD where the element defines none.
     */
    String decodePair(int b1, int b2) {
        if (this == ISO_IR_87 && b1 == 0x21 && b2 == 0x3D) {
            return JIS_X_0208_1_29;
        }
        if (this == ISO_IR_159 && b1 == 0x22 && b2 == 0x37) {
            return "~";
        }
        String s = new String(new byte[] {(byte) b1, (byte) b2}, charset);
        return s.length() == 1 || (s.length() == 2 && Character.isSurrogatePair(s.charAt(0), s.charAt(1)))
                ? s : String.valueOf(REPLACEMENT);
    }

    /**
     * The bytes of {@code codePoint} in this element (without escape sequence), or null if the
     * element has no such character.
     *
     * @param encoder for two-byte elements, an encoder of this element's charset owned by the
     *     caller (encoders are not thread-safe); ignored otherwise
     */
    byte[] encode(int codePoint, CharsetEncoder encoder) {
        if (bytesPerCharacter == 1) {
            if (g0) {
                // NB: ISO-IR 14 is read as ASCII (see its javadoc), so both G0 sets write ASCII.
                return codePoint >= 0x20 && codePoint < 0x7F ? new byte[] {(byte) codePoint} : null;
            }
            Byte b = codePoint < 0x10000 ? upperHalfInverse.get((char) codePoint) : null;
            return b == null ? null : new byte[] {b};
        }
        if (this == ISO_IR_87 && codePoint == JIS_X_0208_1_29.charAt(0)) {
            return new byte[] {0x21, 0x3D};
        }
        if (codePoint < 0x80 || codePoint >= 0x10000 || !encoder.canEncode((char) codePoint)) {
            return null;
        }
        ByteBuffer out;
        try {
            out = encoder.reset().encode(CharBuffer.wrap(new char[] {(char) codePoint}));
        } catch (CharacterCodingException e) {
            return null;
        }
        if (out.remaining() != 2) {
            return null;
        }
        int lo = g0 ? 0x21 : 0xA1;
        int hi = g0 ? 0x7E : 0xFE;
        int b1 = out.get(0) & 0xFF;
        int b2 = out.get(1) & 0xFF;
        return b1 >= lo && b1 <= hi && b2 >= lo && b2 <= hi ? new byte[] {(byte) b1, (byte) b2} : null;
    }

    /** A fresh encoder for a two-byte element, or null for single-byte elements. */
    CharsetEncoder newEncoder() {
        return bytesPerCharacter == 2 ? charset.newEncoder() : null;
    }
}
