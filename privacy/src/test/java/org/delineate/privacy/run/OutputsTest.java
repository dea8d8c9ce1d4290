package org.delineate.privacy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.delineate.privacy.run.Outcome.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two inputs claiming one output name, in the thread interleavings a run can meet: what the journal ends with.
 * Regression: DeidCommandTest found one of deid-data's two same-UID files released when the second input's
 * conflict was settled before the first input's WRITTEN journal line (which then won as the last line).
 */
class OutputsTest {

    @TempDir
    Path tmp;

    /**
     * Inputs a and b both claim {@code s/x.dcm}, with the given one-byte contents; a's journal line comes before b's
     * write ({@code ownerFirst}) or after b's journal line. Returns the journal's last outcome per input.
     */
    private Map<String, Outcome> claimOneName(int contentA, int contentB, boolean ownerFirst) throws IOException {
        try (Journal journal = Journal.open(tmp, "key", "policy")) {
            Outputs outputs = new Outputs(tmp, journal);
            Outcome a = outputs.write(new Outcome("a", 1, 1, Kind.WRITTEN, "s/x.dcm"), out -> out.write(contentA));
            if (ownerFirst) {
                outputs.record(a);
            }
            outputs.record(outputs.write(new Outcome("b", 2, 2, Kind.WRITTEN, "s/x.dcm"), out -> out.write(contentB)));
            if (!ownerFirst) {
                outputs.record(a);
            }
            Map<String, Outcome> latest = new HashMap<>();
            journal.forEachLatest(o -> latest.put(o.inputId(), o));
            return latest;
        }
    }

    @Test
    void conflictSettledBeforeTheOwnersJournalLineWithholdsBoth() throws IOException {
        Map<String, Outcome> latest = claimOneName(1, 2, false);
        assertEquals(Kind.WITHHELD, latest.get("a").kind());
        assertEquals(Kind.WITHHELD, latest.get("b").kind());
        assertEquals(Outputs.CONFLICT, latest.get("a").detail());
        assertFalse(Files.exists(tmp.resolve("s/x.dcm")));
    }

    @Test
    void conflictAfterTheOwnersJournalLineWithholdsBoth() throws IOException {
        Map<String, Outcome> latest = claimOneName(1, 2, true);
        assertEquals(Kind.WITHHELD, latest.get("a").kind());
        assertEquals(Kind.WITHHELD, latest.get("b").kind());
        assertFalse(Files.exists(tmp.resolve("s/x.dcm")));
    }

    @Test
    void identicalContentIsOneOutputForBoth() throws IOException {
        Map<String, Outcome> latest = claimOneName(7, 7, false);
        assertEquals(Kind.WRITTEN, latest.get("a").kind());
        assertEquals(Kind.WRITTEN, latest.get("b").kind());
        assertTrue(Files.exists(tmp.resolve("s/x.dcm")));
    }
}
