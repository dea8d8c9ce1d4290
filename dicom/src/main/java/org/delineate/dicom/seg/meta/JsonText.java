package org.delineate.dicom.seg.meta;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;

import org.delineate.dicom.json.JsonValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * JSON text as plain Java values: objects are insertion-ordered {@code Map<String, Object>}, arrays
 * {@code List<Object>}, numbers {@code Long}, {@code BigInteger}, {@code Double} or {@code BigDecimal}, then
 * {@code String}, {@code Boolean} and null. Duplicate keys are an error.
 */
final class JsonText {

    // NB: Jackson's own limits (nesting depth, string and number length) keep hostile input bounded.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    private JsonText() {
    }

    static Object parse(byte[] text, String source) throws MetadataFormatException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                if (parser.nextToken() == null) {
                    throw new MetadataFormatException(source, null, "empty file, expected a JSON object");
                }
                Object value = JsonValues.read(parser, true);
                if (parser.nextToken() != null) {
                    throw new MetadataFormatException(source, where(parser.currentLocation()),
                            "text after the JSON value", null);
                }
                return value;
            } catch (JsonProcessingException e) {
                // NB: errors raised by Jackson's limits carry no location; the parser's current one is as good.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new MetadataFormatException(source, where(at), "not valid JSON: " + e.getOriginalMessage(), e);
            }
        } catch (MetadataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new MetadataFormatException(source, "?", "cannot parse: " + e.getMessage(), e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "?" : "line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    /** How a JSON value is named in messages: its kind, and the value itself when short. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        return "the number " + value;
    }
}
