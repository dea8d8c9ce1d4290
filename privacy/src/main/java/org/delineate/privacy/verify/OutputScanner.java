package org.delineate.privacy.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.dict.Tag;

/**
 * The verification pass over one de-identified data set: every value at every depth is searched for the input's
 * {@link Identifiers}. Stateless.
 *
 * <p>Searched: text values (with the data set's character set); UI values; code strings (CS) for everything but
 * name tokens, because defined terms such as HEAD may equal a name; OB, OW and UN values as ISO 8859-1 text and
 * again with their NUL bytes dropped (UTF-16 text), all tokens when the value is printable text, else only tokens
 * of 5 characters or more (see {@link Identifiers}). Not searched: Pixel Data (burned-in text is the pixel rules'
 * business), numbers (IS, DS and binary numbers, which identifiers made of digits would match by chance), and the
 * conformance markers De-identification Method and its Code Sequence, whose text comes from the policy.
 */
public final class OutputScanner {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private OutputScanner() {
    }

    /** Every element of {@code output} holding one of {@code ids}, in the order met. */
    public static List<Finding> scan(DataSet output, Identifiers ids) {
        List<Finding> findings = new ArrayList<>();
        if (!ids.isEmpty()) {
            walk(output, "", ids, findings);
        }
        return findings;
    }

    /** A finding for a text outside any data set (a file name, a JSON key or value), or null. */
    public static Finding scanText(String text, String where, Identifiers ids) {
        IdentifierKind kind = ids.find(text, true, false);
        return kind == null ? null : new Finding(where, "", kind);
    }

    private static void walk(DataSet item, String prefix, Identifiers ids, List<Finding> findings) {
        for (DataElement e : item) {
            int tag = e.tag();
            if (skipped(tag)) {
                continue;
            }
            if (e.isSequence()) {
                Sequence seq = e.sequence();
                for (int i = 0; i < seq.size(); i++) {
                    walk(seq.get(i), prefix + Tags.toString(tag) + "[" + (i + 1) + "].", ids, findings);
                }
                continue;
            }
            if (!e.hasBytes() || e.length() == 0) {
                continue;
            }
            IdentifierKind kind = find(item, e, ids);
            if (kind != null) {
                findings.add(new Finding(prefix + Tags.toString(tag), Tags.isPrivate(tag) ? ""
                        : DICTIONARY.keywordOf(tag), kind));
            }
        }
    }

    private static boolean skipped(int tag) {
        return Tags.group(tag) == 0x0002 || tag == Tag.PixelData || tag == Tag.FloatPixelData
                || tag == Tag.DoubleFloatPixelData || tag == Tag.DeidentificationMethod
                || tag == Tag.DeidentificationMethodCodeSequence;
    }

    private static IdentifierKind find(DataSet item, DataElement e, Identifiers ids) {
        VR vr = e.vr();
        byte[] bytes = e.bytes();
        switch (vr) {
            case IS, DS, AT, US, SS, UL, SL, FL, FD, SV, UV, OF, OD, OL, OV -> {
                return null;
            }
            case OB, OW, UN -> {
                boolean text = printable(bytes);
                IdentifierKind kind = ids.find(new String(bytes, StandardCharsets.ISO_8859_1), true, !text);
                return kind != null || text ? kind : ids.find(withoutNuls(bytes), true, true);
            }
            default -> {
                String value = vr.usesSpecificCharacterSet()
                        ? item.characterSet().decode(bytes, 0, bytes.length, vr == VR.PN)
                        : new String(bytes, StandardCharsets.ISO_8859_1);
                return ids.find(value, vr != VR.CS, false);
            }
        }
    }

    /** True when every byte is printable ISO 8859-1 text, a tab or line end, or trailing NUL padding. */
    static boolean printable(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' || b >= 0x7F && b < 0xA0) {
                return false;
            }
        }
        return true;
    }

    private static String withoutNuls(byte[] bytes) {
        char[] chars = new char[bytes.length];
        int n = 0;
        for (byte b : bytes) {
            if (b != 0) {
                chars[n++] = (char) (b & 0xFF);
            }
        }
        return new String(chars, 0, n);
    }
}
