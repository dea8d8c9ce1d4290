package org.delineate.dicom.charset;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * A Defined Term of Specific Character Set (0008,0005), PS3.3 Tables C.12-2 to C.12-5, with the
 * code elements it designates or, for the stand-alone sets, the charset it names.
 *
 * <p>Immutable. {@link #lookup} maps the spellings met in real files to a term.
 */
enum DefinedTerm {

    /** The default repertoire: value 1 empty, or {@code ISO 2022 IR 6} with code extensions. */
    ISO_IR_6(6, CodeElement.ISO_IR_6, null),
    /** Latin alphabet No. 1. */
    ISO_IR_100(100, CodeElement.ISO_IR_6, CodeElement.ISO_IR_100),
    /** Latin alphabet No. 2. */
    ISO_IR_101(101, CodeElement.ISO_IR_6, CodeElement.ISO_IR_101),
    /** Latin alphabet No. 3. */
    ISO_IR_109(109, CodeElement.ISO_IR_6, CodeElement.ISO_IR_109),
    /** Latin alphabet No. 4. */
    ISO_IR_110(110, CodeElement.ISO_IR_6, CodeElement.ISO_IR_110),
    /** Cyrillic. */
    ISO_IR_144(144, CodeElement.ISO_IR_6, CodeElement.ISO_IR_144),
    /** Arabic. */
    ISO_IR_127(127, CodeElement.ISO_IR_6, CodeElement.ISO_IR_127),
    /** Greek. */
    ISO_IR_126(126, CodeElement.ISO_IR_6, CodeElement.ISO_IR_126),
    /** Hebrew. */
    ISO_IR_138(138, CodeElement.ISO_IR_6, CodeElement.ISO_IR_138),
    /** Latin alphabet No. 5. */
    ISO_IR_148(148, CodeElement.ISO_IR_6, CodeElement.ISO_IR_148),
    /** Latin alphabet No. 9. */
    ISO_IR_203(203, CodeElement.ISO_IR_6, CodeElement.ISO_IR_203),
    /** Japanese: JIS X 0201 romaji in G0, katakana in G1. */
    ISO_IR_13(13, CodeElement.ISO_IR_14, CodeElement.ISO_IR_13),
    /** Thai. */
    ISO_IR_166(166, CodeElement.ISO_IR_6, CodeElement.ISO_IR_166),
    /** Japanese kanji, JIS X 0208 in G0; only as value 2 to n ({@code ISO 2022 IR 87}). */
    ISO_2022_IR_87(87, CodeElement.ISO_IR_87, null),
    /** Japanese supplementary kanji, JIS X 0212 in G0 ({@code ISO 2022 IR 159}). */
    ISO_2022_IR_159(159, CodeElement.ISO_IR_159, null),
    /** Korean, KS X 1001 in G1 ({@code ISO 2022 IR 149}). */
    ISO_2022_IR_149(149, null, CodeElement.ISO_IR_149),
    /** Simplified Chinese, GB 2312 in G1 ({@code ISO 2022 IR 58}). */
    ISO_2022_IR_58(58, null, CodeElement.ISO_IR_58),
    /** Unicode in UTF-8; stand-alone, no code extensions. */
    ISO_IR_192(192, "UTF-8"),
    /** GB 18030; stand-alone, no code extensions. */
    GB18030(-1, "GB18030"),
    /** GBK; stand-alone, no code extensions. */
    GBK(-1, "GBK");

    private final int registrationNumber;
    private final CodeElement g0;
    private final CodeElement g1;
    private final Charset standAlone;

    DefinedTerm(int registrationNumber, CodeElement g0, CodeElement g1) {
        this.registrationNumber = registrationNumber;
        this.g0 = g0;
        this.g1 = g1;
        this.standAlone = null;
    }

    DefinedTerm(int registrationNumber, String charsetName) {
        this.registrationNumber = registrationNumber;
        this.g0 = null;
        this.g1 = null;
        this.standAlone = Charset.forName(charsetName);
    }

    /** The element this term designates into G0, or null if it leaves G0 alone or is stand-alone. */
    CodeElement g0() {
        return g0;
    }

    /** The element this term designates into G1, or null if it leaves G1 alone or is stand-alone. */
    CodeElement g1() {
        return g1;
    }

    /** The charset of a stand-alone term (ISO_IR 192, GB18030, GBK), else null. */
    Charset standAlone() {
        return standAlone;
    }

    /** True for the ideographic terms, which PS3.3 Table C.12-4 allows only as values 2 to n. */
    boolean isMultiByteExtension() {
        return standAlone == null && (g0 == null || g0.bytesPerCharacter() == 2);
    }

    /**
     * The term a value of (0008,0005) stands for, or null if none does unambiguously.
     *
     * <p>Tolerant: ignores case, surrounding blanks and the separators between {@code ISO},
     * {@code IR}, {@code 2022} and the number, so {@code "ISO_IR 100 "}, {@code "ISO-IR 100"},
     * {@code "ISO IR100"} and {@code "ISO 2022 IR 100"} all give {@link #ISO_IR_100}; also
     * accepts {@code "ISO_IR 6"}, {@code "ISO 2022 58"} and {@code "ISO 2022 GBK"} (pydicom's
     * spellings), {@code "UTF-8"}, and the charset names {@code "ISO-8859-n"} and {@code "TIS-620"}.
     * The empty value is {@link #ISO_IR_6}. Whether code extensions are announced ("ISO 2022") does
     * not matter: a set means the same code elements either way.
     */
    static DefinedTerm lookup(String value) {
        String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        switch (key) {
            case "":
                return ISO_IR_6;
            case "UTF8":
                return ISO_IR_192;
            case "GB18030":
                return GB18030;
            case "GBK":
            case "ISO2022GBK":
                return GBK;
            case "TIS620":
                return ISO_IR_166;
            default:
                break;
        }
        if (key.startsWith("ISO8859")) {
            return byLatinPart(key.substring("ISO8859".length()));
        }
        String number;
        if (key.startsWith("ISO2022IR")) {
            number = key.substring("ISO2022IR".length());
        } else if (key.startsWith("ISOIR")) {
            number = key.substring("ISOIR".length());
        } else if (key.startsWith("ISO2022")) {
            number = key.substring("ISO2022".length());
        } else {
            return null;
        }
        for (DefinedTerm t : values()) {
            if (t.registrationNumber >= 0 && number.equals(Integer.toString(t.registrationNumber))) {
                return t;
            }
        }
        return null;
    }

    private static DefinedTerm byLatinPart(String part) {
        switch (part) {
            case "1": return ISO_IR_100;
            case "2": return ISO_IR_101;
            case "3": return ISO_IR_109;
            case "4": return ISO_IR_110;
            case "5": return ISO_IR_144;
            case "6": return ISO_IR_127;
            case "7": return ISO_IR_126;
            case "8": return ISO_IR_138;
            case "9": return ISO_IR_148;
            case "15": return ISO_IR_203;
            default: return null;
        }
    }
}
