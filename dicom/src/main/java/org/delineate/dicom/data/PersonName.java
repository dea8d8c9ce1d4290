package org.delineate.dicom.data;

import java.util.Arrays;

/**
 * A Person Name (PN) value: up to three component groups (alphabetic, ideographic, phonetic),
 * each of up to five components (family, given, middle, prefix, suffix), PS3.5 6.2.1.
 *
 * @param alphabetic the first component group
 * @param ideographic the second component group, empty if absent
 * @param phonetic the third component group, empty if absent
 */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    /** Parses "Family^Given^Middle^Prefix^Suffix=Ideographic=Phonetic". */
    public static PersonName parse(String value) {
        String[] groups = Arrays.copyOf(value.split("=", -1), 3);
        return new PersonName(groups[0] == null ? "" : groups[0], groups[1] == null ? "" : groups[1],
                groups[2] == null ? "" : groups[2]);
    }

    /** The components of the alphabetic group: family, given, middle, prefix, suffix (missing ones empty). */
    public String[] components() {
        String[] parts = Arrays.copyOf(alphabetic.split("\\^", -1), 5);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i] == null ? "" : parts[i].trim();
        }
        return parts;
    }

    public String familyName() {
        return components()[0];
    }

    public String givenName() {
        return components()[1];
    }

    /** The value as encoded, with trailing empty groups and components dropped. */
    @Override
    public String toString() {
        String s = alphabetic + "=" + ideographic + "=" + phonetic;
        return s.replaceAll("[=^]+$", "");
    }
}
