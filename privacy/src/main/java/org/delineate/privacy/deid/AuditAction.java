package org.delineate.privacy.deid;

/** What de-identification did to one element. */
public enum AuditAction {
    /** Removed (X). */
    REMOVED,
    /** Replaced with a zero-length value or an empty sequence (Z). */
    EMPTIED,
    /** Replaced with a dummy value of its VR (D), or with the dummy because it echoed an identifier. */
    DUMMY,
    /** Kept unchanged (K, or C that found nothing to clean); for sequences: kept, items processed. */
    KEPT,
    /** Every non-registry UID replaced by its keyed pseudonym UID (U). */
    UID_REPLACED,
    /** Patient's Name or Patient ID replaced by its keyed pseudonym. */
    PSEUDONYM,
    /** Dates shifted by the patient's offset, times kept (Retain Longitudinal ... Modified Dates). */
    DATE_SHIFTED,
    /** Recomputed from other values (Patient's Age from the shifted birth and study dates). */
    RECOMPUTED,
    /** Added by de-identification (conformance markers). */
    ADDED
}
