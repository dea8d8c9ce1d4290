package org.delineate.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Where the real sample files are: {@code ../shared/testdata} (system property {@code delineate.shared})
 * and pydicom's corpus from Debian's python3-pydicom. Tests read them in place; nothing is copied.
 */
public final class TestFiles {

    /** pydicom's test corpus as installed by Debian's python3-pydicom. */
    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private TestFiles() {
    }

    /** The shared folder beside the checkout. */
    public static Path shared() {
        String property = System.getProperty("delineate.shared");
        Path path = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        return path.toAbsolutePath().normalize();
    }

    public static Path testdata() {
        return shared().resolve("testdata");
    }

    /** The shared test data folder; skips the calling test when it is missing. */
    public static Path assumeTestdata() {
        Path data = testdata();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(data), "no shared test data at " + data);
        return data;
    }

    /** Regular files below {@code root} whose names match {@code regex}, sorted; empty if root is missing. */
    public static List<Path> find(Path root, String regex) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(regex)).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The file itself, or for {@code *.gz} its un-gzipped copy in {@code tmp}. */
    public static Path ungzipped(Path file, Path tmp) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return file;
        }
        Path out = tmp.resolve(file.getFileName().toString().replaceFirst("\\.gz$", ""));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }
}
