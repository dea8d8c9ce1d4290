package org.delineate.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of {@link SpecificCharacterSet} beyond the standard's examples. */
class SpecificCharacterSetTest {

    private static final SpecificCharacterSet JAPANESE = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    private static final SpecificCharacterSet KOREAN = SpecificCharacterSet.of("", "ISO 2022 IR 149");

    private static String decode(SpecificCharacterSet cs, String hex, boolean personName) {
        byte[] b = HexFormat.of().parseHex(hex);
        return cs.decode(b, 0, b.length, personName);
    }

    private static String encode(SpecificCharacterSet cs, String text, boolean personName) {
        return HexFormat.of().formatHex(cs.encode(text, personName));
    }

    @Nested
    class EscapeStateResetsAtDelimiters {

        /** KS X 1001 designated, '^', then GR bytes without a new designation. */
        private static final String HONG_CARET_GR = "1b242943c8ab5ec8ab";

        @Test
        void caretResetsG1InPersonNames() {
            // After the reset G1 is undefined again and GR bytes read as ISO 8859-1.
            assertEquals("홍^È«", decode(KOREAN, HONG_CARET_GR, true));
        }

        @Test
        void caretIsTextOutsidePersonNames() {
            assertEquals("홍^홍", decode(KOREAN, HONG_CARET_GR, false));
        }

        @Test
        void equalsSignResetsInPersonNamesOnly() {
            assertEquals("홍=È«", decode(KOREAN, "1b242943c8ab3dc8ab", true));
            assertEquals("홍=홍", decode(KOREAN, "1b242943c8ab3dc8ab", false));
        }

        @ParameterizedTest(name = "control 0x{0} resets")
        @ValueSource(strings = {"0d", "0a", "0c", "09", "5c"})
        void controlsAndBackslashResetForEveryVr(String delimiter) {
            String text = decode(KOREAN, "1b242943c8ab" + delimiter + "c8ab", false);
            assertEquals("홍" + (char) Integer.parseInt(delimiter, 16) + "È«", text);
        }

        @Test
        void bytesOfTwoByteG0CharactersAreNotDelimiters() {
            // ま is 0x24 0x5E in JIS X 0208: its second byte is '^' in ISO-IR 6.
            assertEquals("まま^a", decode(JAPANESE, "1b2442245e245e1b28425e61", true));
        }

        @Test
        void encoderReturnsToInitialG0BeforeEveryDelimiterAndAtTheEnd() {
            assertEquals("1b24423b331b28425c1b244245441b2842", encode(JAPANESE, "山\\田", false));
            assertEquals("1b24423b331b28420d0a1b244245441b2842", encode(JAPANESE, "山\r\n田", false));
            assertEquals("1b24423b331b2842091b244245441b2842", encode(JAPANESE, "山\t田", false));
            assertEquals("1b24423b331b28423d1b244245441b2842", encode(JAPANESE, "山=田", true));
        }

        @Test
        void encoderDesignatesG1AgainAfterPersonNameDelimitersOnly() {
            assertEquals("1b242943c8ab5e1b242943c8ab", encode(KOREAN, "홍^홍", true));
            assertEquals("1b242943c8ab5ec8ab", encode(KOREAN, "홍^홍", false));
        }

        @Test
        void encoderReturnsToTheInitialG1SetOfValue1() {
            SpecificCharacterSet latinCyrillic = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 144");
            String hex = encode(latinCyrillic, "é Ж\\é", false);
            assertEquals("e9201b2d4cb61b2d415ce9", hex);
            assertEquals("é Ж\\é", decode(latinCyrillic, hex, false));
        }
    }

    @Nested
    class Terms {

