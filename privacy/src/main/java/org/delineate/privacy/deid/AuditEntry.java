package org.delineate.privacy.deid;

/**
 * What de-identification did to one element. Holds no value, so an audit never contains PHI.
 *
 * @param path the attribute path, items numbered from 1, e.g. {@code (0040,A730)[2].(0040,A160)}
 * @param keyword the PS3.6 keyword, or "" for private and unknown tags
 * @param action what was done
 * @param rule why: e.g. "E.1-1 X/Z", "policy attributes", "byVr PN", "private", "E.3.10 safe private",
 *        "identifier echo", "overlay", "curve"
 */
public record AuditEntry(String path, String keyword, AuditAction action, String rule) {

    @Override
    public String toString() {
        return path + (keyword.isEmpty() ? "" : " " + keyword) + " " + action + " (" + rule + ")";
    }
}
