package org.delineate.privacy.bids;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * A JSON document as plain Java values, read and written with jackson-core's streaming API (data binding costs a
 * third of a second at start-up): objects are {@code Map<String, Object>} in document order, arrays
 * {@code List<Object>}, strings {@code String}, numbers {@link BigDecimal} (written back with the same value),
 * {@code Boolean} and {@code null}. Stateless.
 */
final class JsonTree {

    /** Nesting deeper than this is refused (hostile input). */
    static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

    private JsonTree() {
    }

    /**
     * Parses {@code json}.
     *
     * @throws SidecarFormatException when it is not one valid JSON value; the message names the line and column,
     *         never the content (a sidecar may hold names)
     */
    static Object read(byte[] json, String source) throws SidecarFormatException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SidecarFormatException(source + ": empty, expected a JSON object");
            }
            Object value = value(p, first, source, 0);
            if (p.nextToken() != null) {
                throw new SidecarFormatException(source + ": more after the JSON value at line "
                        + p.currentLocation().getLineNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new SidecarFormatException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new SidecarFormatException(source + ": cannot be read as JSON");
        }
    }

    private static Object value(JsonParser p, JsonToken token, String source, int depth) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = p.currentName();
                    if (map.containsKey(key)) {
                        throw new SidecarFormatException(source + ": a key occurs twice in one object at line "
                                + p.currentLocation().getLineNr());
                    }
                    map.put(key, value(p, p.nextToken(), source, depth + 1));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t, source, depth + 1));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new SidecarFormatException(source + ": unexpected JSON at line "
                    + p.currentLocation().getLineNr());
        }
    }

    /** {@code value} as UTF-8 JSON, indented, ending with a line feed. */
    static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            write(g, value);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof BigDecimal n) {
            g.writeNumber(n);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }
}
