package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle: pydicom. The records of pydicom's DICOMDIR test files (type, ReferencedFileID, referenced
 * SOP Instance UID) as pydicom reads them, and the SOP instances of the files they name as pydicom
 * reads those files, against {@link DicomDirectory} and a {@link SeriesScanner} scan of the DICOMDIR.
 */
class DicomDirectoryTest {

    private static final Path DIR = TestFiles.PYDICOM_DATA.resolve("test_files/dicomdirtests");

    @TempDir
    Path tmp;

    @Test
    void recordsAreThoseThatPydicomReads() throws Exception {
        for (String name : List.of("DICOMDIR", "TINY_ALPHA/DICOMDIR")) {
            Path dicomdir = DIR.resolve(name);
            List<Map<String, Object>> expected = pydicomRecords(dicomdir);
            List<DirectoryRecord> records = DicomDirectory.read(dicomdir);
            assertEquals(expected.size(), records.size(), name);
            for (int i = 0; i < records.size(); i++) {
                DirectoryRecord record = records.get(i);
                Map<String, Object> e = expected.get(i);
                assertEquals(e.get("type"), record.type(), name + " record " + i);
                assertEquals(e.get("id"), record.referencedFileId(), name + " record " + i);
                assertEquals(e.get("uid"), record.referencedSopInstanceUid(), name + " record " + i);
                if (record.file() != null) {
                    assertTrue(Files.isRegularFile(record.file()), record.file().toString());
                }
            }
        }
    }

    @Test
    void scanningADicomDirReadsTheFilesItNames() throws Exception {
        Path dicomdir = DIR.resolve("DICOMDIR");
        Set<String> expected = new TreeSet<>();
        for (Map<String, Object> record : pydicomRecords(dicomdir)) {
            if (record.get("file_uid") != null) {
                expected.add((String) record.get("file_uid"));
            }
        }
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(dicomdir));
        Set<String> found = result.frames().stream().map(FrameHeader::sopInstanceUid).collect(Collectors.toCollection(TreeSet::new));
        result.nonImages().stream().filter(n -> n.sopInstanceUid() != null && expected.contains(n.sopInstanceUid()))
                .forEach(n -> found.add(n.sopInstanceUid()));
        assertEquals(expected, found);
        assertEquals(List.of(), result.unreadable());
        assertTrue(result.nonImages().stream().anyMatch(n -> n.sopClassName().equals("Media Storage Directory Storage")),
                "the DICOMDIR itself is listed as a non-image instance");
        List<Series> series = result.series();
        assertTrue(series.size() >= 10, "several patients, studies and series: " + series.size());
    }

    @Test
    void namesAreMatchedWithoutRegardToCase() throws Exception {
        Path source = DIR.resolve("TINY_ALPHA");
        Path copy = tmp.resolve("tiny");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = source.relativize(file).toString();
                String renamed = relative.equals("DICOMDIR") ? relative : relative.toLowerCase(Locale.ROOT);
                Path target = copy.resolve(renamed);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        List<DirectoryRecord> records = DicomDirectory.read(copy.resolve("DICOMDIR"));
        long images = records.stream().filter(r -> r.file() != null).count();
        assertEquals(50, images);
        for (DirectoryRecord r : records) {
            if (r.file() != null) {
                assertTrue(Files.isRegularFile(r.file()), r.file().toString());
                assertEquals(r.referencedFileId().get(3).toLowerCase(Locale.ROOT), r.file().getFileName().toString());
            }
        }
        ScanResult result = new SeriesScanner(new ScanOptions(2)).scan(List.of(copy.resolve("DICOMDIR")));
        // NB: TINY_ALPHA's CT instances have no Pixel Data, so they are listed as non-image instances.
        assertEquals(0, result.frames().size());
        assertEquals(51, result.nonImages().size());
        assertEquals(List.of(), result.unreadable());
    }

    @Test
    void aRecordNamingAMissingFileIsReportedNotFatal() throws Exception {
        Path copy = tmp.resolve("partial");
        Files.createDirectories(copy);
        Files.copy(DIR.resolve("TINY_ALPHA/DICOMDIR"), copy.resolve("DICOMDIR"));
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(copy.resolve("DICOMDIR")));
        assertEquals(50, result.unreadable().size());
        UnreadableFile first = result.unreadable().get(0);
        assertTrue(first.reason().startsWith("named by a IMAGE record of "), first.reason());
        assertTrue(first.reason().endsWith("(ReferencedFileID PT000000\\ST000000\\SE000000\\IM000000), but no such file exists"),
                first.reason());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pydicomRecords(Path dicomdir) throws IOException {
        Peers.assumePydicom();
        Assumptions.assumeTrue(Files.isRegularFile(dicomdir), "no " + dicomdir);
        String script = String.join("\n",
                "import sys, json, os, pydicom",
                "path = sys.argv[1]",
                "ds = pydicom.dcmread(path)",
                "base = os.path.dirname(path)",
                "for r in ds.DirectoryRecordSequence:",
                "    fid = r.get('ReferencedFileID')",
                "    fid = [] if fid is None else ([fid] if isinstance(fid, str) else list(fid))",
                "    file_uid = None",
                "    if fid:",
                "        file_uid = str(pydicom.dcmread(os.path.join(base, *fid), stop_before_pixels=True).SOPInstanceUID)",
                "    uid = r.get('ReferencedSOPInstanceUIDInFile')",
                "    print(json.dumps({'type': r.DirectoryRecordType, 'id': fid, 'uid': None if uid is None else str(uid),",
                "                      'file_uid': file_uid}))");
        Peers.Result result = Peers.run(List.of(Peers.PYTHON, "-c", script, dicomdir.toString()), 120);
        assertEquals(0, result.exitCode(), result.stderr());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                out.add((Map<String, Object>) JsonTree.parse(line));
            }
        }
        return out;
    }
}
