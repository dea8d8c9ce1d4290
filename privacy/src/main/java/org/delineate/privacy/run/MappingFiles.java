package org.delineate.privacy.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.delineate.privacy.pseudonym.Pseudonyms;

/**
 * The re-identification tables a run writes on request ({@code delineate deid --mappings DIR}), as the MIDI-B
 * benchmark expects them: {@value #UIDS} (every UID the run replaced) and {@value #PATIENT_IDS} (every Patient ID
 * it replaced), each CSV (RFC 4180, UTF-8) with the header {@code id_old,id_new}. They hold the original
 * identifiers, so they are <b>sensitive</b>: created owner-only ({@code rw-------}) where the file system has POSIX
 * permissions, never in the output folder, and named in no report.
 *
 * <p>Rows are appended as the engine replaces identifiers, before the file's journal line, so an interrupted run
 * that resumes keeps complete tables; a value may therefore appear more than once (always with the same
 * replacement, which is a function of the key). Memory stays flat: only the most recent rows are remembered to
 * skip repeats (a series repeats its study and series UIDs in every file). Thread-safe.
 */
final class MappingFiles implements Closeable {

    static final String UIDS = "uid_mapping.csv";
    static final String PATIENT_IDS = "patid_mapping.csv";
    private static final String HEADER = "id_old,id_new\n";
    private static final int REMEMBERED = 1 << 12;

    private final Table uids;
    private final Table patientIds;

    private MappingFiles(Table uids, Table patientIds) {
        this.uids = uids;
        this.patientIds = patientIds;
    }

    /** Opens (creating when absent) the two tables in {@code folder}, which is created if needed. */
    static MappingFiles open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Table uids = Table.open(folder.resolve(UIDS));
        try {
            return new MappingFiles(uids, Table.open(folder.resolve(PATIENT_IDS)));
        } catch (IOException | RuntimeException e) {
            uids.close();
            throw e;
        }
    }

    /** {@code pseudonyms} recording every UID and Patient ID replacement into these tables. */
    Pseudonyms recording(Pseudonyms pseudonyms) {
        return new Pseudonyms() {
            @Override
            public String uid(String uid) {
                String replacement = pseudonyms.uid(uid);
                uids.add(uid, replacement);
                return replacement;
            }

            @Override
            public String patientId(String patientId) {
                String replacement = pseudonyms.patientId(patientId);
                if (!patientId.isEmpty()) {
                    patientIds.add(patientId, replacement);
                }
                return replacement;
            }

            @Override
            public String patientName(String patientName, String patientId) {
                return pseudonyms.patientName(patientName, patientId);
            }

            @Override
            public int dateShiftDays(String patientId) {
                return pseudonyms.dateShiftDays(patientId);
            }
        };
    }

    /** The first failure to append, if any: the run must then fail (the tables would be incomplete). */
    IOException failure() {
        return uids.failure != null ? uids.failure : patientIds.failure;
    }

    @Override
    public void close() throws IOException {
        try {
            uids.close();
        } finally {
            patientIds.close();
        }
    }

    /** One CSV file, appended to. */
    private static final class Table implements Closeable {
        private final FileChannel channel;
        private final Map<String, Boolean> recent = new LinkedHashMap<>(2 * REMEMBERED, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
        private IOException failure;

        private Table(FileChannel channel) {
            this.channel = channel;
        }

        static Table open(Path file) throws IOException {
            FileChannel channel;
            try {
                FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"));
                channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND), ownerOnly);
            } catch (UnsupportedOperationException e) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            } catch (FileSystemException e) {
                throw new IOException(file + ": cannot be written (" + e.getReason() + ")", e);
            }
            try {
                if (channel.size() == 0) {
                    Journal.write(channel, HEADER);
                }
                return new Table(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        synchronized void add(String old, String replacement) {
            if (failure != null || recent.put(old, Boolean.TRUE) != null) {
                return;
            }
            try {
                Journal.write(channel, field(old) + "," + field(replacement) + "\n");
            } catch (IOException e) {
                failure = e;
            }
        }

        private static String field(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return value;
            }
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }

        @Override
        public synchronized void close() throws IOException {
            channel.close();
        }
    }
}
