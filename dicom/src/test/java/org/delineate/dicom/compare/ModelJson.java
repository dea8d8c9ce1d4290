package org.delineate.dicom.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.Values;
import org.delineate.dicom.data.VR;

/**
 * Delineate's model in the normalized JSON form of {@code pydicom_oracle.py}: the same kinds
 * ({@code strings}, {@code numbers}, {@code tags}, {@code bytes}, {@code fragments},
 * {@code items}) decoded with Delineate's own {@link Values}, so that the two trees can be compared
 * element by element.
 */
final class ModelJson {

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ModelJson() {
    }

    /** The elements of a data set in tag order (null gives an empty list). */
    static List<Object> dataSet(DataSet dataSet) {
        List<Object> elements = new ArrayList<>();
        if (dataSet != null) {
            for (DataElement e : dataSet) {
                elements.add(element(e, e.vr(), dataSet));
            }
        }
        return elements;
    }

    /**
     * One element with its value decoded as {@code vr} (its own VR, or another one the comparison
     * found equivalent); {@code context} is the data set holding it (byte order, character set).
     */
    static Map<String, Object> element(DataElement e, VR vr, DataSet context) {
        return element(e, vr, context, context.bigEndian());
    }

    /** As {@link #element(DataElement, VR, DataSet)}, with binary values decoded in the given byte order. */
    static Map<String, Object> element(DataElement e, VR vr, DataSet context, boolean big) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tag", String.format("%08X", e.tag()));
        map.put("vr", vr.name());
        if (e.isSequence()) {
            List<Object> items = new ArrayList<>();
            for (DataSet item : e.sequence()) {
                items.add(dataSet(item));
            }
            return kind(map, "items", items);
        }
        if (e.isFragments()) {
            return kind(map, "fragments", fragments(e.fragments()));
        }
        byte[] raw = e.bytes();
        switch (vr) {
            case DS: case IS:
                return kind(map, "numbers", numbers(Values.strings(raw, vr, context.characterSet()), vr == VR.IS));
            case AT: {
                List<Object> tags = new ArrayList<>();
                for (long t : Values.longs(raw, vr, big)) {
                    tags.add(String.format("%08X", t));
                }
                return kind(map, "tags", tags);
            }
            case US: case SS: case UL: case SL: case SV: {
                List<Object> numbers = new ArrayList<>();
                for (long v : Values.longs(raw, vr, big)) {
                    numbers.add(v);
                }
                return kind(map, "numbers", numbers);
            }
            case UV: {
                List<Object> numbers = new ArrayList<>();
                for (long v : Values.longs(raw, vr, big)) {
                    numbers.add(v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v)));
                }
                return kind(map, "numbers", numbers);
            }
            case FL: case FD: {
                List<Object> numbers = new ArrayList<>();
                for (double v : Values.doubles(raw, vr, big)) {
                    numbers.add(Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : v);
                }
                return kind(map, "numbers", numbers);
            }
            case OB: case OW: case OF: case OL: case OD: case OV: case UN:
                return kind(map, "bytes", digest(big ? littleEndian(raw, vr) : raw));
            case SQ:
                return kind(map, "items", new ArrayList<>());
            default:
                return kind(map, "strings", new ArrayList<Object>(List.of(Values.strings(raw, vr, context.characterSet()))));
        }
    }

    private static Map<String, Object> kind(Map<String, Object> map, String kind, Object value) {
        map.put("kind", kind);
        map.put("value", value);
        return map;
    }

    /** DS and IS values as numbers where they are decimal numbers, else as the (trimmed) text. */
    private static List<Object> numbers(String[] text, boolean integer) {
        List<Object> values = new ArrayList<>();
        for (String t : text) {
            String s = t.trim();
            if (!DECIMAL.matcher(s).matches()) {
                values.add(s);
            } else if (integer) {
                BigDecimal d = new BigDecimal(s);
                values.add(d.stripTrailingZeros().scale() <= 0 ? narrow(d.toBigIntegerExact()) : (Object) d.doubleValue());
            } else {
                values.add(Double.parseDouble(s));
            }
        }
        return values;
    }

    private static Object narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    static Map<String, Object> digest(byte[] bytes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("length", (long) bytes.length);
        map.put("sha256", HexFormat.of().formatHex(sha256().digest(bytes)));
        return map;
    }

    private static Map<String, Object> fragments(Fragments fragments) {
        MessageDigest sha = sha256();
        List<Object> lengths = new ArrayList<>();
        try {
            for (int i = 0; i < fragments.size(); i++) {
                lengths.add(fragments.itemLength(i));
                sha.update(fragments.item(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lengths", lengths);
        map.put("sha256", HexFormat.of().formatHex(sha.digest()));
        return map;
    }

    /** Multi-byte binary values (OW, OF, OL, OD, OV) of a big-endian data set, put in little-endian order. */
    private static byte[] littleEndian(byte[] raw, VR vr) {
        int unit = vr == VR.OB || vr == VR.UN ? 1 : vr.unitSize();
        if (unit == 1) {
            return raw;
        }
        byte[] out = raw.clone();
        for (int i = 0; i + unit <= raw.length; i += unit) {
            for (int j = 0; j < unit; j++) {
                out[i + j] = raw[i + unit - 1 - j];
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
