package org.delineate.privacy.run;

/**
 * What became of one input file: a line of the {@link Journal}. Holds no PHI: the input is named by its keyed
 * opaque id, the output by its path under the output folder (built from pseudonym UIDs or the opaque id), the
 * patient by a keyed pseudonym.
 *
 * @param inputId the keyed opaque id of the input's path relative to the input folder
 * @param size the input's size in bytes when processed
 * @param modified the input's last-modified time in milliseconds when processed
 * @param kind what was done
 * @param detail for WRITTEN the output's relative path ('/'-separated); otherwise the reason, without PHI
 * @param patient the patient the input belongs to, as the keyed pseudonym of its Patient ID ({@link #NO_PATIENT_ID}
 *        for DICOM files without one), or "" when unknown: the verification pass withholds all files of a patient
 *        together
 */
record Outcome(String inputId, long size, long modified, Kind kind, String detail, String patient) {

    /** The patient of DICOM files without a Patient ID: they are withheld together. */
    static final String NO_PATIENT_ID = "no-patient-id";

    /** What was done with an input file. */
    enum Kind {
        /** De-identified and written. */
        WRITTEN,
        /** Read, but not released: burned-in text without a rule, patient missing from a strict table, ... */
        WITHHELD,
        /** Could not be read as DICOM or NIfTI; nothing of it written. */
        QUARANTINED
    }

    /** An outcome of no known patient. */
    Outcome(String inputId, long size, long modified, Kind kind, String detail) {
        this(inputId, size, modified, kind, detail, "");
    }

    /** This input withheld for {@code reason}. */
    Outcome withheld(String reason) {
        return new Outcome(inputId, size, modified, Kind.WITHHELD, reason, patient);
    }

    /** The journal line, without the line end. */
    String line() {
        return String.join("\t", inputId, Long.toString(size), Long.toString(modified), kind.name(),
                detail.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '), patient);
    }

    /** Parses a journal line (five fields, or six with the patient); null when it is malformed (e.g. cut short). */
    static Outcome parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5 && f.length != 6) {
            return null;
        }
        try {
            return new Outcome(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Kind.valueOf(f[3]), f[4],
                    f.length == 6 ? f[5] : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
