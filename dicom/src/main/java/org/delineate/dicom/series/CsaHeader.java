package org.delineate.dicom.series;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements of a Siemens CSA header, the private (0029,xx10) "CSA Image Header Info" or (0029,xx20)
 * "CSA Series Header Info" of the block "SIEMENS CSA HEADER": named elements, each with text values.
 * Immutable.
 *
 * <p>Two layouts exist (both little-endian): "SV10" (a 4-byte "SV10" signature, 4 unused bytes, then
 * the element count) and the older one that starts with the element count. Each element is a
 * 64-byte NUL-terminated name, VM, a 4-byte VR, a type code, the number of items and a check word,
 * then its items: four 32-bit words (the second, or in the old layout the first minus the element
 * count, is the item length), the value, padded to 4 bytes. Values are NUL-terminated text.
 */
final class CsaHeader {

    /** NB: real headers have about 100 elements; a larger count means the bytes are not a CSA header. */
    private static final int MAX_ELEMENTS = 512;
    private static final int MAX_ITEMS = 1024;

    private final Map<String, List<String>> elements;

    private CsaHeader(Map<String, List<String>> elements) {
        this.elements = elements;
    }

    /**
     * Parses a CSA header.
     *
     * @throws IllegalArgumentException naming the byte offset and what was found when the bytes are not a CSA header
     */
    static CsaHeader parse(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean sv10 = bytes.length >= 4 && bytes[0] == 'S' && bytes[1] == 'V' && bytes[2] == '1' && bytes[3] == '0';
        if (sv10) {
            need(in, 8, "the SV10 signature");
            in.position(8);
        }
        need(in, 8, "the element count");
        int count = in.getInt();
        in.getInt();
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new IllegalArgumentException("at byte " + (in.position() - 8) + ": " + count
                    + " elements, expected 0 to " + MAX_ELEMENTS);
        }
        Map<String, List<String>> elements = new LinkedHashMap<>();
        for (int e = 0; e < count; e++) {
            need(in, 84, "element " + e);
            byte[] nameBytes = new byte[64];
            in.get(nameBytes);
            String name = cString(nameBytes, 0, 64);
            int vm = in.getInt();
            in.position(in.position() + 4 + 4); // VR and type code
            int items = in.getInt();
            in.getInt(); // check word
            if (items < 0 || items > MAX_ITEMS) {
                throw new IllegalArgumentException("at byte " + (in.position() - 8) + ": element " + name + " has "
                        + items + " items, expected 0 to " + MAX_ITEMS);
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                need(in, 16, "item " + i + " of " + name);
                int[] words = {in.getInt(), in.getInt(), in.getInt(), in.getInt()};
                int length = sv10 ? words[1] : words[0] - count;
                if (length < 0 || length > in.remaining()) {
                    throw new IllegalArgumentException("at byte " + (in.position() - 16) + ": item " + i + " of " + name
                            + " has length " + length + ", but " + in.remaining() + " bytes remain");
                }
                String value = cString(bytes, in.position(), length);
                // NB: VM counts the meaningful items; later items are empty padding.
                if (vm <= 0 || i < vm) {
                    values.add(value.trim());
                }
                in.position(Math.min(bytes.length, in.position() + ((length + 3) & ~3)));
            }
            elements.putIfAbsent(name, Collections.unmodifiableList(values));
        }
        return new CsaHeader(Collections.unmodifiableMap(elements));
    }

    private static void need(ByteBuffer in, int n, String what) {
        if (in.remaining() < n) {
            throw new IllegalArgumentException("at byte " + in.position() + ": " + in.remaining()
                    + " bytes remain, too few for " + what);
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    /** The non-empty text values of the element, empty when absent. */
    List<String> values(String name) {
        List<String> values = elements.getOrDefault(name, List.of());
        return values.stream().filter(v -> !v.isEmpty()).toList();
    }

    /** The first value as an integer, or {@code defaultValue} when absent or not a number. */
    int intValue(String name, int defaultValue) {
        List<String> values = values(name);
        try {
            return values.isEmpty() ? defaultValue : (int) Math.round(Double.parseDouble(values.get(0)));
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    /** The values as numbers, or null when absent, too few or not numbers. */
    double[] doubles(String name, int count) {
        List<String> values = values(name);
        if (values.size() < count) {
            return null;
        }
        double[] out = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                out[i] = Double.parseDouble(values.get(i));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    /** The element names in header order. */
    List<String> names() {
        return List.copyOf(elements.keySet());
    }
}
