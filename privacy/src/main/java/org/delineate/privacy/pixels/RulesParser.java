package org.delineate.privacy.pixels;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a rules file (see {@link RedactionRules}) with Jackson's streaming parser. Strict: unknown
 * keys are errors, since a misspelt criterion would otherwise silently widen a rule. Messages name the
 * source, line and column. Not thread-safe; one per file.
 */
final class RulesParser {

    static final String FORMAT = "delineate-redaction-rules";
    private static final Set<String> RULE_KEYS = Set.of("name", "Modality", "Manufacturer", "ManufacturerModelName",
            "Rows", "Columns", "rectangles");

    private final JsonParser parser;
    private final String source;

    private RulesParser(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    static List<RedactionRule> parse(InputStream in, String source) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return new RulesParser(parser, source).file();
        } catch (RulesFileException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new RulesFileException(source + ": " + where(e.getLocation()) + "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private List<RedactionRule> file() throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "the top level");
        List<RedactionRule> rules = null;
        boolean format = false;
        boolean version = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "format" -> {
                    if (value != JsonToken.VALUE_STRING || !parser.getText().equals(FORMAT)) {
                        throw error("\"format\" must be \"" + FORMAT + "\"");
                    }
                    format = true;
                }
                case "version" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != 1) {
                        throw error("\"version\" must be 1");
                    }
                    version = true;
                }
                case "rules" -> rules = rules();
                case "description" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw error("\"description\" must be a string");
                    }
                }
                default -> throw error("unknown key \"" + key + "\"; expected format, version, description, rules");
            }
        }
        if (!format || !version || rules == null) {
            throw new RulesFileException(source + ": missing " + (!format ? "\"format\"" : !version ? "\"version\"" : "\"rules\"")
                    + "; a rules file is {\"format\": \"" + FORMAT + "\", \"version\": 1, \"rules\": [...]}");
        }
        return rules;
    }

    private List<RedactionRule> rules() throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "\"rules\"");
        List<RedactionRule> rules = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            rules.add(rule(rules.size() + 1));
        }
        return rules;
    }

    private RedactionRule rule(int number) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, "rule " + number);
        JsonLocation start = parser.currentTokenLocation();
        String name = "rule " + number;
        Optional<Pattern> modality = Optional.empty();
        Optional<Pattern> manufacturer = Optional.empty();
        Optional<Pattern> model = Optional.empty();
        OptionalInt rows = OptionalInt.empty();
        OptionalInt columns = OptionalInt.empty();
        List<Rectangle> rectangles = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!RULE_KEYS.contains(key)) {
                throw error("rule " + number + ": unknown key \"" + key + "\"; expected one of " + new TreeSet<>(RULE_KEYS));
            }
            parser.nextToken();
            switch (key) {
                case "name" -> name = string(key);
                case "Modality" -> modality = Optional.of(pattern(key));
                case "Manufacturer" -> manufacturer = Optional.of(pattern(key));
                case "ManufacturerModelName" -> model = Optional.of(pattern(key));
                case "Rows" -> rows = OptionalInt.of(integer(key, 1, 65535));
                case "Columns" -> columns = OptionalInt.of(integer(key, 1, 65535));
                default -> rectangles = rectangles();
            }
        }
        if (rectangles == null) {
            throw new RulesFileException(source + ": " + where(start) + name + " has no \"rectangles\" (use [] for "
                    + "images known to have no burned-in text)");
        }
        try {
            return new RedactionRule(name, modality, manufacturer, model, rows, columns, rectangles);
        } catch (IllegalArgumentException e) {
            throw new RulesFileException(source + ": " + where(start) + e.getMessage());
        }
    }

    private List<Rectangle> rectangles() throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "\"rectangles\"");
        List<Rectangle> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser.currentToken(), JsonToken.START_OBJECT, "a rectangle");
            int[] v = {-1, -1, -1, -1};
            List<String> keys = List.of("x", "y", "width", "height");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int i = keys.indexOf(key);
                if (i < 0) {
                    throw error("unknown rectangle key \"" + key + "\"; expected x, y, width, height");
                }
                parser.nextToken();
                v[i] = integer(key, i < 2 ? 0 : 1, i < 2 ? 65535 : 65536);
            }
            for (int i = 0; i < 4; i++) {
                if (v[i] < 0) {
                    throw error("a rectangle lacks \"" + keys.get(i) + "\"");
                }
            }
            list.add(new Rectangle(v[0], v[1], v[2], v[3]));
        }
        return list;
    }

    private String string(String key) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw error("\"" + key + "\" must be a string");
        }
        return parser.getText();
    }

    private Pattern pattern(String key) throws IOException {
        String regex = string(key);
        try {
            return RedactionRule.pattern(regex);
        } catch (PatternSyntaxException e) {
            throw error("\"" + key + "\" is not a valid regular expression: " + e.getDescription());
        }
    }

    private int integer(String key, int min, int max) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < min
                || parser.getLongValue() > max) {
            throw error("\"" + key + "\" must be a whole number from " + min + " to " + max);
        }
        return parser.getIntValue();
    }

    private void expect(JsonToken found, JsonToken expected, String what) throws IOException {
        if (found != expected) {
            throw error(what + " must be a JSON " + (expected == JsonToken.START_OBJECT ? "object" : "array"));
        }
    }

    private RulesFileException error(String problem) {
        return new RulesFileException(source + ": " + where(parser.currentTokenLocation()) + problem);
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
}
