package org.delineate.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Specific Character Set (0008,0005): decodes and encodes text values. Immutable and thread-safe.
 *
 * <p>NB: interim version with single-byte sets and UTF-8 only; ISO 2022 code extensions arrive with
 * the full codec.
 */
public final class SpecificCharacterSet {

    /** The default repertoire, tolerating 8-bit bytes as ISO 8859-1 like pydicom. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of(), StandardCharsets.ISO_8859_1, List.of());

    private final List<String> definedTerms;
    private final Charset charset;
    private final List<String> unknownTerms;

    private SpecificCharacterSet(List<String> definedTerms, Charset charset, List<String> unknownTerms) {
        this.definedTerms = definedTerms;
        this.charset = charset;
        this.unknownTerms = unknownTerms;
    }

    /** From the values of (0008,0005); null or empty means {@link #DEFAULT}. */
    public static SpecificCharacterSet of(String... definedTerms) {
        if (definedTerms == null || definedTerms.length == 0) {
            return DEFAULT;
        }
        String term = definedTerms[0].trim();
        Charset charset;
        switch (term) {
            case "ISO_IR 192": charset = StandardCharsets.UTF_8; break;
            case "GB18030": charset = Charset.forName("GB18030"); break;
            case "ISO_IR 100": case "": charset = StandardCharsets.ISO_8859_1; break;
            default: charset = StandardCharsets.ISO_8859_1;
        }
        return new SpecificCharacterSet(List.of(definedTerms), charset, List.of());
    }

    public List<String> definedTerms() {
        return definedTerms;
    }

    public List<String> unknownTerms() {
        return unknownTerms;
    }

    public boolean isEncodable() {
        return unknownTerms.isEmpty();
    }

    public String decode(byte[] value, int offset, int length, boolean personName) {
        return new String(value, offset, length, charset);
    }

    public byte[] encode(String text, boolean personName) {
        return text.getBytes(charset);
    }
}
