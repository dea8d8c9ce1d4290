package org.delineate.privacy.run;

import org.delineate.privacy.pseudonym.KeyedPseudonyms;

/**
 * Names the patient of an input in the journal without PHI, the same way for DICOM files and BIDS sidecars, so the
 * verification pass can withhold a patient's files together: the pseudonym Patient ID of the output when the policy
 * gave one (no extra keyed hash per file), else the keyed pseudonym of the original ID. Thread-safe.
 *
 * @param keyed the run's keyed pseudonyms
 * @param pseudonymized whether the policy replaces Patient ID with a pseudonym
 */
record PatientKeys(KeyedPseudonyms keyed, boolean pseudonymized) {

    /**
     * The patient of an input whose original Patient ID is {@code originalId} (stripped) and whose output holds
     * {@code releasedId}; {@link Outcome#NO_PATIENT_ID} when the input has none.
     */
    String of(String originalId, String releasedId) {
        if (originalId.isEmpty()) {
            return Outcome.NO_PATIENT_ID;
        }
        return pseudonymized && !releasedId.isEmpty() && !releasedId.equals(originalId)
                && !hasControl(releasedId) ? releasedId : keyed.patientId(originalId);
    }

    /** Whether {@code s} holds a control character. NB: a loop, not a stream: asked for every file of a run. */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < ' ') {
                return true;
            }
        }
        return false;
    }
}