        @ParameterizedTest
        @ValueSource(strings = {"ISO_IR 100", "ISO_IR 100 ", "ISO-IR 100", "iso_ir 100", "ISO IR100",
            "ISO 2022 IR 100", "ISO-8859-1"})
        void misspellingsOfLatin1AreMapped(String term) {
            SpecificCharacterSet cs = SpecificCharacterSet.of(term);
            assertEquals(List.of(), cs.unknownTerms());
            assertTrue(cs.isEncodable());
            assertEquals("Jérôme", decode(cs, "4ae972f46d65", false));
            assertEquals("4ae972f46d65", encode(cs, "Jérôme", false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"UTF-8", "utf8", "ISO_IR 192", "ISO-IR 192"})
        void spellingsOfUtf8AreMapped(String term) {
            SpecificCharacterSet cs = SpecificCharacterSet.of(term);
            assertEquals(List.of(), cs.unknownTerms());
            assertEquals("王", decode(cs, "e78e8b", true));
        }

        @Test
        void isoIr6IsTheDefaultRepertoire() {
            SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 6");
            assertEquals(List.of(), cs.unknownTerms());
            assertThrows(IllegalArgumentException.class, () -> cs.encode("é", false));
        }

        @Test
        void isoIr13AsValue1IsJisX0201() {
            assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", decode(SpecificCharacterSet.of("ISO_IR 13"), "d4cfc0de5ec0dbb3", true));
            assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", decode(SpecificCharacterSet.of("ISO_IR 13", "ISO 2022 IR 87"),
                    "d4cfc0de5ec0dbb3", true));
        }

