package org.delineate.privacy.run;

/**
 * What became of one input file: a line of the {@link Journal}. Holds no PHI: the input is named by its keyed
 * opaque id, the output by its path under the output folder (built from pseudonym UIDs or the opaque id).
 *
 * @param inputId the keyed opaque id of the input's path relative to the input folder
 * @param size the input's size in bytes when processed
 * @param modified the input's last-modified time in milliseconds when processed
 * @param kind what was done
 * @param detail for WRITTEN the output's relative path ('/'-separated); otherwise the reason, without PHI
 */
record Outcome(String inputId, long size, long modified, Kind kind, String detail) {

    /** What was done with an input file. */
    enum Kind {
        /** De-identified and written. */
        WRITTEN,
        /** Read, but not released: burned-in text without a rule, patient missing from a strict table, ... */
        WITHHELD,
        /** Could not be read as DICOM or NIfTI; nothing of it written. */
        QUARANTINED
    }

    /** The journal line, without the line end. */
    String line() {
        return String.join("\t", inputId, Long.toString(size), Long.toString(modified), kind.name(),
                detail.replaceAll("[\\t\\r\\n]", " "));
    }

    /** Parses a journal line; null when it is malformed (e.g. cut short by a crash). */
    static Outcome parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
            return null;
        }
        try {
            return new Outcome(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Kind.valueOf(f[3]), f[4]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
