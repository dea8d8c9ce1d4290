package org.delineate.privacy.verify;

/**
 * Where the verification pass found an original identifier in an output. Holds no value, so it can go into
 * reports and journals.
 *
 * @param path the attribute path (items numbered from 1, e.g. {@code (0040,A730)[2].(0040,A160)}), a JSON key
 *        path of a sidecar, or {@code "file name"}
 * @param keyword the attribute's keyword, or "" (private attributes, JSON keys, file names)
 * @param kind what kind of identifier it holds
 */
public record Finding(String path, String keyword, IdentifierKind kind) {

    /** E.g. {@code (0011,1010) holds the patient's name}. */
    public String describe() {
        return path + (keyword.isEmpty() ? "" : " " + keyword) + " holds " + kind.description();
    }
}
