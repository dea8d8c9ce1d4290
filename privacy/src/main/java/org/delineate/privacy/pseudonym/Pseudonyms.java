package org.delineate.privacy.pseudonym;

/**
 * The replacements de-identification makes for identifiers: deterministic for a given secret key (the same
 * input gives the same output in any run on any machine), and not reversible or recomputable without the
 * key. Implementations are thread-safe. Arguments and results are PHI or derived from it: never log them.
 */
public interface Pseudonyms {

    /**
     * The replacement for a UID: {@code 2.25.<decimal>} derived from a keyed hash of the UID, so every
     * reference to the same UID, in any file, gets the same replacement.
     *
     * @param uid a UID as found in a value (without trailing padding)
     * @return a valid UID of at most 64 characters
     */
    String uid(String uid);

    /**
     * The replacement for Patient ID (0010,0020) and other patient identifiers.
     *
     * @param patientId the original value, stripped of padding; may be empty
     * @return the pseudonym, a valid LO value
     */
    String patientId(String patientId);

    /**
     * The replacement for Patient's Name (0010,0010): names are normalized (case, spacing, component
     * separators, trailing empty components) before mapping, so spellings of the same name agree.
     *
     * @param patientName the original PN value (all component groups); may be empty
     * @param patientId the patient's original ID, for lookups keyed by it; may be empty
     * @return the pseudonym, a valid PN value
     */
    String patientName(String patientName, String patientId);

    /**
     * The number of days to shift every date of one patient: the same for all studies of the patient,
     * within the configured range, and never 0 unless the range is 0.
     *
     * @param patientId the patient's original ID (stripped of padding); may be empty
     */
    int dateShiftDays(String patientId);
}
