package org.delineate.dicom.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.delineate.dicom.data.VR;

/**
 * The differences between pydicom's view and Delineate's model that the comparison accepts, each
 * justified by the standard (PS3.5) rather than by either implementation; see
 * {@code docs/codec-comparison.md}. Where a VR difference is accepted, the values must still agree:
 * if Delineate's own decoding differs, its bytes are decoded again with pydicom's VR, which proves
 * that the bytes are the same.
 */
enum Normalization {

    /**
     * Text: trailing spaces and NULs of each value are padding (PS3.5 6.2, 6.4); leading spaces are
     * insignificant for AE, CS, DS, IS, LO and SH (PS3.5 Table 6.2-1); a field of padding only is an
     * empty value (VM 0). PN: trailing empty component groups ("=") are insignificant (PS3.5
     * 6.2.1.1: trailing null component groups and their delimiters may be omitted). Always applied
     * to both sides.
     */
    TEXT_PADDING,
    /**
     * Delineate keeps a UN element of undefined length as a sequence with VR UN, pydicom calls it
     * SQ: PS3.5 6.2.2 defines such a value as a sequence in Implicit VR Little Endian.
     */
    UN_SEQUENCE,
    /**
     * A sequence in Delineate's model that pydicom has as UN bytes of defined length, such as a
     * private sequence of defined length in a file written in Implicit VR: PS3.5 6.2.2 lets a
     * reader that knows the VR decode a UN value as Implicit VR Little Endian, so the items pydicom
     * parses from those bytes that way are compared with Delineate's.
     */
    SEQUENCE_AS_UN,
    /**
     * A private element that Delineate has as UN (Implicit VR, or UN in the file) and pydicom gives
     * a VR from its private dictionary: the VR of a private element is not encoded in Implicit VR
     * (PS3.5 7.8, A.1) and Delineate has no private dictionary by design. Private creators encoded
     * as UN, which pydicom gives as LO: PS3.5 7.8.1 defines them as LO.
     */
    PRIVATE_DICTIONARY_VR,
    /**
     * A standard element encoded as UN that pydicom decodes with its dictionary VR
     * ({@code replace_un_with_known_vr}): PS3.5 6.2.2 defines a UN value as the value encoded in
     * Implicit VR Little Endian, which the dictionary VR decodes.
     */
    UN_DICTIONARY_VR,
    /**
     * Implicit VR, dictionary VR with alternatives ("US or SS", "OB or OW", "US or OW"): the choice
     * depends on context (PS3.5 A.1, PS3.3 C.7.6.3.1.4, C.11.1.1.1), and the two readers may pick
     * different alternatives for the same bytes. US versus SS is accepted only when the values are
     * the same either way, so a wrong Pixel Representation resolution still shows.
     */
    AMBIGUOUS_VR,
    /**
     * Implicit VR, a standard element that pydicom 2.3's older dictionary does not know (so UN) but
     * the 2024e dictionary of Delineate does: the dictionaries' editions differ, not the codecs.
     */
    DICTIONARY_EDITION,
    /**
     * pydicom could not convert a value (for example an IS of "1A"): then its raw bytes must equal
     * Delineate's, byte for byte.
     */
    PYDICOM_CONVERSION_ERROR,
    /**
     * A file Delineate wrote in Implicit VR: the VRs pydicom reports come from its dictionary, not
     * from the file (PS3.5 A.1), so only the values are compared, decoded with pydicom's VR.
     */
    WRITTEN_IMPLICIT_VR,
    /**
     * A file Delineate wrote in Explicit VR: a value too long for the 16-bit length field of its VR
     * is written as UN (PS3.5 6.2.2), which pydicom keeps as UN bytes.
     */
    LONG_VALUE_AS_UN,
    /**
     * pydicom gives a VR to a UN value of an Explicit VR Big Endian file and decodes it big-endian,
     * whereas PS3.5 6.2.2 says a UN value is not byte-swapped and is Little Endian whatever the
     * transfer syntax (which is how Delineate writes it): Delineate's bytes are then decoded the way
     * pydicom decodes them, to show that the bytes are the same.
     */
    UN_BYTE_ORDER,
    /**
     * A file Delineate wrote: group lengths (gggg,0000) are recomputed for the new encoding (PS3.5
     * 7.2; they differ between Implicit and Explicit VR, and some originals carry wrong ones), so
     * their values are not compared; reading the output back with Delineate, which checks them,
     * must report no deviation.
     */
    GROUP_LENGTH_RECOMPUTED,
    /**
     * A file Delineate wrote: a value of odd length in the original is written padded to even
     * length with its VR's padding byte (PS3.5 7.1.1), which pydicom then reads.
     */
    ODD_LENGTH_PADDED;

    /** True when a value that differs under Delineate's VR may be decoded again with pydicom's. */
    boolean redecodes(VR delineate, VR pydicom) {
        if (this == AMBIGUOUS_VR) {
            return !(delineate == VR.US && pydicom == VR.SS || delineate == VR.SS && pydicom == VR.US);
        }
        return this != TEXT_PADDING && this != PYDICOM_CONVERSION_ERROR;
    }

    /** Text values with {@link #TEXT_PADDING} applied, for VR {@code vr}. */
    static List<String> text(String vr, List<?> values) {
        boolean leading = Set.of("AE", "CS", "DS", "IS", "LO", "SH").contains(vr);
        boolean personName = "PN".equals(vr);
        List<String> out = new ArrayList<>();
        for (Object o : values) {
            String s = String.valueOf(o);
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0
                    || personName && s.charAt(end - 1) == '=')) {
                end--;
            }
            int begin = 0;
            while (leading && begin < end && s.charAt(begin) == ' ') {
                begin++;
            }
            out.add(s.substring(begin, end));
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            out.clear();
        }
        return out;
    }
}
