package org.delineate.privacy.pseudonym;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of RFC 4180 CSV text one at a time: fields separated by commas, records by CRLF or
 * LF, fields optionally in double quotes (which may hold commas, line breaks and doubled quotes).
 * Lines that are entirely empty are skipped. Not thread-safe.
 *
 * <p>NB: messages name the source and line only, never field values, which may be PHI.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    private static final int MAX_FIELD_CHARS = 4096;

    private final Reader in;
    private final String source;
    private int line = 1;

    CsvRecords(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next record, or null at the end. */
    Row next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            if (c == '\r' && (c = read()) != '\n') {
                throw error(line, "carriage return not followed by line feed");
            }
            line++;
            c = read();
        }
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = quoted(field, start);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw error(line, "a double quote inside an unquoted field; quote the whole field");
                    }
                    append(field, c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' && read() != '\n') {
                throw error(line, "carriage return not followed by line feed");
            }
            if (c != -1) {
                line++;
            }
            return new Row(start, fields);
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quoted(StringBuilder field, int start) throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw error(start, "a quoted field is not closed before the end of the file");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                        throw error(line, "text after the closing quote of a field");
                    }
                    return after;
                }
            }
            if (c == '\n') {
                line++;
            }
            append(field, c);
        }
    }

    private void append(StringBuilder field, int c) throws IOException {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw error(line, "a field longer than " + MAX_FIELD_CHARS + " characters");
        }
        field.append((char) c);
    }

    private int read() throws IOException {
        return in.read();
    }

    IOException error(int atLine, String problem) {
        return new IOException(source + ": line " + atLine + ": " + problem);
    }
}
