package org.delineate.privacy.pseudonym;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalized form of a Person Name (PN) value that keyed name pseudonyms are computed from, so that
 * spellings of the same name agree. Stateless.
 */
final class PatientNames {

    /** Runs of Unicode White_Space characters. */
    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+");

    private PatientNames() {
    }

    /**
     * Normalizes {@code value}: the first non-empty component group (NB: the alphabetic one, unless it is
     * empty; ideographic and phonetic groups are other writings of the same name and are ignored, so that
     * adding or dropping them does not change the pseudonym); Unicode NFC; upper case (root locale); runs of
     * white space (Unicode White_Space) in each component replaced by one space, then leading and trailing
     * spaces removed; trailing empty
     * components dropped; joined by '^'. Returns "" for an empty or blank name.
     */
    static String normalize(String value) {
        if (value == null) {
            return "";
        }
        for (String group : value.split("=", -1)) {
            String normalized = normalizeGroup(group);
            if (!normalized.isEmpty()) {
                return normalized;
            }
        }
        return "";
    }

    private static String normalizeGroup(String group) {
        String text = Normalizer.normalize(group, Normalizer.Form.NFC).toUpperCase(Locale.ROOT);
        List<String> components = new ArrayList<>();
        for (String c : text.split("\\^", -1)) {
            components.add(WHITE_SPACE.matcher(c).replaceAll(" ").strip());
        }
        while (!components.isEmpty() && components.get(components.size() - 1).isEmpty()) {
            components.remove(components.size() - 1);
        }
        return String.join("^", components);
    }
}
