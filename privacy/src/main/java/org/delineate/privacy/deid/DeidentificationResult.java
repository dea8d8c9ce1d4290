package org.delineate.privacy.deid;

import java.util.List;
import java.util.Set;

import org.delineate.privacy.profile.ProfileOption;

/**
 * The outcome of de-identifying one data set. Immutable.
 *
 * @param audit one entry per element met, in the order processed (parents before their items' elements); no values
 * @param sopClassUid the SOP Class UID of the output (unchanged by de-identification), or null when absent
 * @param sopInstanceUid the SOP Instance UID of the output (the pseudonym UID), or null when absent: the caller
 *        must regenerate the File Meta Information from it (Media Storage SOP Instance UID) and must not name the
 *        output file after anything in the input
 * @param pixelOptionsPending the policy's pixel options (Clean Pixel Data, Clean Recognizable Visual Features) that
 *        the caller must perform on Pixel Data and then record with {@link ConformanceMarkers#recordPerformed}
 */
public record DeidentificationResult(List<AuditEntry> audit, String sopClassUid, String sopInstanceUid,
        Set<ProfileOption> pixelOptionsPending) {

    public DeidentificationResult {
        audit = List.copyOf(audit);
        pixelOptionsPending = Set.copyOf(pixelOptionsPending);
    }

    /** The entries with a given action. */
    public List<AuditEntry> entries(AuditAction action) {
        return audit.stream().filter(e -> e.action() == action).toList();
    }
}
