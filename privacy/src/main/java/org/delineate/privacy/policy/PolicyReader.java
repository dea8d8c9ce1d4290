package org.delineate.privacy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.json.JsonValues;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.ProfileOption;

/**
 * Reads policy JSON into a {@link Policy}, reporting every problem with the source and its JSON path.
 *
 * <p>NB: the JSON is read with Jackson's streaming parser into plain values ({@link JsonValues}), not a data-binding
 * tree: loading Jackson's data binding cost a third of a second of CPU at every start of {@code delineate deid}.
 */
final class PolicyReader {

    private static final Set<String> KEYS = Set.of("version", "name", "description", "extends", "options",
            "pseudonymizePatient", "scrubIdentifierText", "attributes", "privateAttributes", "byVr", "$comment");
    private static final Set<String> PRIVATE_KEYS = Set.of("creator", "element", "action");

    private final String source;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    private PolicyReader(String source) {
        this.source = source;
    }

    static Policy read(InputStream in, String source) throws IOException {
        Object root;
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() == null) {
                throw new PolicyException(source + ": empty; expected a JSON object");
            }
            root = JsonValues.read(parser, false);
            if (parser.nextToken() != null) {
                throw new PolicyException(source + ": not valid JSON at line " + parser.currentLocation().getLineNr()
                        + ", column " + parser.currentLocation().getColumnNr() + ": text after the policy object");
            }
        } catch (JsonProcessingException e) {
            throw new PolicyException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        return new PolicyReader(source).policy(root);
    }

    private PolicyException error(String path, String message) {
        return new PolicyException(source + ": " + path + ": " + message);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object value) {
        return value instanceof List ? (List<Object>) value : null;
    }

    private Policy policy(Object json) throws PolicyException {
        Map<String, Object> root = object(json);
        if (root == null) {
            throw error("$", "expected a JSON object");
        }
        for (String key : root.keySet()) {
            if (!KEYS.contains(key)) {
                throw error("$." + key, "unknown key; expected one of " + new java.util.TreeSet<>(KEYS));
            }
        }
        if (!(root.get("version") instanceof Long version) || version != (int) (long) version) {
            throw error("$.version", "expected the format version as an integer (" + Policy.FORMAT_VERSION + ")");
        }
        if (version != Policy.FORMAT_VERSION) {
            throw error("$.version", "format version " + version + " is not supported; this version of "
                    + "Delineate reads version " + Policy.FORMAT_VERSION);
        }
        String name = text(root, "name", true);
        String description = text(root, "description", false);

        Policy base = null;
        String parent = text(root, "extends", false);
        if (!parent.isEmpty()) {
            if (!Policy.PRESETS.contains(parent)) {
                throw error("$.extends", "no preset '" + parent + "'; presets: " + Policy.PRESETS);
            }
            base = Policy.preset(parent);
        }
        Set<ProfileOption> options = base == null ? EnumSet.noneOf(ProfileOption.class) : EnumSet.copyOf(
                base.options().isEmpty() ? EnumSet.noneOf(ProfileOption.class) : base.options());
        options.addAll(options(root.get("options")));
        if (options.contains(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES)
                && options.contains(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)) {
            throw error("$.options", "retainLongitudinalFullDates and retainLongitudinalModifiedDates exclude each "
                    + "other (PS3.15 E.3.6)");
        }
        boolean pseudonymize = flag(root, "pseudonymizePatient", base == null || base.pseudonymizePatient());
        boolean scrub = flag(root, "scrubIdentifierText", base == null || base.scrubIdentifierText());

        Map<Integer, Action> attributes = new HashMap<>(base == null ? Map.of() : base.attributeActions());
        attributes.putAll(attributes(root.get("attributes")));
        List<PrivateRule> rules = privateRules(root.get("privateAttributes"));
        if (base != null) {
            rules.addAll(base.privateRules());
        }
        Map<VR, Action> byVr = new EnumMap<>(VR.class);
        if (base != null) {
            byVr.putAll(base.vrActions());
        }
        byVr.putAll(byVr(root.get("byVr")));
        return new Policy(name, description, options, pseudonymize, scrub, attributes, rules, byVr);
    }

    private String text(Map<String, Object> root, String key, boolean required) throws PolicyException {
        Object node = root.get(key);
        if (node == null) {
            if (required) {
                throw error("$." + key, "missing; expected a string");
            }
            return "";
        }
        if (!(node instanceof String text)) {
            throw error("$." + key, "expected a string");
        }
        return text;
    }

    private boolean flag(Map<String, Object> root, String key, boolean defaultValue) throws PolicyException {
        if (!root.containsKey(key)) {
            return defaultValue;
        }
        if (!(root.get(key) instanceof Boolean value)) {
            throw error("$." + key, "expected true or false");
        }
        return value;
    }

    private Set<ProfileOption> options(Object node) throws PolicyException {
        Set<ProfileOption> options = EnumSet.noneOf(ProfileOption.class);
        if (node == null) {
            return options;
        }
        List<Object> list = array(node);
        if (list == null) {
            throw error("$.options", "expected an array of option names");
        }
        for (int i = 0; i < list.size(); i++) {
            ProfileOption option = list.get(i) instanceof String name ? ProfileOption.ofJsonName(name) : null;
            if (option == null) {
                List<String> names = new ArrayList<>();
                for (ProfileOption o : ProfileOption.values()) {
                    names.add(o.jsonName());
                }
                throw error("$.options[" + i + "]", "unknown option; expected one of " + names);
            }
            options.add(option);
        }
        return options;
    }

    private Action action(Object node, String path) throws PolicyException {
        Action action = node instanceof String code ? Action.of(code) : null;
        if (action == null) {
            throw error(path, "expected an action code: D, Z, X, K, C, U, Z/D, X/Z, X/D, X/Z/D or X/Z/U*");
        }
        return action;
    }

    private Map<Integer, Action> attributes(Object node) throws PolicyException {
        Map<Integer, Action> map = new HashMap<>();
        if (node == null) {
            return map;
        }
        Map<String, Object> fields = object(node);
        if (fields == null) {
            throw error("$.attributes", "expected an object of keyword or \"(gggg,eeee)\" to action");
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String path = "$.attributes." + e.getKey();
            int tag = e.getKey().startsWith("(") ? parseTag(e.getKey(), path) : dictionary.tagOf(e.getKey());
            if (tag == -1) {
                throw error(path, "unknown keyword (expected a PS3.6 keyword such as PatientAge, or (gggg,eeee))");
            }
            if (Tags.isPrivate(tag)) {
                throw error(path, "private tags are named by creator under privateAttributes");
            }
            map.put(tag, action(e.getValue(), path));
        }
        return map;
    }

    private int parseTag(String text, String path) throws PolicyException {
        if (!text.matches("\\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\\)")) {
            throw error(path, "expected a tag as (gggg,eeee) in hex");
        }
        return (Integer.parseInt(text.substring(1, 5), 16) << 16) | Integer.parseInt(text.substring(6, 10), 16);
    }

    private List<PrivateRule> privateRules(Object node) throws PolicyException {
        List<PrivateRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        List<Object> list = array(node);
        if (list == null) {
            throw error("$.privateAttributes", "expected an array of {creator, element, action}");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "$.privateAttributes[" + i + "]";
            Map<String, Object> rule = object(list.get(i));
            if (rule == null) {
                throw error(path, "expected an object {creator, element, action}");
            }
            for (String key : rule.keySet()) {
                if (!PRIVATE_KEYS.contains(key)) {
                    throw error(path + "." + key, "unknown key; expected creator, element, action");
                }
            }
            if (!(rule.get("creator") instanceof String creator) || creator.isBlank()) {
                throw error(path + ".creator", "expected the Private Creator value");
            }
            int group = -1;
            int offset = -1;
            if (rule.containsKey("element")) {
                String text = rule.get("element") instanceof String t ? t : "";
                if (!text.matches("\\([0-9A-Fa-f]{3}[13579BbDdFf],[xX]{2}[0-9A-Fa-f]{2}\\)")) {
                    throw error(path + ".element", "expected (gggg,xxee) with an odd group, e.g. (0019,xx10)");
                }
                group = Integer.parseInt(text.substring(1, 5), 16);
                offset = Integer.parseInt(text.substring(8, 10), 16);
            }
            rules.add(new PrivateRule(creator.strip(), group, offset,
                    action(rule.get("action"), path + ".action")));
        }
        return rules;
    }

    private Map<VR, Action> byVr(Object node) throws PolicyException {
        Map<VR, Action> map = new EnumMap<>(VR.class);
        if (node == null) {
            return map;
        }
        Map<String, Object> fields = object(node);
        if (fields == null) {
            throw error("$.byVr", "expected an object of VR to action");
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String path = "$.byVr." + e.getKey();
            VR vr = VR.of(e.getKey());
            if (vr == null || !Policy.VR_KEYS.contains(vr)) {
                throw error(path, "expected one of " + Policy.VR_KEYS);
            }
            map.put(vr, action(e.getValue(), path));
        }
        return map;
    }
}
