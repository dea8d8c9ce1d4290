package org.delineate.privacy.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupTableTest {

    private static final String PHI_ID = "MRN778899";
    private static final String PHI_NAME = "Smith^Alice";

    @TempDir
    Path tmp;

    static LookupTable table(Path dir, String csv) throws IOException {
        Path file = Files.createTempFile(dir, "lookup", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return LookupTable.read(file);
    }

    @Test
    void tableWinsElseKeyed() throws IOException {
        LookupTable t = table(tmp, "\uFEFFNewPatientName,patientid,NewPatientID,DateShiftDays\r\n"
                + "\"Study^Subject, One\"," + PHI_ID + ",SUBJ-001,-400\r\n"
                + "\r\n"
                + ",\" 42 \",SUBJ-002,\r\n"
                + "\"Line\"\"Name\"\"\",X7,SUBJ-003,12");
        assertEquals(3, t.size());
        KeyedPseudonyms keyed = KeyedPseudonyms.of(KeyFile.ofBytes(KeyedPseudonymsTest.filled(8)));
        Pseudonyms p = t.over(keyed, false);
        assertEquals("SUBJ-001", p.patientId(PHI_ID));
        assertEquals("Study^Subject, One", p.patientName(PHI_NAME, PHI_ID));
        assertEquals(-400, p.dateShiftDays(PHI_ID));
        assertEquals("SUBJ-002", p.patientId("42"), "keys are trimmed");
        assertEquals(keyed.patientName(PHI_NAME, "42"), p.patientName(PHI_NAME, "42"), "empty name cell: keyed");
        assertEquals(keyed.dateShiftDays("42"), p.dateShiftDays("42"), "empty shift cell: keyed");
        assertEquals("Line\"Name\"", t.find("X7").orElseThrow().newPatientName().orElseThrow());
        assertEquals(keyed.patientId("other"), p.patientId("other"));
        assertEquals(keyed.uid("1.2.3"), p.uid("1.2.3"));
    }

    @Test
    void strictRefusesUnknownPatientsWithoutNamingThem() throws IOException {
        LookupTable t = table(tmp, "PatientID,NewPatientID\n" + PHI_ID + ",S1\n");
        Pseudonyms p = t.over(KeyedPseudonyms.of(KeyFile.ofBytes(KeyedPseudonymsTest.filled(8))), true);
        assertEquals("S1", p.patientId(PHI_ID));
        for (Runnable call : List.<Runnable>of(() -> p.patientId("OTHER123"), () -> p.patientName(PHI_NAME, "OTHER123"),
                () -> p.dateShiftDays("OTHER123"))) {
            UnknownPatientException e = assertThrows(UnknownPatientException.class, call::run);
            assertTrue(e.getMessage().contains(t.source()) && e.getMessage().contains("strict"), e.getMessage());
            assertFalse(e.getMessage().contains("OTHER123") || e.getMessage().contains("Smith"), e.getMessage());
        }
    }

    @Test
    void malformedTablesAreRefusedWithLineAndNoValues() throws IOException {
        String h = "PatientID,NewPatientID,NewPatientName,DateShiftDays\n";
        assertRefused("", "empty; expected a header row");
        assertRefused("PatientID,NewName\n" + PHI_ID + ",S\n", "line 1: column 2 has an unknown header");
        assertRefused("PatientID,NewPatientName\n" + PHI_ID + ",S\n", "line 1: the header lacks NewPatientID");
        assertRefused("PatientID,NewPatientID,patientid\n", "line 1: column 3 repeats the header");
        assertRefused(h + "A1,S1,,\n" + PHI_ID + ",S2,\n", "line 3: 3 fields, expected 4 as in the header");
        assertRefused(h + PHI_ID + ",S1,,\nB,S2,,\n" + PHI_ID + ",S3,,\n", "line 4: PatientID repeats the one on line 2");
        assertRefused(h + PHI_ID + ",S1,,\nB,S1,,\n", "line 3: NewPatientID repeats the one on line 2");
        assertRefused(h + PHI_ID + ",,,\n", "line 2: NewPatientID is empty");
        assertRefused(h + ",S1,,\n", "line 2: empty PatientID");
        assertRefused(h + PHI_ID + ",S\\1,,\n", "line 2: NewPatientID holds a backslash");
        assertRefused(h + PHI_ID + "," + "S".repeat(65) + ",,\n", "line 2: NewPatientID has 65 characters");
        assertRefused(h + PHI_ID + ",S1,A^B^C^D^E^F,\n", "line 2: NewPatientName has more than the 5 components");
        assertRefused(h + PHI_ID + ",S1,A=B=C=D,\n", "line 2: NewPatientName has 4 component groups");
        assertRefused(h + PHI_ID + ",S1,,soon\n", "line 2: DateShiftDays is not a whole number");
        assertRefused(h + PHI_ID + ",S1,,99999999\n", "line 2: DateShiftDays is not a whole number");
        assertRefused(h + "\"" + PHI_ID + ",S1,,\n", "line 2: a quoted field is not closed");
        assertRefused(h + "\n\n\"" + PHI_ID + "\"x,S1,,\n", "line 4: text after the closing quote");
        assertRefused(h + PHI_ID + "\"x,S1,,\n", "line 2: a double quote inside an unquoted field");
        assertRefused(h + "\"a\nb\",S1,,\n" + PHI_ID + ",S2\n", "line 4: 2 fields");
        assertRefused(h + "A,S1,,\n" + PHI_ID + ",S2,\"Multi\nLine\",\n", "line 3: NewPatientName holds a control character");
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, (h + "M\u00fcller,S1,,\n").getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> LookupTable.read(latin1));
        assertEquals(latin1 + ": not UTF-8 text", e.getMessage());
    }

    private void assertRefused(String csv, String expected) throws IOException {
        Path file = Files.createTempFile(tmp, "bad", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> LookupTable.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " lacks " + expected);
        assertFalse(e.getMessage().contains(PHI_ID) || e.getMessage().contains("Smith"), "PHI in " + e.getMessage());
    }

    @Test
    void entriesPrintNoValues() throws IOException {
        LookupTable t = table(tmp, "PatientID,NewPatientID,NewPatientName\n" + PHI_ID + ",S1," + PHI_NAME + "\n");
        String text = t.toString() + t.find(PHI_ID).orElseThrow();
        assertFalse(text.contains(PHI_ID) || text.contains("S1") || text.contains("Smith"), text);
    }
}
