package org.delineate.dicom.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.delineate.dicom.TestFiles;

/**
 * The real DICOM files the codec comparison runs on: every file of pydicom's corpus
 * ({@code test_files/**} and {@code charset_files/}) and every DICOM file under
 * {@code ../shared/testdata} ({@code *.dcm}, {@code *.dcm.gz}, DICOMDIR, and files without an
 * extension that carry the "DICM" prefix). Gzipped files ({@code *.gz}, not a transfer syntax) are
 * un-gzipped into a work folder.
 */
final class Corpus {

    /** One file: {@code name} identifies it in test names and the lists of known differences. */
    record Entry(String name, Path source, Path path) {
        @Override
        public String toString() {
            return name;
        }

        /** The file name, e.g. "no_meta.dcm" (of the un-gzipped file). */
        String fileName() {
            return path.getFileName().toString();
        }
    }

    private Corpus() {
    }

    /** All corpus files, pydicom's first, each sorted by path; gzipped ones un-gzipped below {@code work}. */
    static List<Entry> all(Path work) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Path pydicom = TestFiles.PYDICOM_DATA;
        for (Path file : TestFiles.find(pydicom.resolve("test_files"), ".*")) {
            addIfDicom(entries, "pydicom/" + pydicom.relativize(file), file, work, true);
        }
        for (Path file : TestFiles.find(pydicom.resolve("charset_files"), ".*")) {
            addIfDicom(entries, "pydicom/" + pydicom.relativize(file), file, work, true);
        }
        Path shared = TestFiles.testdata();
        for (Path file : TestFiles.find(shared, ".*")) {
            addIfDicom(entries, "testdata/" + shared.relativize(file), file, work, false);
        }
        return entries;
    }

    /**
     * A sample for slower checks: all of pydicom's corpus (small, and made to cover the encodings),
     * and from the shared test data the first file of each folder (a series).
     */
    static List<Entry> sample(List<Entry> all) {
        List<Entry> sample = new ArrayList<>();
        java.util.Set<Path> folders = new java.util.HashSet<>();
        for (Entry e : all) {
            if (e.name().startsWith("pydicom/") || folders.add(e.source().getParent())) {
                sample.add(e);
            }
        }
        return sample;
    }

    private static void addIfDicom(List<Entry> entries, String name, Path file, Path work, boolean pydicomCorpus)
            throws IOException {
        String fileName = file.getFileName().toString();
        if (fileName.matches("(?i).*\\.(txt|json|dump|md|rst|py|pyc|nii|hdr|img|nrrd|png|jpg|seg)(\\.gz)?")
                || fileName.matches("README|LICENSE|COPYING")) {
            return;
        }
        boolean named = fileName.endsWith(".dcm") || fileName.endsWith(".dcm.gz") || fileName.startsWith("DICOMDIR");
        boolean bare = !fileName.contains(".");
        if (!named && !(pydicomCorpus && (bare || fileName.endsWith(".gz"))) && !(bare && hasPrefix(file))) {
            return;
        }
        Path path = file;
        if (fileName.endsWith(".gz")) {
            path = work.resolve(name.replaceFirst("\\.gz$", ""));
            Files.createDirectories(path.getParent());
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        entries.add(new Entry(name, file, path));
    }

    private static boolean hasPrefix(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }
}
