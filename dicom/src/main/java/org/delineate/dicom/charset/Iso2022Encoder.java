package org.delineate.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Strict encoder of text into the ISO/IEC 2022 8-bit code structure of PS3.5 6.1.2.5, using only
 * the code elements declared by (0008,0005).
 *
 * <p>Immutable and thread-safe. Per character it keeps the current designations when they can
 * represent it, otherwise designates the first declared element that can (escape sequence first).
 * Before every delimiter (control characters, '\', and for PN '^' and '=') and at the end it
 * returns to the initial designations (PS3.5 6.1.2.5.3). A G1 set designated by an extension is
 * not undone when value 1 designates no G1 set, as in PS3.5 Examples I.2-1 and K.2-1: G0 is
 * untouched, and readers reset G1 at the delimiter anyway.
 */
final class Iso2022Encoder {

    private static final int ESC = 0x1B;

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final List<CodeElement> declared;
    private final String termsForMessages;

    /**
     * Creates an encoder.
     *
     * @param initialG0 ISO-IR 6 or ISO-IR 14
     * @param initialG1 the G1 set of value 1, or null
     * @param declared every element (0008,0005) declares, value 1's first, in order of preference
     * @param termsForMessages the (0008,0005) values, for exception messages
     */
    Iso2022Encoder(CodeElement initialG0, CodeElement initialG1, List<CodeElement> declared,
            String termsForMessages) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.declared = List.copyOf(declared);
        this.termsForMessages = termsForMessages;
    }

    /**
     * Encodes {@code text}.
     *
     * @throws IllegalArgumentException naming the first character that none of the declared
     *     elements contains (ESC included: it would be read as the start of an escape sequence)
     */
    byte[] encode(String text, boolean personName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        Map<CodeElement, CharsetEncoder> encoders = new EnumMap<>(CodeElement.class);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isDelimiter(cp, personName)) {
                if (g0 != initialG0) {
                    out.writeBytes(initialG0.escapeSequence());
                    g0 = initialG0;
                }
                if (g1 != initialG1) {
                    if (initialG1 != null) {
                        out.writeBytes(initialG1.escapeSequence());
                    }
                    g1 = initialG1;
                }
                out.write(cp);
            } else {
                byte[] bytes = cp == ESC ? null : encodeIn(g0, cp, encoders);
                if (bytes == null && g1 != null && cp != ESC) {
                    bytes = encodeIn(g1, cp, encoders);
                }
                if (bytes == null && cp != ESC) {
                    for (CodeElement e : declared) {
                        bytes = encodeIn(e, cp, encoders);
                        if (bytes != null) {
                            out.writeBytes(e.escapeSequence());
                            if (e.isG0()) {
                                g0 = e;
                            } else {
                                g1 = e;
                            }
                            break;
                        }
                    }
                }
                if (bytes == null) {
                    throw new IllegalArgumentException(unrepresentable(cp, i, termsForMessages));
                }
                out.writeBytes(bytes);
            }
            i += Character.charCount(cp);
        }
        if (g0 != initialG0) {
            out.writeBytes(initialG0.escapeSequence());
        }
        if (g1 != initialG1 && initialG1 != null) {
            out.writeBytes(initialG1.escapeSequence());
        }
        return out.toByteArray();
    }

    private static byte[] encodeIn(CodeElement e, int cp, Map<CodeElement, CharsetEncoder> encoders) {
        CharsetEncoder encoder = e.bytesPerCharacter() == 2
                ? encoders.computeIfAbsent(e, CodeElement::newEncoder) : null;
        return e.encode(cp, encoder);
    }

    /** True for the code points that PS3.5 6.1.2.5.3 requires the initial designations before. */
    static boolean isDelimiter(int cp, boolean personName) {
        return cp < 0x20 && cp != ESC || cp == '\\' || personName && (cp == '^' || cp == '=');
    }

    /** The message for a code point at {@code index} of the text that the set {@code terms} cannot represent. */
    static String unrepresentable(int cp, int index, String terms) {
        String shown = Character.isISOControl(cp) ? "" : new String(Character.toChars(cp));
        return String.format("Character '%s' (U+%04X) at index %d is not representable in Specific Character Set [%s]",
                shown, cp, index, terms);
    }
}
