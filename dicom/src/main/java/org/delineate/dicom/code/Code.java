package org.delineate.dicom.code;

import java.util.Objects;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;

/**
 * A coded concept as the Code Sequence Macro (PS3.3 Table 8.8-1) holds it: Code Value, Coding Scheme
 * Designator and Code Meaning. Equality is by value and scheme only, since the meaning is display text
 * and may differ between sources ("Tissue" and "tissue" name the same concept). Immutable.
 *
 * @param value the code value: Code Value (0008,0100), or Long Code Value (0008,0119) when longer than 16
 *     characters, or URN Code Value (0008,0120) when the scheme is a URN
 * @param schemeDesignator Coding Scheme Designator (0008,0102), for example {@code SCT} or {@code DCM}
 * @param meaning Code Meaning (0008,0104)
 */
public record Code(String value, String schemeDesignator, String meaning) {

    /** The longest Code Value (SH) can hold; longer values go to Long Code Value (UC). */
    public static final int MAX_SHORT_VALUE = 16;

    public Code {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a code needs a value");
        }
        if (schemeDesignator == null || schemeDesignator.isBlank()) {
            throw new IllegalArgumentException("code " + value + " needs a coding scheme designator");
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("code " + value + " (" + schemeDesignator + ") needs a meaning");
        }
    }

    /** A SNOMED CT code ({@code SCT}), the scheme DICOM uses for anatomy and findings since 2019. */
    public static Code sct(String value, String meaning) {
        return new Code(value, "SCT", meaning);
    }

    /** A code from the DICOM Content Mapping Resource ({@code DCM}, PS3.16 Annex D). */
    public static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    /**
     * Reads a code from a sequence item, tolerating any of the three value attributes.
     *
     * @return the code, or null when the item lacks a value, a scheme or a meaning
     */
    public static Code fromItem(DataSet item) {
        String value = item.getString(Tag.CodeValue);
        if (value == null || value.isBlank()) {
            value = item.getString(Tag.LongCodeValue);
        }
        if (value == null || value.isBlank()) {
            value = item.getString(Tag.URNCodeValue);
        }
        String scheme = item.getString(Tag.CodingSchemeDesignator);
        String meaning = item.getString(Tag.CodeMeaning);
        if (value == null || value.isBlank() || scheme == null || scheme.isBlank() || meaning == null
                || meaning.isBlank()) {
            return null;
        }
        return new Code(value.strip(), scheme.strip(), meaning.strip());
    }

    /**
     * Writes this code into a sequence item: Code Value when it fits SH, Long Code Value otherwise, URN
     * Code Value for URNs and URLs (PS3.3 Section 8.1).
     */
    public DataSet writeTo(DataSet item) {
        if (value.startsWith("urn:") || value.startsWith("http:") || value.startsWith("https:")) {
            item.setString(Tag.URNCodeValue, VR.UR, value);
        } else if (value.length() > MAX_SHORT_VALUE) {
            item.setString(Tag.LongCodeValue, VR.UC, value);
        } else {
            item.setString(Tag.CodeValue, VR.SH, value);
        }
        item.setString(Tag.CodingSchemeDesignator, VR.SH, schemeDesignator);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
        return item;
    }

    /** True when the value and scheme are the same; the meaning is not compared. */
    public boolean sameConcept(Code other) {
        return other != null && value.equals(other.value) && schemeDesignator.equals(other.schemeDesignator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Code c && sameConcept(c);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, schemeDesignator);
    }

    @Override
    public String toString() {
        return "(" + value + ", " + schemeDesignator + ", \"" + meaning + "\")";
    }
}