        @Test
        void nullOrEmptyMeansDefault() {
            assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of());
            assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of((String[]) null));
            assertEquals(List.of(), SpecificCharacterSet.DEFAULT.definedTerms());
        }

        @Test
        void unknownTermsAreListedAndReadAsLatin1() {
            SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999", "ISO 2022 IR 87", "KLINGON");
            assertEquals(List.of("ISO_IR 999", "ISO 2022 IR 87", "KLINGON"), cs.definedTerms());
            assertEquals(List.of("ISO_IR 999", "KLINGON"), cs.unknownTerms());
            assertFalse(cs.isEncodable());
            assertEquals("Jérôme 山", decode(cs, "4ae972f46d65201b24423b331b2842", false));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cs.encode("a", false));
            assertEquals("Cannot encode with Specific Character Set [ISO_IR 999\\ISO 2022 IR 87\\KLINGON]:"
                    + " unknown or unusable terms [ISO_IR 999, KLINGON]", e.getMessage());
        }

        @Test
        void standAloneSetsCannotBeCombined() {
            SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 192", "ISO 2022 IR 87");
            assertEquals(List.of("ISO 2022 IR 87"), cs.unknownTerms());
            assertFalse(cs.isEncodable());
            assertEquals("王", decode(cs, "e78e8b", false));
            assertEquals(List.of("GB18030"), SpecificCharacterSet.of("", "GB18030").unknownTerms());
        }

        @Test
        void equalityFollowsTheTerms() {
            assertEquals(SpecificCharacterSet.of("", "ISO 2022 IR 87"), JAPANESE);
            assertEquals(JAPANESE.hashCode(), SpecificCharacterSet.of("", "ISO 2022 IR 87").hashCode());
            assertEquals("SpecificCharacterSet[\\ISO 2022 IR 87]", JAPANESE.toString());
        }
    }

    @Nested
    class TolerantDecoding {

        @Test
        void defaultReadsEightBitBytesAsLatin1() {
            assertEquals("Jérôme", decode(SpecificCharacterSet.DEFAULT, "4ae972f46d65", true));
        }

        @Test
        void unknownEscapeSequencesAreKeptAsLatin1() {
            assertEquals("\u001b(Zab\u001b", decode(JAPANESE, "1b285a61621b", false));
            assertEquals("\u001b\u00e9", decode(JAPANESE, "1be9", false));
        }

        @Test
        void knownButUndeclaredEscapeSequencesAreHonoured() {
            assertEquals("山", decode(SpecificCharacterSet.of("ISO_IR 100"), "1b24423b331b2842", false));
        }

        @Test
        void truncatedTwoByteCharactersBecomeReplacementCharacters() {
            assertEquals("山\uFFFD", decode(JAPANESE, "1b24423b33451b2842", false));
            assertEquals("홍\uFFFD", decode(KOREAN, "1b242943c8abc8", false));
        }

        @Test
        void decodesOnlyTheGivenRange() {
            byte[] b = "xxJérômexx".getBytes(StandardCharsets.ISO_8859_1);
            assertEquals("Jérôme", SpecificCharacterSet.of("ISO_IR 100").decode(b, 2, 6, false));
            assertThrows(IndexOutOfBoundsException.class, () -> SpecificCharacterSet.DEFAULT.decode(b, 8, 3, false));
        }

        @Test
        void jisX0212IsDecodedAndEncoded() {
            SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 159");
            String hex = encode(cs, "山丂", false);
            assertEquals("1b24423b331b24284430211b2842", hex);
            assertEquals("山丂", decode(cs, hex, false));
        }
    }

    @Nested
    class StrictEncoding {

        @Test
        void refusesCharacterOutsideTheDeclaredSetsNamingIt() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpecificCharacterSet.of("ISO_IR 100").encode("Jérôme Ω", false));
            assertEquals("Character 'Ω' (U+03A9) at index 7 is not representable in Specific Character Set"
                    + " [ISO_IR 100]", e.getMessage());
        }

        @Test
        void refusesHangulInJapanese() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JAPANESE.encode("山田^홍", true));
            assertEquals("Character '홍' (U+D64D) at index 3 is not representable in Specific Character Set"
                    + " [\\ISO 2022 IR 87]", e.getMessage());
        }

        @Test
        void refusesNonAsciiInTheDefaultRepertoire() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpecificCharacterSet.DEFAULT.encode("é", false));
            assertEquals("Character 'é' (U+00E9) at index 0 is not representable in Specific Character Set []",
                    e.getMessage());
        }

        @Test
        void refusesEscInIso2022Sets() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JAPANESE.encode("a\u001b(B", false));
            assertEquals("Character '' (U+001B) at index 1 is not representable in Specific Character Set"
                    + " [\\ISO 2022 IR 87]", e.getMessage());
        }

        @Test
        void refusesLoneSurrogatesInUtf8() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpecificCharacterSet.of("ISO_IR 192").encode("a\uD800", false));
            assertEquals("Character '\uD800' (U+D800) at index 1 is not representable in Specific Character Set"
                    + " [ISO_IR 192]", e.getMessage());
        }

        @Test
        void writesSupplementaryCharactersInUtf8AndGb18030() {
            String text = "A^\uD83D\uDE00";
            for (String term : new String[] {"ISO_IR 192", "GB18030"}) {
                SpecificCharacterSet cs = SpecificCharacterSet.of(term);
                byte[] b = cs.encode(text, true);
                assertEquals(text, cs.decode(b, 0, b.length, true), term);
            }
        }

        @Test
        void writesKatakanaInG1WithoutEscapeWhenValue1IsIsoIr13() {
            assertEquals("d4cfc0de", encode(SpecificCharacterSet.of("ISO_IR 13"), "ﾔﾏﾀﾞ", true));
            assertEquals("1b2949d4cfc0de", encode(SpecificCharacterSet.of("", "ISO 2022 IR 13"), "ﾔﾏﾀﾞ", true));
        }

        @Test
        void writesBothDashesAsJisX0208Row1Cell29AndReadsHorizontalBar() {
            assertEquals("1b2442213d1b2842", encode(JAPANESE, "\u2015", false));
            assertEquals("1b2442213d1b2842", encode(JAPANESE, "\u2014", false));
            assertEquals("\u2015", decode(JAPANESE, "1b2442213d1b2842", false));
        }

        @Test
        void readsJisX0201RomajiAsAscii() {
            // 05/12 is the value delimiter and 07/14 reads as TILDE, as in pydicom.
            assertEquals("a\\b~ｱ", decode(SpecificCharacterSet.of("ISO_IR 13"), "615c627eb1", false));
        }

        @Test
        void singleValuedSetsNeverEscape() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpecificCharacterSet.of("ISO_IR 100").encode("山", false));
            assertTrue(e.getMessage().startsWith("Character '山' (U+5C71)"), e.getMessage());
        }
    }
}
