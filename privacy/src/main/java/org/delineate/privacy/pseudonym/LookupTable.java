package org.delineate.privacy.pseudonym;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user's table of replacements per patient, read from a CSV file (RFC 4180, UTF-8, header row
 * required): columns {@value #PATIENT_ID} (the original Patient ID) and {@value #NEW_PATIENT_ID}, and
 * optionally {@value #NEW_PATIENT_NAME} and {@value #DATE_SHIFT_DAYS}, in any order, names matched
 * ignoring case. Immutable and thread-safe. See {@code docs/deid-pseudonyms.md} for the format.
 *
 * <p>NB: errors name the file and line (and column), never a value: the table is full of PHI.
 */
public final class LookupTable {

    /** The column of the original Patient ID (0010,0020), compared after trimming spaces. */
    public static final String PATIENT_ID = "PatientID";
    /** The column of the replacement Patient ID: non-empty, a valid LO value. */
    public static final String NEW_PATIENT_ID = "NewPatientID";
    /** The optional column of the replacement Patient's Name; empty cells fall back to the keyed pseudonym. */
    public static final String NEW_PATIENT_NAME = "NewPatientName";
    /** The optional column of a fixed date shift in days; empty cells fall back to the keyed shift. */
    public static final String DATE_SHIFT_DAYS = "DateShiftDays";

    private static final long MAX_FILE_BYTES = 256L << 20;

    /** The replacements for one patient. */
    public record Entry(String newPatientId, Optional<String> newPatientName, OptionalInt dateShiftDays) {
        /** Names the fields present, never values. */
        @Override
        public String toString() {
            return "Entry[" + (newPatientName.isPresent() ? "name, " : "") + (dateShiftDays.isPresent() ? "shift, " : "")
                    + "id]";
        }
    }

    private final String source;
    private final Map<String, Entry> entries;

    private LookupTable(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = Map.copyOf(entries);
    }

    /**
     * Reads the table in {@code csv}.
     *
     * @throws IOException naming the file and line (no values) when it is not valid: a missing or unknown
     *         column, a row with the wrong number of fields, an empty or invalid value, a Patient ID or
     *         NewPatientID repeated, bad quoting or encoding
     */
    public static LookupTable read(Path csv) throws IOException {
        String source = csv.toString();
        if (Files.size(csv) > MAX_FILE_BYTES) {
            throw new IOException(source + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB; not a lookup table");
        }
        try (InputStream in = Files.newInputStream(csv)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            return parse(reader, source);
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": not UTF-8 text");
        }
    }

    static LookupTable parse(BufferedReader reader, String source) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CsvRecords records = new CsvRecords(reader, source);
        CsvRecords.Row header = records.next();
        if (header == null) {
            throw new IOException(source + ": empty; expected a header row with " + PATIENT_ID + "," + NEW_PATIENT_ID);
        }
        Columns columns = Columns.of(header, records);
        Map<String, Entry> entries = new HashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        Map<String, Integer> lineOfNewId = new HashMap<>();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (row.fields().size() != header.fields().size()) {
                throw records.error(row.line(), row.fields().size() + " fields, expected " + header.fields().size()
                        + " as in the header");
            }
            String key = row.fields().get(columns.patientId).strip();
            if (key.isEmpty()) {
                throw records.error(row.line(), "empty " + PATIENT_ID);
            }
            Integer earlier = lineOfKey.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw records.error(row.line(), PATIENT_ID + " repeats the one on line " + earlier);
            }
            Entry entry = columns.entry(row, records);
            earlier = lineOfNewId.putIfAbsent(entry.newPatientId(), row.line());
            if (earlier != null) {
                throw records.error(row.line(), NEW_PATIENT_ID + " repeats the one on line " + earlier
                        + " (two patients would become one)");
            }
            entries.put(key, entry);
        }
        return new LookupTable(source, entries);
    }

    /** The replacements for {@code patientId} (trimmed of spaces), or empty when the table has no row for it. */
    public Optional<Entry> find(String patientId) {
        return Optional.ofNullable(entries.get(patientId == null ? "" : patientId.strip()));
    }

    /** The number of patients in the table. */
    public int size() {
        return entries.size();
    }

    /** The file the table was read from. */
    public String source() {
        return source;
    }

    /**
     * Pseudonyms that take a patient's values from this table, and everything else (UIDs, patients not in
     * the table) from {@code fallback}; when {@code strict}, patients not in the table are refused with
     * {@link UnknownPatientException} instead. Thread-safe.
     */
    public Pseudonyms over(Pseudonyms fallback, boolean strict) {
        return new TablePseudonyms(this, Objects.requireNonNull(fallback, "fallback"), strict);
    }

    @Override
    public String toString() {
        return "LookupTable[" + source + ", " + entries.size() + " patients]";
    }

    /** Where the columns are. */
    private static final class Columns {
        int patientId = -1;
        int newPatientId = -1;
        int newPatientName = -1;
        int dateShiftDays = -1;

        static Columns of(CsvRecords.Row header, CsvRecords records) throws IOException {
            Columns c = new Columns();
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < header.fields().size(); i++) {
                String name = header.fields().get(i).strip();
                String lower = name.toLowerCase(Locale.ROOT);
                if (seen.contains(lower)) {
                    throw records.error(header.line(), "column " + (i + 1) + " repeats the header " + name);
                }
                seen.add(lower);
                if (lower.equals(PATIENT_ID.toLowerCase(Locale.ROOT))) {
                    c.patientId = i;
                } else if (lower.equals(NEW_PATIENT_ID.toLowerCase(Locale.ROOT))) {
                    c.newPatientId = i;
                } else if (lower.equals(NEW_PATIENT_NAME.toLowerCase(Locale.ROOT))) {
                    c.newPatientName = i;
                } else if (lower.equals(DATE_SHIFT_DAYS.toLowerCase(Locale.ROOT))) {
                    c.dateShiftDays = i;
                } else {
                    throw records.error(header.line(), "column " + (i + 1) + " has an unknown header; expected "
                            + PATIENT_ID + ", " + NEW_PATIENT_ID + ", " + NEW_PATIENT_NAME + " or " + DATE_SHIFT_DAYS);
                }
            }
            if (c.patientId < 0 || c.newPatientId < 0) {
                throw records.error(header.line(), "the header lacks " + (c.patientId < 0 ? PATIENT_ID : NEW_PATIENT_ID)
                        + "; required columns are " + PATIENT_ID + " and " + NEW_PATIENT_ID);
            }
            return c;
        }

        Entry entry(CsvRecords.Row row, CsvRecords records) throws IOException {
            String id = row.fields().get(newPatientId).strip();
            String problem = id.isEmpty() ? "is empty" : ValueChecks.lo(id);
            if (problem != null) {
                throw records.error(row.line(), NEW_PATIENT_ID + " " + problem);
            }
            Optional<String> name = Optional.empty();
            if (newPatientName >= 0 && !row.fields().get(newPatientName).isBlank()) {
                String value = row.fields().get(newPatientName).strip();
                problem = ValueChecks.pn(value);
                if (problem != null) {
                    throw records.error(row.line(), NEW_PATIENT_NAME + " " + problem);
                }
                name = Optional.of(value);
            }
            OptionalInt shift = OptionalInt.empty();
            if (dateShiftDays >= 0 && !row.fields().get(dateShiftDays).isBlank()) {
                String value = row.fields().get(dateShiftDays).strip();
                try {
                    int days = Integer.parseInt(value);
                    if (Math.abs(days) > DateShiftRange.LIMIT_DAYS) {
                        throw new NumberFormatException();
                    }
                    shift = OptionalInt.of(days);
                } catch (NumberFormatException e) {
                    throw records.error(row.line(), DATE_SHIFT_DAYS + " is not a whole number of days within +-"
                            + DateShiftRange.LIMIT_DAYS);
                }
            }
            return new Entry(id, name, shift);
        }
    }
}
