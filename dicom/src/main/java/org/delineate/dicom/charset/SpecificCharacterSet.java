package org.delineate.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The character repertoires of Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2) and the
 * text codec they define for values of SH, LO, ST, LT, UC, UT and PN (PS3.5 6.1).
 *
 * <p>Immutable, thread-safe. Tolerant on read: {@link #decode} accepts unknown or misspelled terms,
 * undeclared escape sequences and stray 8-bit bytes and never throws. Strict on write:
 * {@link #encode} uses only the declared code elements, with the escape sequences PS3.5 6.1.2.5.3
 * requires, and throws for anything it cannot represent. Which VRs are affected is the caller's
 * business; this class only maps bytes to text and back.
 */
public final class SpecificCharacterSet {

    /**
     * The default repertoire (no (0008,0005)): decodes as ISO-IR 6, tolerating 8-bit bytes as
     * ISO 8859-1 like pydicom does; encodes ASCII only.
     */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0]);

    private final List<String> definedTerms;
    private final List<String> unknownTerms;
    /** The charset of a stand-alone value 1 (ISO_IR 192, GB18030, GBK), else null. */
    private final Charset standAlone;
    private final Iso2022Decoder decoder;
    private final Iso2022Encoder encoder;

    private SpecificCharacterSet(String[] values) {
        List<String> terms = new ArrayList<>(values.length);
        for (String v : values) {
            terms.add(v == null ? "" : v);
        }
        List<String> unknown = new ArrayList<>();
        List<CodeElement> declared = new ArrayList<>();
        CodeElement g0 = CodeElement.ISO_IR_6;
        CodeElement g1 = null;
        Charset single = null;
        for (int i = 0; i < terms.size(); i++) {
            String value = terms.get(i);
            DefinedTerm term = DefinedTerm.lookup(value);
            if (i > 0 && value.isBlank()) {
                continue;
            }
            if (term == null) {
                unknown.add(value);
                if (i == 0) {
                    // NB: an unreadable value 1 is read as ISO 8859-1, the most common repertoire.
                    g1 = CodeElement.ISO_IR_100;
                }
            } else if (term.standAlone() != null) {
                // NB: stand-alone sets cannot take part in code extension (PS3.5 6.1.2.5.4 d):
                // as value 1 they win and the other values are reported; elsewhere they are reported.
                if (i == 0) {
                    single = term.standAlone();
                } else {
                    unknown.add(value);
                }
            } else if (single != null) {
                unknown.add(value);
            } else if (i == 0 && !term.isMultiByteExtension()) {
                g0 = term.g0();
                g1 = term.g1();
            } else {
                // NB: an ideographic term as value 1 is read as if value 1 were empty and it were value 2.
                if (term.g0() != null) {
                    declared.add(term.g0());
                }
                if (term.g1() != null) {
                    declared.add(term.g1());
                }
            }
        }
        List<CodeElement> all = new ArrayList<>();
        all.add(g0);
        if (g1 != null) {
            all.add(g1);
        }
        all.addAll(declared);
        this.definedTerms = List.copyOf(terms);
        this.unknownTerms = List.copyOf(unknown);
        this.standAlone = single;
        this.decoder = new Iso2022Decoder(g0, g1);
        this.encoder = new Iso2022Encoder(g0, g1, all, String.join("\\", terms));
    }

    /**
     * The set for the values of (0008,0005) as read (e.g. {@code ""}, {@code "ISO 2022 IR 87"});
     * null or an empty array means {@link #DEFAULT}, null values mean empty ones.
     *
     * <p>Tolerant: unknown or misspelled Defined Terms (e.g. {@code "ISO_IR 100 "},
     * {@code "ISO-IR 100"}, {@code "ISO_IR 6"}, {@code "ISO 2022 IR 100"} as value 1,
     * {@code "UTF-8"}) are mapped when unambiguous; otherwise an unknown value 1 falls back to
     * ISO 8859-1, and every unusable value is listed by {@link #unknownTerms()}.
     */
    public static SpecificCharacterSet of(String... definedTerms) {
        if (definedTerms == null || definedTerms.length == 0) {
            return DEFAULT;
        }
        return new SpecificCharacterSet(definedTerms.clone());
    }

    /** The values of (0008,0005) as given to {@link #of}, unmodified (null as ""); empty for DEFAULT. */
    public List<String> definedTerms() {
        return definedTerms;
    }

    /**
     * The values that could not be used: neither a Defined Term nor an unambiguous misspelling of
     * one, or a stand-alone term (ISO_IR 192, GB18030, GBK) combined with other values.
     */
    public List<String> unknownTerms() {
        return unknownTerms;
    }

    /** True when values of this set can be written (strict): every term known and usable. */
    public boolean isEncodable() {
        return unknownTerms.isEmpty();
    }

    /**
     * Decodes a whole value field (all values, backslash-separated, as stored; no trimming).
     * personName=true also resets ISO 2022 state at '^' and '=' (PS3.5 6.1.2.5.3).
     *
     * <p>Never throws for malformed bytes: unknown escape sequences are kept as ISO 8859-1 text,
     * bytes a set does not define become U+FFFD. Escape sequences of any code element this class
     * knows are honoured, declared or not (mislabelled Japanese files are common).
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code value}
     */
    public String decode(byte[] value, int offset, int length, boolean personName) {
        Objects.checkFromIndexSize(offset, length, value.length);
        if (standAlone != null) {
            return new String(value, offset, length, standAlone);
        }
        return decoder.decode(value, offset, length, personName);
    }

    /**
     * Encodes text for a value field; for ISO 2022 sets, chooses per character among the declared
     * code elements with the required escape sequences, switching back to the initial code element
     * before every delimiter (backslash, CR, LF, FF, TAB and the other control characters, and '^'
     * '=' for PN) and at the end.
     *
     * @throws IllegalArgumentException naming the character if it is not representable in the
     *     declared sets (ESC included, for the ISO 2022 sets)
     * @throws IllegalStateException if this set is not {@linkplain #isEncodable() encodable}
     */
    public byte[] encode(String text, boolean personName) {
        if (!isEncodable()) {
            throw new IllegalStateException("Cannot encode with Specific Character Set ["
                    + String.join("\\", definedTerms) + "]: unknown or unusable terms " + unknownTerms);
        }
        if (standAlone != null) {
            return encodeStandAlone(text);
        }
        return encoder.encode(text, personName);
    }

    private byte[] encodeStandAlone(String text) {
        CharsetEncoder e = standAlone.newEncoder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (!e.canEncode(text.substring(i, i + n))) {
                throw new IllegalArgumentException(
                        Iso2022Encoder.unrepresentable(cp, i, String.join("\\", definedTerms)));
            }
            i += n;
        }
        try {
            ByteBuffer out = e.reset().encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(out.array(), out.arrayOffset() + out.position(),
                    out.arrayOffset() + out.limit());
        } catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("Text is not representable in Specific Character Set ["
                    + String.join("\\", definedTerms) + "]", ex);
        }
    }

    /** Equal when made from the same values of (0008,0005). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet && ((SpecificCharacterSet) o).definedTerms.equals(definedTerms);
    }

    @Override
    public int hashCode() {
        return definedTerms.hashCode();
    }

    /** The values of (0008,0005) joined by backslashes, e.g. {@code SpecificCharacterSet[\ISO 2022 IR 87]}. */
    @Override
    public String toString() {
        return "SpecificCharacterSet[" + String.join("\\", definedTerms) + "]";
    }
}
