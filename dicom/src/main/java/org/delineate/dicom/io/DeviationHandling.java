package org.delineate.dicom.io;

/** What the reader does on a tolerable deviation from the standard: the caller chooses. */
public enum DeviationHandling {
    /** Read on; do not record it. */
    IGNORE,
    /** Read on and record it in {@link DicomFile#deviations()}. */
    WARN,
    /** Stop with a {@link DicomFormatException}. */
    FAIL
}
