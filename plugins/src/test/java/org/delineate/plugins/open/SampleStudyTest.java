package org.delineate.plugins.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample study generator: valid DICOM (read back by pydicom), made once, then reused; nothing left behind. */
class SampleStudyTest {

    @TempDir
    Path cache;

    @Test
    void generatesValidCtOnceAndReusesIt() throws Exception {
        Path folder = SampleStudy.ensure(cache);
        assertEquals(cache.resolve("sample-ct"), folder);
        List<Path> files = list(folder);
        assertEquals(40, files.size());
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(List.of(folder), entries.toList(), "no temporary folder is left in the cache");
        }

        Map<Path, FileTime> times = new TreeMap<>();
        for (Path f : files) {
            times.put(f, Files.getLastModifiedTime(f));
        }
        Thread.sleep(20);
        assertEquals(folder, SampleStudy.ensure(cache));
        Map<Path, FileTime> again = new TreeMap<>();
        for (Path f : list(folder)) {
            again.put(f, Files.getLastModifiedTime(f));
        }
        assertEquals(times, again, "the second call reuses the files");

        Peers.assumePythonModule("pydicom");
        List<String> args = new ArrayList<>();
        files.forEach(f -> args.add(f.toString()));
        Peers.Result r = Peers.runPythonWithArguments(String.join("\n",
                "import sys, pydicom",
                "series, n = set(), 0",
                "for f in sys.argv[1:]:",
                "    d = pydicom.dcmread(f, force=False)",
                "    assert d.file_meta.MediaStorageSOPClassUID == d.SOPClassUID == '1.2.840.10008.5.1.4.1.1.2'",
                "    assert d.pixel_array.shape == (128, 128)",
                "    series.add(d.SeriesInstanceUID); n += 1",
                "print(n, len(series), d.Modality, d.PatientName)"), args, 120);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("40 1 CT Phantom^Delineate", r.stdout().trim());
    }

    @Test
    void cacheFolderFollowsXdgOrHome() {
        Path cacheFolder = SampleStudy.defaultCache();
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path expected = xdg != null && !xdg.isBlank() ? Path.of(xdg, "delineate")
                : Path.of(System.getProperty("user.home"), ".cache", "delineate");
        assertEquals(expected, cacheFolder);
        assertTrue(cacheFolder.isAbsolute() || xdg != null);
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
