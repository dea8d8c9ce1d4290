package org.delineate.dicom.data;

import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

import org.delineate.dicom.dict.DictionaryEntry;
import org.delineate.dicom.dict.ElementDictionary;

/**
 * Decodes an element's bytes by its VR, with the byte order and character set of its data set. A
 * standard attribute encoded as UN is decoded with its dictionary VR, little-endian (PS3.5 6.2.2).
 */
final class TypedValues {

    private TypedValues() {
    }

    /** The VR to decode with: the element's, or for UN the dictionary's when it has one that is not SQ. */
    private static VR decodingVr(DataElement e, DataSet context) {
        if (e.vr() != VR.UN || Tags.isPrivate(e.tag())) {
            return e.vr();
        }
        DictionaryEntry entry = ElementDictionary.standard().entry(e.tag()).orElse(null);
        if (entry == null) {
            return VR.UN;
        }
        VR vr = entry.isAmbiguous() ? AmbiguousVr.resolve(entry.vrText(), context) : entry.vr();
        return vr == null || vr == VR.SQ ? VR.UN : vr;
    }

    private static boolean bigEndian(DataElement e, DataSet context) {
        return e.vr() != VR.UN && context.bigEndian();
    }

    static String[] strings(DataElement e, DataSet context) {
        VR vr = decodingVr(e, context);
        byte[] raw = e.bytes();
        boolean big = bigEndian(e, context);
        if (vr.isText()) {
            return Values.strings(raw, vr, context.characterSet());
        }
        switch (vr) {
            case FL: case FD: case OF: case OD:
                return DoubleStream.of(Values.doubles(raw, vr, big)).mapToObj(Double::toString).toArray(String[]::new);
            case AT:
                return LongStream.of(Values.longs(raw, vr, big)).mapToObj(v -> Tags.toString((int) v)).toArray(String[]::new);
            case US: case SS: case UL: case SL: case SV:
                return LongStream.of(Values.longs(raw, vr, big)).mapToObj(Long::toString).toArray(String[]::new);
            case UV:
                return LongStream.of(Values.longs(raw, vr, big)).mapToObj(Long::toUnsignedString).toArray(String[]::new);
            default:
                return new String[0];
        }
    }

    static long[] longs(DataElement e, DataSet context) {
        VR vr = decodingVr(e, context);
        if (vr == VR.IS || vr == VR.DS) {
            String[] text = Values.strings(e.bytes(), vr, context.characterSet());
            long[] values = new long[text.length];
            int n = 0;
            for (String t : text) {
                try {
                    values[n++] = vr == VR.IS ? Long.parseLong(t.startsWith("+") ? t.substring(1) : t)
                            : (long) Double.parseDouble(t);
                } catch (NumberFormatException ex) {
                    n--;
                }
            }
            return java.util.Arrays.copyOf(values, n);
        }
        if (vr.isText() || vr == VR.OB || vr == VR.UN) {
            return new long[0];
        }
        return Values.longs(e.bytes(), vr, bigEndian(e, context));
    }

    static double[] doubles(DataElement e, DataSet context) {
        VR vr = decodingVr(e, context);
        if (vr == VR.DS || vr == VR.IS) {
            String[] text = Values.strings(e.bytes(), vr, context.characterSet());
            double[] values = new double[text.length];
            int n = 0;
            for (String t : text) {
                try {
                    values[n++] = Double.parseDouble(t);
                } catch (NumberFormatException ex) {
                    n--;
                }
            }
            return java.util.Arrays.copyOf(values, n);
        }
        if (vr.isText() || vr == VR.OB || vr == VR.UN) {
            return new double[0];
        }
        return Values.doubles(e.bytes(), vr, bigEndian(e, context));
    }
}
