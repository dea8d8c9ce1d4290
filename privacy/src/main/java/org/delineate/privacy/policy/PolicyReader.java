package org.delineate.privacy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.ProfileOption;

/** Reads policy JSON into a {@link Policy}, reporting every problem with the source and its JSON path. */
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
        JsonNode root;
        try {
            // NB: a new mapper per read: cheap next to file I/O, and no shared mutable state.
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new PolicyException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        return new PolicyReader(source).policy(root);
    }

    private PolicyException error(String path, String message) {
        return new PolicyException(source + ": " + path + ": " + message);
    }

    private Policy policy(JsonNode root) throws PolicyException {
        if (root == null || !root.isObject()) {
            throw error("$", "expected a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw error("$." + key, "unknown key; expected one of " + new java.util.TreeSet<>(KEYS));
            }
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) {
            throw error("$.version", "expected the format version as an integer (" + Policy.FORMAT_VERSION + ")");
        }
        if (version.intValue() != Policy.FORMAT_VERSION) {
            throw error("$.version", "format version " + version.intValue() + " is not supported; this version of "
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

    private String text(JsonNode root, String key, boolean required) throws PolicyException {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                throw error("$." + key, "missing; expected a string");
            }
            return "";
        }
        if (!node.isTextual()) {
            throw error("$." + key, "expected a string");
        }
        return node.textValue();
    }

    private boolean flag(JsonNode root, String key, boolean defaultValue) throws PolicyException {
        JsonNode node = root.get(key);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw error("$." + key, "expected true or false");
        }
        return node.booleanValue();
    }

    private Set<ProfileOption> options(JsonNode node) throws PolicyException {
        Set<ProfileOption> options = EnumSet.noneOf(ProfileOption.class);
        if (node == null) {
            return options;
        }
        if (!node.isArray()) {
            throw error("$.options", "expected an array of option names");
        }
        for (int i = 0; i < node.size(); i++) {
            ProfileOption option = node.get(i).isTextual() ? ProfileOption.ofJsonName(node.get(i).textValue()) : null;
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

    private Action action(JsonNode node, String path) throws PolicyException {
        Action action = node != null && node.isTextual() ? Action.of(node.textValue()) : null;
        if (action == null) {
            throw error(path, "expected an action code: D, Z, X, K, C, U, Z/D, X/Z, X/D, X/Z/D or X/Z/U*");
        }
        return action;
    }

    private Map<Integer, Action> attributes(JsonNode node) throws PolicyException {
        Map<Integer, Action> map = new HashMap<>();
        if (node == null) {
            return map;
        }
        if (!node.isObject()) {
            throw error("$.attributes", "expected an object of keyword or \"(gggg,eeee)\" to action");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
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

    private List<PrivateRule> privateRules(JsonNode node) throws PolicyException {
        List<PrivateRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            throw error("$.privateAttributes", "expected an array of {creator, element, action}");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.privateAttributes[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                throw error(path, "expected an object {creator, element, action}");
            }
            for (Iterator<String> it = rule.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!PRIVATE_KEYS.contains(key)) {
                    throw error(path + "." + key, "unknown key; expected creator, element, action");
                }
            }
            JsonNode creator = rule.get("creator");
            if (creator == null || !creator.isTextual() || creator.textValue().isBlank()) {
                throw error(path + ".creator", "expected the Private Creator value");
            }
            int group = -1;
            int offset = -1;
            JsonNode element = rule.get("element");
            if (element != null) {
                String text = element.isTextual() ? element.textValue() : "";
                if (!text.matches("\\([0-9A-Fa-f]{3}[13579BbDdFf],[xX]{2}[0-9A-Fa-f]{2}\\)")) {
                    throw error(path + ".element", "expected (gggg,xxee) with an odd group, e.g. (0019,xx10)");
                }
                group = Integer.parseInt(text.substring(1, 5), 16);
                offset = Integer.parseInt(text.substring(8, 10), 16);
            }
            rules.add(new PrivateRule(creator.textValue().strip(), group, offset,
                    action(rule.get("action"), path + ".action")));
        }
        return rules;
    }

    private Map<VR, Action> byVr(JsonNode node) throws PolicyException {
        Map<VR, Action> map = new EnumMap<>(VR.class);
        if (node == null) {
            return map;
        }
        if (!node.isObject()) {
            throw error("$.byVr", "expected an object of VR to action");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
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
