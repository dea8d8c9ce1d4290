package org.delineate.privacy.pseudonym;

/**
 * Checks of replacement values against their Value Representation (PS3.5 6.2), returning what is wrong
 * without quoting the value (it may be PHI), or null when it is valid. Stateless.
 */
final class ValueChecks {

    private ValueChecks() {
    }

    /** A Long String: at most 64 characters, no backslash, no control characters except ESC. */
    static String lo(String value) {
        if (value.length() > 64) {
            return "has " + value.length() + " characters, more than the 64 of a Long String (LO)";
        }
        return text(value, "a Long String (LO)");
    }

    /**
     * A Person Name: at most 3 component groups separated by '=', each of at most 5 components separated
     * by '^' and at most 64 characters, no backslash, no control characters except ESC.
     */
    static String pn(String value) {
        String[] groups = value.split("=", -1);
        if (groups.length > 3) {
            return "has " + groups.length + " component groups, more than the 3 of a Person Name (PN)";
        }
        for (String group : groups) {
            if (group.length() > 64) {
                return "has a component group of " + group.length() + " characters, more than the 64 of a Person Name (PN)";
            }
            if (group.split("\\^", -1).length > 5) {
                return "has more than the 5 components of a Person Name (PN)";
            }
        }
        return text(value, "a Person Name (PN)");
    }

    private static String text(String value, String vr) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                return "holds a backslash, which separates values and is not allowed in " + vr;
            }
            if (c < 0x20 && c != 0x1B || c == 0x7F) {
                return "holds a control character, which is not allowed in " + vr;
            }
        }
        return null;
    }
}
