package org.delineate.privacy.deid;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.UidRegistry;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.ProfileOption;

/**
 * The identifying values of one data set, collected before it is changed, to find them echoed in values that are
 * kept (free text, UN): the text of every attribute the policy removes or replaces (person names also by
 * component), dates (unless full dates are retained) and non-registry UIDs (unless UIDs are retained). Comparison
 * ignores case. Not thread-safe; one per data set.
 *
 * <p>NB: tokens shorter than 3 characters (4 when all digits) are not collected: they would match ordinary words
 * and numbers, and tokens shorter than 5 characters count only as whole words. A two-letter family name echoed in kept free text is therefore not found; the Clean Descriptors
 * option and the byVr actions are the protection there.
 */
final class IdentifierTokens {

    private static final int MAX_TOKEN = 64;
    /** Decimal numbers (measurements such as "1.52") are not identifiers. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.[0-9]+");
    /** Tokens shorter than this match only as whole words ("RIS" not in "CHARACTERISTICS"). */
    private static final int WHOLE_WORD_BELOW = 5;

    private final Set<String> tokens = new HashSet<>();
    private final ElementRules rules;
    private final UidRegistry registry;
    private final String sopClass;

    private IdentifierTokens(ElementRules rules, UidRegistry registry, String sopClass) {
        this.rules = rules;
        this.registry = registry;
        this.sopClass = sopClass;
    }

    static IdentifierTokens collect(DataSet dataSet, ElementRules rules, UidRegistry registry, String sopClass) {
        IdentifierTokens t = new IdentifierTokens(rules, registry, sopClass);
        t.walk(dataSet, "");
        return t;
    }

    int size() {
        return tokens.size();
    }

    /** True when {@code text} contains any identifying value (ignoring case). */
    boolean foundIn(String text) {
        if (text == null || text.isEmpty() || tokens.isEmpty()) {
            return false;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (String token : tokens) {
            if (token.length() >= WHOLE_WORD_BELOW ? upper.contains(token) : containsWord(upper, token)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code token} occurs in {@code text} with no letter or digit right before or after it. */
    private static boolean containsWord(String text, String token) {
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            int end = i + token.length();
            if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** True when raw bytes decoded as ISO 8859-1 text (how a UN value is inspected) contain an identifying value. */
    boolean foundIn(byte[] raw) {
        return foundIn(new String(raw, StandardCharsets.ISO_8859_1));
    }

    private void walk(DataSet item, String prefix) {
        for (DataElement e : item) {
            int tag = e.tag();
            if (e.isSequence()) {
                Sequence seq = e.sequence();
                String path = seq.isEmpty() ? "" : prefix + Tags.toString(tag);
                for (int i = 0; i < seq.size(); i++) {
                    walk(seq.get(i), path + "[" + (i + 1) + "].");
                }
                continue;
            }
            if (!e.hasBytes() || e.length() == 0 || Tags.isPrivateCreator(tag) || Tags.isGroupLength(tag)) {
                continue;
            }
            VR vr = e.vr();
            if (vr == VR.DA || vr == VR.DT) {
                if (!rules.policy().has(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES)) {
                    for (String value : item.getStrings(tag)) {
                        String v = value.strip();
                        add(v.length() >= 8 ? v.substring(0, 8) : "");
                    }
                }
                continue;
            }
            if (vr == VR.UI) {
                if (!rules.policy().has(ProfileOption.RETAIN_UIDS)) {
                    for (String uid : item.getStrings(tag)) {
                        String u = uid.strip();
                        if (u.length() >= 10 && registry.entry(u).isEmpty()) {
                            add(u);
                        }
                    }
                }
                continue;
            }
            boolean name = vr == VR.PN;
            if (name || vr == VR.LO || vr == VR.SH || vr == VR.ST || vr == VR.LT || vr == VR.UT || vr == VR.UC) {
                ElementRules.Decision d = Tags.isPrivate(tag)
                        ? rules.privateElement(ElementRules.creatorOf(item, tag), tag)
                        : rules.standard(e, sopClass, prefix);
                if (d.pseudonym() || (d.action() != Action.K && d.action() != Action.C)) {
                    for (String value : item.getStrings(tag)) {
                        if (name) {
                            addName(value);
                        } else {
                            add(value.strip());
                        }
                    }
                }
            }
        }
    }

    private void addName(String value) {
        add(value.strip());
        // the name's components and groups ('^' and '='); NB: no regular expression, this runs for every name of
        // every file
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '^' || value.charAt(i) == '=') {
                add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
    }

    private void add(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            return;
        }
        boolean digits = true;
        for (int i = 0; i < token.length() && digits; i++) {
            digits = Character.isDigit(token.charAt(i));
        }
        if (token.length() < (digits ? 4 : 3) || token.equals(DummyValues.TEXT)
                || token.indexOf('.') >= 0 && DECIMAL.matcher(token).matches()) {
            return;
        }
        tokens.add(token.toUpperCase(Locale.ROOT));
    }
}
