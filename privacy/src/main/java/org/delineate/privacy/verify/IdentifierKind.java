package org.delineate.privacy.verify;

/** The kinds of original identifier the verification pass looks for in de-identified outputs. */
public enum IdentifierKind {
    /** A token of the patient's name: (0010,0010) PatientName, other, birth and mother's birth names. */
    PATIENT_NAME("a token of the patient's name"),
    /** A patient identifier: (0010,0020) PatientID, other IDs, Admission ID, Medical Record Locator, Study ID. */
    PATIENT_ID("an original identifier (patient, admission or study ID)"),
    /** (0008,0050) AccessionNumber. */
    ACCESSION_NUMBER("the original accession number"),
    /** (0010,0030) PatientBirthDate, in one of several numeric formats. */
    BIRTH_DATE("the patient's birth date"),
    /** A UID of the input that the policy replaces. */
    UID("an original UID"),
    /** A value the policy removed or replaced (used to clean BIDS sidecars, not by the verification pass). */
    REMOVED_VALUE("a value the policy removes");

    private final String description;

    IdentifierKind(String description) {
        this.description = description;
    }

    /** What a hit holds, for reports: e.g. "the patient's birth date". Never a value. */
    public String description() {
        return description;
    }
}
