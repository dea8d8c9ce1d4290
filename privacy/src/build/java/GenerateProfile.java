import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build-time generator of the PS3.15 Table E.1-1 resource the privacy module loads.
 *
 * <p>Reads {@code confidentiality_profile_attributes.json} (the standard's table as flat JSON) and writes
 * {@code confidentiality-profile.tsv}: a comment line naming the edition, a header, then one row per
 * attribute: the tag as eight hex digits with {@code x} for repeating-group digits (or {@code private} for
 * the row of all private attributes), the name, the Basic Profile action and the action of each option
 * column (empty when the option does not change the action). Run by Maven in the {@code generate-resources}
 * phase as a single-file Java program: {@code java GenerateProfile.java STANDARD_DIR EDITION RESOURCE_OUT}.
 *
 * <p>NB: a minimal reader of flat JSON (arrays of objects of strings) keeps generation free of dependencies.
 */
public final class GenerateProfile {

    private static final String PACKAGE = "org.delineate.privacy.profile";
    /** Column order of the resource; the runtime reads the same names from the header. */
    static final String[] COLUMNS = {"basicProfile", "rtnSafePrivOpt", "rtnUIDsOpt", "rtnDevIdOpt", "rtnInstIdOpt",
        "rtnPatCharsOpt", "rtnLongFullDatesOpt", "rtnLongModifDatesOpt", "cleanDescOpt", "cleanStructContOpt",
        "cleanGraphOpt"};

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateProfile STANDARD_DIR EDITION RESOURCE_OUT");
        }
        Path source = Path.of(args[0]).resolve("confidentiality_profile_attributes.json");
        String edition = args[1];
        Path out = Path.of(args[2]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(out);
        List<Map<String, String>> rows = new FlatJson(Files.readString(source, StandardCharsets.UTF_8)).rows();
        StringBuilder s = new StringBuilder();
        s.append("# PS3.15 Table E.1-1 Application Level Confidentiality Profile Attributes, DICOM edition ")
                .append(edition).append("; generated from confidentiality_profile_attributes.json, do not edit\n");
        s.append("tag\tname");
        for (String column : COLUMNS) {
            s.append('\t').append(column);
        }
        s.append('\n');
        int count = 0;
        for (Map<String, String> row : rows) {
            String tag = row.getOrDefault("tag", "");
            String pattern;
            if (tag.startsWith("(GGGG,EEEE)")) {
                pattern = "private";
            } else if (tag.matches("\\([0-9A-Fa-fXx]{4},[0-9A-Fa-fXx]{4}\\)")) {
                pattern = (tag.substring(1, 5) + tag.substring(6, 10)).toLowerCase();
            } else {
                throw new IllegalStateException(source + ": unexpected tag " + tag);
            }
            s.append(pattern).append('\t').append(row.getOrDefault("name", "").replaceAll("\\s+", " ").trim());
            for (String column : COLUMNS) {
                String action = row.getOrDefault(column, "");
                if (!action.isEmpty() && !action.matches("X/Z/U\\*|[XZDKCU](/[XZDU])*")) {
                    throw new IllegalStateException(source + ": unexpected action " + action + " for " + tag);
                }
                s.append('\t').append(action);
            }
            s.append('\n');
            count++;
        }
        if (count == 0) {
            throw new IllegalStateException(source + " has no rows");
        }
        Path file = out.resolve("confidentiality-profile.tsv");
        String content = s.toString();
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    /** Reads a JSON array of objects whose values are strings, numbers, booleans or null. */
    static final class FlatJson {
        private final String text;
        private int pos;

        FlatJson(String text) {
            this.text = text;
        }

        List<Map<String, String>> rows() {
            List<Map<String, String>> rows = new ArrayList<>();
            expect('[');
            if (peek() == ']') {
                pos++;
                return rows;
            }
            do {
                rows.add(object());
            } while (comma());
            expect(']');
            return rows;
        }

        private Map<String, String> object() {
            Map<String, String> map = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                pos++;
                return map;
            }
            do {
                String key = string();
                expect(':');
                map.put(key, value());
            } while (comma());
            expect('}');
            return map;
        }

        private String value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            int start = pos;
            while (pos < text.length() && ",}] \n\r\t".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String literal = text.substring(start, pos);
            return literal.equals("null") ? "" : literal;
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'r' -> s.append('\r');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> s.append(e);
                }
            }
        }

        private boolean comma() {
            if (peek() == ',') {
                pos++;
                return true;
            }
            return false;
        }

        private char peek() {
            while (Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalStateException("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }
    }
}
