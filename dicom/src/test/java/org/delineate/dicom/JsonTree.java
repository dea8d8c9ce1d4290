package org.delineate.dicom;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON as plain Java trees: objects are {@code Map<String, Object>} (insertion-ordered), arrays
 * {@code List<Object>}, numbers {@code Long}, {@code BigInteger} or {@code Double}, then
 * {@code String}, {@code Boolean} and null. Only what the codec comparison needs.
 */
public final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** Parses one JSON text. */
    public static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + abbreviate(text), e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + token);
        }
    }

    /** Writes a tree as indented JSON. */
    public static String write(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object tree) throws IOException {
        if (tree instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) tree).entrySet()) {
                g.writeFieldName(String.valueOf(entry.getKey()));
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (tree instanceof List) {
            g.writeStartArray();
            for (Object item : (List<?>) tree) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (tree instanceof Double) {
            g.writeNumber((Double) tree);
        } else if (tree instanceof java.math.BigInteger) {
            g.writeNumber((java.math.BigInteger) tree);
        } else if (tree instanceof Number) {
            g.writeNumber(((Number) tree).longValue());
        } else if (tree instanceof Boolean) {
            g.writeBoolean((Boolean) tree);
        } else if (tree == null) {
            g.writeNull();
        } else {
            g.writeString(tree.toString());
        }
    }

    public static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
