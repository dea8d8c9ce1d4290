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
 * Two inputs claiming one output name, and a patient withheld by the verification pass, in the thread interleavings
 * a run can meet: what the journal and the output folder end with. Regression: DeidCommandTest found one of
 * deid-data's two same-UID files released when the second input's conflict was settled before the first input's
 * WRITTEN journal line (which then won as the last line).
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
            Outputs outputs = Outputs.open(tmp, journal);
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

    private static Outcome written(String input, String name, String patient) {
        return new Outcome(input, 1, 1, Kind.WRITTEN, name, patient);
    }

    private Map<String, Outcome> latest(Journal journal) throws IOException {
        Map<String, Outcome> latest = new HashMap<>();
        journal.forEachLatest(o -> latest.put(o.inputId(), o));
        return latest;
    }

    /**
     * Patient P's file a is written (journaled or not yet), then P's file b fails verification, then P's file c
     * comes: all three withheld, a's output deleted; patient Q's file d is not touched.
     */
    @Test
    void aVerificationHitWithholdsEveryFileOfThePatientWhicheverComesFirst() throws IOException {
        for (boolean journaledFirst : new boolean[] {true, false}) {
            Path folder = Files.createDirectories(tmp.resolve("run" + journaledFirst));
            try (Journal journal = Journal.open(folder, "key", "policy")) {
                Outputs outputs = Outputs.open(folder, journal);
                Outcome a = outputs.write(written("a", "s/a.dcm", "P"), out -> out.write(1));
                Outcome d = outputs.record(outputs.write(written("d", "s/d.dcm", "Q"), out -> out.write(4)));
                if (journaledFirst) {
                    outputs.record(a);
                }
                outputs.record(outputs.withholdPatient(written("b", "s/b.dcm", "P").withheld(
                        Outputs.VERIFICATION + "(0010,0010) PatientName holds a token of the patient's name")));
                if (!journaledFirst) {
                    outputs.record(a);
                }
                outputs.record(outputs.write(written("c", "s/c.dcm", "P"), out -> out.write(3)));
                Map<String, Outcome> latest = latest(journal);
                for (String input : new String[] {"a", "b", "c"}) {
                    assertEquals(Kind.WITHHELD, latest.get(input).kind(), input);
                    assertTrue(latest.get(input).detail().startsWith(Outputs.VERIFICATION), input);
                }
                assertEquals(Outputs.SIBLING, latest.get("a").detail());
                assertEquals(Kind.WRITTEN, d.kind());
                assertEquals(Kind.WRITTEN, latest.get("d").kind());
                assertFalse(Files.exists(folder.resolve("s/a.dcm")) || Files.exists(folder.resolve("s/c.dcm")));
                assertTrue(Files.exists(folder.resolve("s/d.dcm")));
            }
        }
    }

    /** A run stopped between a hit and withholding the patient's other outputs: the next invocation does it. */
    @Test
    void aPatientWithheldByAnEarlierInvocationStaysWithheld() throws IOException {
        try (Journal journal = Journal.open(tmp, "key", "policy")) {
            Outputs outputs = Outputs.open(tmp, journal);
            outputs.record(outputs.write(written("a", "s/a.dcm", "P"), out -> out.write(1)));
            // the hit journaled, as if the process died before withholding a
            outputs.record(written("b", "s/b.dcm", "P").withheld(Outputs.VERIFICATION + "file name holds an original UID"));
        }
        assertTrue(Files.exists(tmp.resolve("s/a.dcm")));
        try (Journal journal = Journal.open(tmp, "key", "policy")) {
            Outputs outputs = Outputs.open(tmp, journal);
            assertFalse(Files.exists(tmp.resolve("s/a.dcm")), "withheld when the output folder is opened again");
            Outcome c = outputs.record(outputs.write(written("c", "s/c.dcm", "P"), out -> out.write(3)));
            assertEquals(Outputs.SIBLING, c.detail());
            Map<String, Outcome> latest = latest(journal);
            assertEquals(Outputs.SIBLING, latest.get("a").detail());
            assertEquals("P", latest.get("a").patient(), "the patient is journaled with the outcome");
        }
    }

    /**
     * Patient P is withheld; P's file a and Q's file e claim one name with other content: both withheld as a
     * conflict for e, whichever comes first (a withheld patient's file still claims its name).
     */
    @Test
    void aWithheldPatientsFileStillClaimsItsName() throws IOException {
        for (boolean patientFirst : new boolean[] {true, false}) {
            Path folder = Files.createDirectories(tmp.resolve("claim" + patientFirst));
            try (Journal journal = Journal.open(folder, "key", "policy")) {
                Outputs outputs = Outputs.open(folder, journal);
                outputs.record(outputs.withholdPatient(written("b", "s/b.dcm", "P").withheld(Outputs.VERIFICATION
                        + "x")));
                Outcome a = written("a", "s/x.dcm", "P");
                Outcome e = written("e", "s/x.dcm", "Q");
                if (patientFirst) {
                    outputs.record(outputs.write(a, out -> out.write(1)));
                    outputs.record(outputs.write(e, out -> out.write(2)));
                } else {
                    Outcome pending = outputs.write(e, out -> out.write(2));
                    outputs.record(outputs.write(a, out -> out.write(1)));
                    outputs.record(pending);
                }
                Map<String, Outcome> latest = latest(journal);
                assertEquals(Outputs.SIBLING, latest.get("a").detail(), "order " + patientFirst);
                assertEquals(Outputs.CONFLICT, latest.get("e").detail(), "order " + patientFirst);
                assertFalse(Files.exists(folder.resolve("s/x.dcm")));
            }
        }
    }
}
