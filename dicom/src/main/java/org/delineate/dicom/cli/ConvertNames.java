package org.delineate.dicom.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Base names (without extension) of the files {@code delineate convert} writes: SeriesNumber, then the
 * SeriesDescription, then, when a series makes several outputs, the stack label (echo, image type, ...),
 * each reduced to safe file-name characters. Never built from patient data. Names already given are
 * not given again: the second "5_T1" becomes "5_T1_2" (compared without regard to case). Not thread-safe.
 */
final class ConvertNames {

    /** The longest sanitized component, in characters. */
    private static final int MAX_COMPONENT = 64;

    private final Set<String> used = new HashSet<>();

    /**
     * The next unused name for a volume group.
     *
     * @param seriesNumber SeriesNumber (0020,0011), or null
     * @param seriesDescription SeriesDescription (0008,103E), or null
     * @param label the first stack's label (volume words are dropped), used when {@code severalGroups}
     * @param severalGroups true when the series makes more than one output
     */
    String name(Integer seriesNumber, String seriesDescription, String label, boolean severalGroups) {
        StringBuilder name = new StringBuilder(seriesNumber == null ? "unnumbered" : seriesNumber.toString());
        String description = sanitize(seriesDescription);
        if (!description.isEmpty()) {
            name.append('_').append(description);
        }
        if (severalGroups) {
            String stack = sanitize(groupLabel(label));
            name.append('_').append(stack.isEmpty() ? "stack" : stack);
        }
        String base = name.toString();
        String candidate = base;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

    /**
     * The label without what tells the volumes of one group apart ("volume 3 of 10 ...") and without UIDs
     * (a FrameOfReferenceUID says nothing to a reader of file names).
     */
    static String groupLabel(String label) {
        if (label == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : label.split(", ")) {
            if (part.startsWith("volume ") || part.matches("[0-9.]{16,}")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "_").append(part);
        }
        return out.toString();
    }

    /**
     * The text with runs of characters other than ASCII letters, digits, '-' and '.' replaced by one '_',
     * without leading or trailing '_' or '.', at most 64 characters; empty for null.
     */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("[^A-Za-z0-9.\\-]+", "_").replaceAll("^[_.]+|[_.]+$", "");
        if (s.length() > MAX_COMPONENT) {
            s = s.substring(0, MAX_COMPONENT).replaceAll("[_.]+$", "");
        }
        return s;
    }
}
