package org.delineate.dicom.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;

/**
 * Reads a DICOMDIR (Media Storage Directory, PS3.10 8.6 and PS3.3 F) into its records and the files
 * they name. Stateless.
 *
 * <p>ReferencedFileID components are folder and file names relative to the folder holding the
 * DICOMDIR. Media written on other systems often differ in case from the names recorded (all upper case
 * in the DICOMDIR, lower case on disk), so a name that does not exist exactly is matched against the
 * folder's entries without regard to case.
 */
public final class DicomDirectory {

    private DicomDirectory() {
    }

    /** True when {@code ds} is a DICOMDIR: it has a Directory Record Sequence (0004,1220). */
    public static boolean isDicomDirectory(DataSet ds) {
        return ds.getSequence(Tag.DirectoryRecordSequence) != null;
    }

    /**
     * The records of the DICOMDIR {@code file}, in file order.
     *
     * @throws DicomFormatException when the file is not DICOM, or has no Directory Record Sequence (0004,1220)
     */
    public static List<DirectoryRecord> read(Path file) throws IOException {
        DicomFile dicom = new DicomReader(ReadOptions.defaults()).readFile(file);
        Sequence records = dicom.dataSet().getSequence(Tag.DirectoryRecordSequence);
        if (records == null) {
            throw new DicomFormatException(file.toString(), -1, Tag.DirectoryRecordSequence,
                    "no Directory Record Sequence: expected a DICOMDIR");
        }
        Path folder = file.toAbsolutePath().getParent();
        Map<Path, List<Path>> listings = new HashMap<>();
        List<DirectoryRecord> out = new ArrayList<>(records.size());
        for (DataSet record : records) {
            List<String> id = new ArrayList<>();
            for (String component : record.getStrings(Tag.ReferencedFileID)) {
                // NB: some writers put a whole relative path into one value.
                for (String part : component.split("[/\\\\]")) {
                    if (!part.isBlank()) {
                        id.add(part.trim());
                    }
                }
            }
            out.add(new DirectoryRecord(trimmed(record.getString(Tag.DirectoryRecordType)), id,
                    id.isEmpty() ? null : resolve(folder, id, listings),
                    record.getString(Tag.ReferencedSOPClassUIDInFile), record.getString(Tag.ReferencedSOPInstanceUIDInFile)));
        }
        return out;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    /** {@code components} below {@code folder}, each matched without regard to case when the exact name is absent. */
    static Path resolve(Path folder, List<String> components, Map<Path, List<Path>> listings) {
        Path current = folder;
        for (String component : components) {
            Path exact = current.resolve(component);
            if (Files.exists(exact)) {
                current = exact;
                continue;
            }
            Path match = null;
            for (Path entry : listing(current, listings)) {
                if (entry.getFileName().toString().equalsIgnoreCase(component)) {
                    match = entry;
                    break;
                }
            }
            current = match != null ? match : exact;
        }
        return current;
    }

    private static List<Path> listing(Path folder, Map<Path, List<Path>> listings) {
        return listings.computeIfAbsent(folder, f -> {
            if (!Files.isDirectory(f)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(f)) {
                return entries.sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        });
    }
}
