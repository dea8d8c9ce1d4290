package org.delineate.dicom;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import org.delineate.dicom.json.JsonValues;

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
            return JsonValues.read(parser, false);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + abbreviate(text), e);
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
