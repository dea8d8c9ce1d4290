import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Build-time generator of the DICOM data dictionary and UID registry.
 *
 * <p>Reads the standard's tables ({@code attributes.json}, {@code uids.json}) and writes
 * {@code Tag.java} and {@code UID.java} (constants documented as {@code (gggg,eeee) VR VM Name})
 * plus the tab-separated resources the runtime dictionary loads. Run by Maven in the
 * {@code generate-sources} phase as a single-file Java program:
 * {@code java GenerateDictionary.java STANDARD_DIR EDITION JAVA_OUT RESOURCE_OUT}.
 *
 * <p>NB: the input is flat JSON (arrays of objects of strings), so a minimal reader here keeps the
 * build free of dependencies at generation time.
 */
public final class GenerateDictionary {

    private static final String PACKAGE = "org.delineate.dicom.dict";
    private static final Set<String> JAVA_KEYWORDS = Set.of("class", "default", "package", "import");

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: GenerateDictionary STANDARD_DIR EDITION JAVA_OUT RESOURCE_OUT");
        }
        Path standard = Path.of(args[0]);
        String edition = args[1];
        Path javaOut = Path.of(args[2]).resolve(PACKAGE.replace('.', '/'));
        Path resourceOut = Path.of(args[3]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(javaOut);
        Files.createDirectories(resourceOut);

        List<Map<String, String>> attributes = new FlatJson(Files.readString(standard.resolve("attributes.json"))).rows();
        List<Map<String, String>> uids = new FlatJson(Files.readString(standard.resolve("uids.json"))).rows();

        writeIfChanged(javaOut.resolve("Tag.java"), tagSource(attributes, edition));
        writeIfChanged(resourceOut.resolve("attributes.tsv"), attributeTable(attributes, edition));
        writeIfChanged(javaOut.resolve("UID.java"), uidSource(uids, edition));
        writeIfChanged(resourceOut.resolve("uids.tsv"), uidTable(uids, edition));
    }

    private static void writeIfChanged(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** "(50XX,0005)" to "50xx0005". */
    private static String tagPattern(String tag) {
        return tag.substring(1, 5).toLowerCase() + tag.substring(6, 10).toLowerCase();
    }

    private static String vr(Map<String, String> row) {
        String vr = row.get("valueRepresentation");
        return vr.isEmpty() || vr.startsWith("See") ? "NONE" : vr;
    }

    private static String tagSource(List<Map<String, String>> attributes, String edition) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("/**\n * Tags of the DICOM data dictionary (PS3.6, edition ").append(edition).append("), as ints {@code 0xggggeeee}.\n");
        s.append(" *\n * <p>Generated at build time from {@code attributes.json}; do not edit. Repeating groups and\n");
        s.append(" * ranges ({@code 50xx}, {@code 60xx}, {@code 04x0}) are given with their x digits as 0.\n */\n");
        s.append("public final class Tag {\n\n    private Tag() {\n    }\n\n");
        s.append("    /** The edition of the standard these constants come from. */\n");
        s.append("    public static final String EDITION = \"").append(edition).append("\";\n");
        Map<String, String> seen = new TreeMap<>();
        for (Map<String, String> row : attributes) {
            String keyword = row.get("keyword");
            if (keyword.isEmpty() || JAVA_KEYWORDS.contains(keyword) || seen.containsKey(keyword)) {
                continue;
            }
            seen.put(keyword, keyword);
            String value = tagPattern(row.get("tag")).replace('x', '0');
            s.append("\n    /** ").append(row.get("tag").toUpperCase().replace('X', 'x')).append(' ').append(vr(row)).append(' ')
                    .append(row.get("valueMultiplicity")).append(' ').append(escapeJavadoc(row.get("name")));
            if ("Y".equals(row.get("retired"))) {
                s.append(" (retired)");
            }
            s.append(" */\n");
            s.append("    public static final int ").append(keyword).append(" = 0x").append(value.toUpperCase()).append(";\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static String attributeTable(List<Map<String, String>> attributes, String edition) {
        StringBuilder s = new StringBuilder("# PS3.6 data dictionary, edition ").append(edition)
                .append(", generated from attributes.json: tag\\tVR\\tVM\\tkeyword\\tretired\\tname\n");
        for (Map<String, String> row : attributes) {
            s.append(tagPattern(row.get("tag"))).append('\t').append(vr(row)).append('\t').append(row.get("valueMultiplicity"))
                    .append('\t').append(row.get("keyword")).append('\t').append(row.get("retired")).append('\t')
                    .append(row.get("name")).append('\n');
        }
        return s.toString();
    }

    private static String uidSource(List<Map<String, String>> uids, String edition) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("/**\n * Registered UIDs of PS3.6 Annex A (registry as of edition ").append(edition).append(").\n");
        s.append(" *\n * <p>Generated at build time from {@code uids.json}; do not edit.\n */\n");
        s.append("public final class UID {\n\n    private UID() {\n    }\n");
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map<String, String> row : uids) {
            String keyword = row.get("keyword");
            if (keyword.isEmpty() || !Character.isJavaIdentifierStart(keyword.charAt(0)) || seen.containsKey(keyword)) {
                continue;
            }
            seen.put(keyword, keyword);
            s.append("\n    /** ").append(row.get("uid")).append(' ').append(escapeJavadoc(row.get("name"))).append(" (")
                    .append(row.get("type")).append(")");
            if (!row.get("retired").isEmpty()) {
                s.append(" (retired)");
            }
            s.append(" */\n");
            s.append("    public static final String ").append(keyword).append(" = \"").append(row.get("uid")).append("\";\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static String uidTable(List<Map<String, String>> uids, String edition) {
        StringBuilder s = new StringBuilder("# PS3.6 Annex A UID registry (edition ").append(edition)
                .append("), generated from uids.json: uid\\tkeyword\\ttype\\tretired\\tname\n");
        for (Map<String, String> row : uids) {
            s.append(row.get("uid")).append('\t').append(row.get("keyword")).append('\t').append(row.get("type")).append('\t')
                    .append(row.get("retired").isEmpty() ? "N" : "Y").append('\t').append(row.get("name")).append('\n');
        }
        return s.toString();
    }

    private static String escapeJavadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    /** Reader of a JSON array of flat objects whose values are strings. */
    private static final class FlatJson {
        private final String text;
        private int pos;

        FlatJson(String text) {
            this.text = text;
        }

        List<Map<String, String>> rows() {
            List<Map<String, String>> rows = new ArrayList<>();
            expect('[');
            while (peek() != ']') {
                rows.add(object());
                if (peek() == ',') {
                    pos++;
                }
            }
            return rows;
        }

        private Map<String, String> object() {
            Map<String, String> row = new LinkedHashMap<>();
            expect('{');
            while (peek() != '}') {
                String key = string();
                expect(':');
                row.put(key, string());
                if (peek() == ',') {
                    pos++;
                }
            }
            pos++;
            return row;
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n': s.append('\n'); break;
                        case 't': s.append('\t'); break;
                        case 'u': s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; break;
                        default: s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
        }

        private char peek() {
            while (Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalStateException("expected '" + c + "' at offset " + pos + " but found '" + text.charAt(pos) + "'");
            }
            pos++;
        }
    }
}
