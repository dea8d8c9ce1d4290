package org.delineate.privacy.pseudonym;

import java.util.Optional;

/**
 * Pseudonyms from a {@link LookupTable} for the patients it lists, from a fallback for the rest (or an
 * {@link UnknownPatientException} when strict); UIDs always from the fallback. Thread-safe when the
 * fallback is.
 */
final class TablePseudonyms implements Pseudonyms {

    private final LookupTable table;
    private final Pseudonyms fallback;
    private final boolean strict;

    TablePseudonyms(LookupTable table, Pseudonyms fallback, boolean strict) {
        this.table = table;
        this.fallback = fallback;
        this.strict = strict;
    }

    @Override
    public String uid(String uid) {
        return fallback.uid(uid);
    }

    @Override
    public String patientId(String patientId) {
        Optional<LookupTable.Entry> entry = find(patientId);
        return entry.isPresent() ? entry.get().newPatientId() : fallback.patientId(patientId);
    }

    @Override
    public String patientName(String patientName, String patientId) {
        Optional<LookupTable.Entry> entry = find(patientId);
        if (entry.isPresent() && entry.get().newPatientName().isPresent()) {
            return entry.get().newPatientName().get();
        }
        return fallback.patientName(patientName, patientId);
    }

    @Override
    public int dateShiftDays(String patientId) {
        Optional<LookupTable.Entry> entry = find(patientId);
        if (entry.isPresent() && entry.get().dateShiftDays().isPresent()) {
            return entry.get().dateShiftDays().getAsInt();
        }
        return fallback.dateShiftDays(patientId);
    }

    private Optional<LookupTable.Entry> find(String patientId) {
        Optional<LookupTable.Entry> entry = table.find(patientId);
        if (entry.isEmpty() && strict) {
            throw new UnknownPatientException(table.source());
        }
        return entry;
    }

    @Override
    public String toString() {
        return "TablePseudonyms[" + table + (strict ? ", strict" : "") + ", else " + fallback + "]";
    }
}
