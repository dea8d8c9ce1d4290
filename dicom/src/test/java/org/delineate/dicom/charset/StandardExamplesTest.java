package org.delineate.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of PS3.5 Annexes H to K (Japanese, Korean and Chinese), decoded from and
 * encoded to the bytes the standard gives.
 */
class StandardExamplesTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                // PS3.5 Example H.3-2: value 1 ISO 2022 IR 13, so ISO-IR 14 (ESC ( J) is the initial G0.
                Arguments.of("H.3-2", new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"}, true,
                        "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
                        "d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a1b284a3d1b2442246424"
                                + "5e24401b284a5e1b2442243f246d24261b284a"),
                // PS3.5 Example H.3-1: value 1 empty; the JIS codes of Example H.3-2 with the escape
                // sequences of Table H.3-1 (ESC $ B, back with ESC ( B).
                Arguments.of("H.3-1", new String[] {"", "ISO 2022 IR 87"}, true,
                        "Yamada^Tarou=山田^太郎=やまだ^たろう",
                        "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d1b2442"
                                + "2464245e24401b28425e1b2442243f246d24261b2842"),
                // PS3.5 Example I.2-1.
                Arguments.of("I.2-1", new String[] {"", "ISO 2022 IR 149"}, true,
                        "Hong^Gildong=洪^吉洞=홍^길동",
                        "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943"
                                + "b1e6b5bf"),
                // PS3.5 Example J.2-1 (LT, UTF-8).
                Arguments.of("J.2-1", new String[] {"ISO_IR 192"}, false,
                        "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n",
                        "546865206669727374206c696e6520696e636c75646573e4b8ade696872e0d0a"
                                + "546865207365636f6e64206c696e6520696e636c75646573e4b8ade696872c20746f6f2e0d0a"
                                + "546865207468697264206c696e652e0d0a"),
                // PS3.5 Example J.3-1 (PN, GB18030); Annex J says it holds for GBK too.
                Arguments.of("J.3-1", new String[] {"GB18030"}, true, "Wang^XiaoDong=王^小东=",
                        "57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d"),
                Arguments.of("J.3-1 GBK", new String[] {"GBK"}, true, "Wang^XiaoDong=王^小东=",
                        "57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d"),
                // PS3.5 Example J.4-1 (LT, GB18030).
                Arguments.of("J.4-1", new String[] {"GB18030"}, false,
                        "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n",
                        "546865206669727374206c696e6520696e636c75646573d6d0cec42e0d0a"
                                + "546865207365636f6e64206c696e6520696e636c75646573d6d0cec42c20746f6f2e0d0a"
                                + "546865207468697264206c696e652e0d0a"),
                // PS3.5 Example K.2-1 (PN, GB 2312 in G1), with its trailing padding SPACE.
                Arguments.of("K.2-1", new String[] {"", "ISO 2022 IR 58"}, true, "Zhang^XiaoDong=张^小东= ",
                        "5a68616e675e5869616f446f6e673d1b242941d5c55e1b242941d0a1b6ab3d20"));
    }

    @ParameterizedTest(name = "PS3.5 Example {0} decodes")
    @MethodSource("examples")
    void decodesTheStandardsBytes(String example, String[] terms, boolean personName, String text, String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertEquals(text, SpecificCharacterSet.of(terms).decode(bytes, 0, bytes.length, personName));
    }

    @ParameterizedTest(name = "PS3.5 Example {0} encodes")
    @MethodSource("examples")
    void encodesToTheStandardsBytes(String example, String[] terms, boolean personName, String text, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(SpecificCharacterSet.of(terms).encode(text, personName)));
    }

    /**
     * PS3.5 Example I.3-1 (LT, Korean): the writer designates KS X 1001 at the head of each line,
     * before the ASCII text; the designation lasts until the line's CR LF.
     */
    @Test
    void decodesExampleI31WithDesignationAtTheHeadOfEachLine() {
        String hex = "1b242943" + ascii("The first line includes ") + "c7d1b1db" + ascii(".") + "0d0a"
                + "1b242943" + ascii("The second line includes ") + "c7d1b1db" + ascii(", too.") + "0d0a"
                + ascii("The third line");
        byte[] bytes = HexFormat.of().parseHex(hex);
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        String text = "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line";
        assertEquals(text, cs.decode(bytes, 0, bytes.length, false));
        byte[] ours = cs.encode(text, false);
        assertEquals(text, cs.decode(ours, 0, ours.length, false));
    }

    private static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }
}
