package org.delineate.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.charset.SpecificCharacterSet;

/**
 * Decoding and encoding of element values (PS3.5 section 6.2): text split into values and trimmed
 * as the VR defines, binary numbers in either byte order.
 */
public final class Values {

    private static final String[] NONE = new String[0];

    private Values() {
    }

    /** The whole text of a value field, decoded with {@code cs} for VRs that use it, else as ISO 8859-1. */
    public static String text(byte[] raw, VR vr, SpecificCharacterSet cs) {
        if (vr.usesSpecificCharacterSet()) {
            return cs.decode(raw, 0, raw.length, vr == VR.PN);
        }
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /**
     * The values of a text element: split on backslash (except LT, ST, UT, UR), then trimmed of
     * insignificant padding: leading and trailing spaces (trailing only for LT, ST, UT, UR) and
     * trailing NULs. An empty field gives no values.
     */
    public static String[] strings(byte[] raw, VR vr, SpecificCharacterSet cs) {
        if (raw.length == 0) {
            return NONE;
        }
        String text = text(raw, vr, cs);
        if (!vr.isMultiValuedText()) {
            return new String[] {trimTrailing(text)};
        }
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                values.add(trim(text.substring(start, i)));
                start = i + 1;
            }
        }
        return values.toArray(NONE);
    }

    static String trim(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && s.charAt(begin) == ' ') {
            begin++;
        }
        while (end > begin && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(begin, end);
    }

    static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The binary values of US, SS, UL, SL, AT (as 32-bit tags), SV, UV, OW, OL, FL, FD... as longs (UL, UV unsigned). */
    public static long[] longs(byte[] raw, VR vr, boolean bigEndian) {
        int unit = vr == VR.AT ? 4 : vr.unitSize();
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[raw.length / unit];
        for (int i = 0; i < values.length; i++) {
            int at = i * unit;
            switch (vr) {
                case US: case OW: values[i] = buffer.getShort(at) & 0xFFFF; break;
                case SS: values[i] = buffer.getShort(at); break;
                case UL: case OL: values[i] = buffer.getInt(at) & 0xFFFFFFFFL; break;
                case SL: values[i] = buffer.getInt(at); break;
                case AT: values[i] = ((buffer.getShort(at) & 0xFFFFL) << 16) | (buffer.getShort(at + 2) & 0xFFFF); break;
                case SV: case UV: case OV: values[i] = buffer.getLong(at); break;
                case FL: case OF: values[i] = (long) buffer.getFloat(at); break;
                case FD: case OD: values[i] = (long) buffer.getDouble(at); break;
                default: values[i] = raw[at] & 0xFF;
            }
        }
        return values;
    }

    /** The binary values of FL, FD, OF, OD as doubles; integer VRs are converted. */
    public static double[] doubles(byte[] raw, VR vr, boolean bigEndian) {
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (vr == VR.FL || vr == VR.OF) {
            double[] values = new double[raw.length / 4];
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.getFloat(i * 4);
            }
            return values;
        }
        if (vr == VR.FD || vr == VR.OD) {
            double[] values = new double[raw.length / 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.getDouble(i * 8);
            }
            return values;
        }
        long[] longs = longs(raw, vr, bigEndian);
        double[] values = new double[longs.length];
        for (int i = 0; i < longs.length; i++) {
            values[i] = vr == VR.UV ? unsignedToDouble(longs[i]) : longs[i];
        }
        return values;
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }

    /** Encodes text values joined by backslash, padded to even length with the VR's padding byte. */
    public static byte[] encodeStrings(VR vr, SpecificCharacterSet cs, String... values) {
        String joined = String.join("\\", values);
        byte[] bytes = vr.usesSpecificCharacterSet() ? cs.encode(joined, vr == VR.PN)
                : joined.getBytes(StandardCharsets.ISO_8859_1);
        return padded(bytes, vr.paddingByte());
    }

    /** Encodes integers for US, SS, UL, SL, AT, OW, OL, SV, UV, OV in the given byte order. */
    public static byte[] encodeLongs(VR vr, boolean bigEndian, long... values) {
        int unit = vr == VR.AT ? 4 : vr.unitSize();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * unit)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            switch (unit) {
                case 1: buffer.put((byte) value); break;
                case 2: buffer.putShort((short) value); break;
                case 4:
                    if (vr == VR.AT) {
                        buffer.putShort((short) (value >>> 16)).putShort((short) value);
                    } else {
                        buffer.putInt((int) value);
                    }
                    break;
                default: buffer.putLong(value);
            }
        }
        return padded(buffer.array(), (byte) 0);
    }

    /** Encodes floating point values for FL, OF (32-bit) or FD, OD (64-bit). */
    public static byte[] encodeDoubles(VR vr, boolean bigEndian, double... values) {
        boolean single = vr == VR.FL || vr == VR.OF;
        ByteBuffer buffer = ByteBuffer.allocate(values.length * (single ? 4 : 8))
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            if (single) {
                buffer.putFloat((float) value);
            } else {
                buffer.putDouble(value);
            }
        }
        return buffer.array();
    }

    /**
     * A Decimal String (DS) of at most 16 characters that represents {@code value} as closely as
     * possible; throws {@link IllegalArgumentException} for NaN and infinities, which DS cannot hold.
     */
    public static String formatDecimalString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a Decimal String cannot hold " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String plain = Double.toString(value);
        if (plain.length() <= 16 && !plain.contains("E")) {
            return plain;
        }
        for (int digits = 15; digits > 0; digits--) {
            java.math.BigDecimal rounded = new java.math.BigDecimal(value)
                    .round(new java.math.MathContext(digits)).stripTrailingZeros();
            String s = rounded.toString().replace("E+", "E");
            if (s.length() <= 16) {
                return s;
            }
        }
        throw new IllegalArgumentException("cannot format " + value + " as a Decimal String");
    }

    static byte[] padded(byte[] bytes, byte padding) {
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] even = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        even[bytes.length] = padding;
        return even;
    }
}
