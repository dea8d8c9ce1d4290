package org.delineate.privacy.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One row of PS3.15 Table E.1-1: an attribute (or a repeating group, or all private attributes), its action in the
 * Basic Profile and the action each option column gives it. Immutable.
 *
 * @param pattern the tag as eight lower-case hex digits with {@code x} for repeating-group digits, or "private"
 * @param name the attribute name as the table writes it
 * @param basic the Basic Profile action
 * @param options the action of each option that changes it (absent options leave the basic action)
 */
public record ProfileRow(String pattern, String name, Action basic, Map<ProfileOption, Action> options) {

    public ProfileRow {
        options = Collections.unmodifiableMap(options.isEmpty() ? new EnumMap<>(ProfileOption.class)
                : new EnumMap<>(options));
    }

    /** True when this row covers {@code tag} (exact tag or repeating-group pattern; never for the private row). */
    public boolean matches(int tag) {
        if (pattern.equals("private")) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = pattern.charAt(i);
            int nibble = (tag >>> (28 - 4 * i)) & 0xF;
            if (c != 'x' && Character.digit(c, 16) != nibble) {
                return false;
            }
        }
        return true;
    }

    /**
     * The action under a set of options: the basic action unless a selected option's column gives another.
     * NB: when two selected options both change the row (e.g. Retain Device Identity K and Retain Longitudinal
     * Modified Dates C for Date of Last Detector Calibration), C wins over K: cleaning is the more protective.
     */
    public Action action(Set<ProfileOption> selected) {
        Action result = null;
        for (Map.Entry<ProfileOption, Action> e : options.entrySet()) {
            if (selected.contains(e.getKey()) && (result == null || e.getValue() == Action.C)) {
                result = e.getValue();
            }
        }
        return result == null ? basic : result;
    }
}
