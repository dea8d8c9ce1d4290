package org.delineate.privacy.pseudonym;

/**
 * A strict {@link LookupTable} has no row for a patient: the data set must be withheld, not given a
 * keyed pseudonym. Unchecked because {@link Pseudonyms} methods declare no exceptions; the
 * de-identification engine catches it per data set. The message names the table, never the patient.
 */
public final class UnknownPatientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownPatientException(String table) {
        super("the patient is not in the lookup table " + table + " and unknown patients are refused (strict lookup)");
    }
}
