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

    private Map<String, Outcome> latest(Journal journal) throws IOException {
        Map<String, Outcome> latest = new HashMap<>();
        journal.forEachLatest(o -> latest.put(o.inputId(), o));
        return latest;
    }

    @Test
    void conflictSettledBeforeTheOwnersJournalLineWithholdsBoth() throws IOException {
        try (Journal journal = Journal.open(tmp, "key", "policy")) {
            Outputs outputs = new Outputs(tmp, journal);
            Outcome a = outputs.write(new Outcome("a", 1, 1, Kind.WRITTEN, "s/x.dcm"), out -> out.write(1));
            Outcome b = outputs.write(new Outcome("b", 2, 2, Kind.WRITTEN, "s/x.dcm"), out -> out.write(2));
            outputs.record(b);
            outputs.record(a);
            Map<String, Outcome> latest = latest(journal);
            assertEquals(Kind.WITHHELD, latest.get("a").kind());
            assertEquals(Kind.WITHHELD, latest.get("b").kind());
            assertEquals(Outputs.CONFLICT, latest.get("a").detail());
            assertFalse(Files.exists(tmp.resolve("s/x.dcm")));
        }
    }

    @Test
    void conflictAfterTheOwnersJournalLineWithholdsBoth() throws IOException {
        try (Journal journal = Journal.open(tmp, "key", "policy")) {
            Outputs outputs = new Outputs(tmp, journal);
            outputs.record(outputs.write(new Outcome("a", 1, 1, Kind.WRITTEN, "s/x.dcm"), out -> out.write(1)));
            outputs.record(outputs.write(new Outcome("b", 2, 2, Kind.WRITTEN, "s/x.dcm"), out -> out.write(2)));
            Map<String, Outcome> latest = latest(journal);
            assertEquals(Kind.WITHHELD, latest.get("a").kind());
            assertEquals(Kind.WITHHELD, latest.get("b").kind());
            assertFalse(Files.exists(tmp.resolve("s/x.dcm")));
        }
    }

    @Test
    void identicalContentIsOneOutputForBoth() throws IOException {
        try (Journal journal = Journal.open(tmp, "key", "policy")) {
            Outputs outputs = new Outputs(tmp, journal);
            Outcome a = outputs.write(new Outcome("a", 1, 1, Kind.WRITTEN, "s/x.dcm"), out -> out.write(7));
            Outcome b = outputs.write(new Outcome("b", 2, 2, Kind.WRITTEN, "s/x.dcm"), out -> out.write(7));
            outputs.record(b);
            outputs.record(a);
            Map<String, Outcome> latest = latest(journal);
            assertEquals(Kind.WRITTEN, latest.get("a").kind());
            assertEquals(Kind.WRITTEN, latest.get("b").kind());
            assertTrue(Files.exists(tmp.resolve("s/x.dcm")));
        }
    }
}
