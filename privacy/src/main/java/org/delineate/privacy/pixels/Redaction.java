package org.delineate.privacy.pixels;

import java.util.List;
import java.util.Objects;

import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.TransferSyntax;

/**
 * The outcome of {@link PixelRedactor#redact}: the decision, why, the rules that applied, and the file to
 * write (in {@link #transferSyntax()}). The reason names attributes, rules and transfer syntaxes, never
 * attribute values, so it can be logged. Immutable apart from the file's data set.
 *
 * @param decision what was done
 * @param reason why, for the report; never PHI
 * @param rules the names of the rules that applied (empty unless REDACTED)
 * @param file the file to write: the input itself unless the Pixel Data had to be transcoded; for
 *        WITHHELD, the input, which must not be released
 * @param transferSyntax the transfer syntax to write the file in: its own, or Explicit VR Little Endian
 *        when encapsulated Pixel Data was decoded to be redacted
 */
public record Redaction(Decision decision, String reason, List<String> rules, DicomFile file,
        TransferSyntax transferSyntax) {

    public Redaction {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        rules = List.copyOf(rules);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    /** True when the file may be released (UNCHANGED or REDACTED). */
    public boolean releasable() {
        return decision != Decision.WITHHELD;
    }
}
