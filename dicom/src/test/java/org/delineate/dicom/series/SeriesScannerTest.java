package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.geometry.Vectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of real folders: what is stacked, what is listed apart, what is reported as unreadable. */
class SeriesScannerTest {

    @TempDir
    Path tmp;

    private static Path data(String path) {
        Path p = TestFiles.testdata().resolve(path);
        Assumptions.assumeTrue(Files.exists(p), "no " + p);
        return p;
    }

    @Test
    void nonImageObjectsAreListedApartWithTheirSopClass() throws Exception {
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(data("rt_utils_testdata/tests/mock_data"),
                data("highdicom_testdata/data/test_files")));
        Set<String> classes = result.nonImages().stream().map(NonImageInstance::sopClassName).collect(Collectors.toSet());
        assertEquals(Set.of("RT Structure Set Storage", "Segmentation Storage", "Comprehensive 3D SR Storage"), classes);
        assertEquals(3 + 6 + 1, result.nonImages().size());
        assertEquals(List.of("README.md"), result.unreadable().stream().map(u -> u.file().getFileName().toString()).toList());
        List<Series> series = result.series();
        FrameStack ct = series.stream().flatMap(s -> s.stacks().stream()).filter(s -> s.slices() == 2).findFirst().orElseThrow();
        assertArrayEquals(new double[] {0, 0, 5}, ct.geometry().sliceStep(), 1e-9);
        assertEquals("512 x 512 x 2", ct.summary().dimensions());
        assertEquals("CT", ct.summary().info().modality());
    }

    @Test
    void obliqueSlicesWithoutSliceLocationAreSortedByPosition() throws Exception {
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(data("rt_utils_testdata/tests/oriented_data")));
        FrameStack stack = result.series().get(0).stacks().get(0);
        assertEquals(3, stack.slices());
        assertEquals(List.of("0.dcm", "1.dcm", "2.dcm"),
                stack.frames().stream().map(f -> f.file().getFileName().toString()).toList());
        double[] normal = stack.geometry().normal();
        assertEquals(1, Math.abs(Vectors.dot(Vectors.normalized(stack.geometry().sliceStep()), normal)), 1e-6);
        assertEquals(List.of(), stack.notes());
    }

    @Test
    void foldersAreWalkedDeepLinksToFilesFollowedLinksToFoldersNot() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("walk/a/b"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.copy(data("rt_utils_testdata/tests/mock_data/ct_1.dcm"), folder.resolve("deep.dcm"));
        Files.copy(data("rt_utils_testdata/tests/mock_data/ct_2.dcm"), elsewhere.resolve("linked.dcm"));
        Files.copy(data("rt_utils_testdata/tests/mock_data/ct_1.dcm"), elsewhere.resolve("inLinkedFolder.dcm"));
        try {
            Files.createSymbolicLink(tmp.resolve("walk/link.dcm"), elsewhere.resolve("linked.dcm"));
            Files.createSymbolicLink(tmp.resolve("walk/a/folderLink"), elsewhere);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(tmp.resolve("walk")));
        assertEquals(List.of("deep.dcm", "link.dcm"),
                result.frames().stream().map(f -> f.file().getFileName().toString()).sorted().toList());
        assertEquals(List.of(), result.unreadable());
    }

    @Test
    void filesThatAreNotDicomOrBrokenAreReportedAndTheScanGoesOn() throws Exception {
        Path folder = tmp.resolve("mixed");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("README.txt"), "not an image\n");
        byte[] ct = Files.readAllBytes(data("rt_utils_testdata/tests/mock_data/ct_1.dcm"));
        Files.write(folder.resolve("truncated.dcm"), Arrays.copyOf(ct, 900));
        Files.copy(data("rt_utils_testdata/tests/mock_data/ct_2.dcm"), folder.resolve("ct_2.dcm"));
        ScanResult result = new SeriesScanner(new ScanOptions(3)).scan(List.of(folder, tmp.resolve("absent")));
        assertEquals(1, result.frames().size());
        assertEquals(3, result.unreadable().size(), result.unreadable().toString());
        UnreadableFile readme = find(result, "README.txt");
        assertEquals("not a DICOM file: no \"DICM\" at byte 128 and no group 0002 or 0008 element at byte 0", readme.reason());
        UnreadableFile truncated = find(result, "truncated.dcm");
        assertTrue(truncated.reason().startsWith(folder.resolve("truncated.dcm") + ": at byte "), truncated.reason());
        assertEquals("no such file or folder", find(result, "absent").reason());
    }

    @Test
    void aRawDataSetWithoutPreambleIsRead() throws Exception {
        Path rtstruct = data("pydicom_testfiles/src/pydicom/data/test_files/rtstruct.dcm");
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(rtstruct));
        assertEquals(1, result.nonImages().size(), result.unreadable().toString());
        assertEquals("RT Structure Set Storage", result.nonImages().get(0).sopClassName());
    }

    @Test
    void oneThreadAndManyGiveTheSameResult() throws Exception {
        Path in = data("dcm_qa_nih/In/20180918GE/mr_0005");
        ScanResult one = new SeriesScanner(new ScanOptions(1)).scan(List.of(in));
        ScanResult many = new SeriesScanner(new ScanOptions(8)).scan(List.of(in));
        assertEquals(one.frames().stream().map(FrameHeader::file).toList(),
                many.frames().stream().map(FrameHeader::file).toList());
        List<FrameStack> stacks = many.series().get(0).stacks();
        assertEquals(10, stacks.size());
        stacks.forEach(s -> assertEquals(15, s.slices()));
        assertEquals(List.of(1, 16, 31), stacks.subList(0, 3).stream().map(s -> s.frames().get(0).instanceNumber()).toList());
    }

    @Test
    void notesAndLabelsHoldNoPatientData() throws Exception {
        ScanResult result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(data("dcm_qa_nih/In"),
                data("rt_utils_testdata"), TestFiles.PYDICOM_DATA.resolve("test_files/dicomdirtests/DICOMDIR")));
        for (Series series : result.series()) {
            for (FrameStack stack : series.stacks()) {
                String text = stack.label() + " " + String.join(" ", stack.notes());
                SeriesInfo info = stack.summary().info();
                for (String phi : new String[] {info.patientName(), info.patientId()}) {
                    if (phi != null && phi.length() > 2) {
                        assertFalse(text.contains(phi), "PHI in the notes of a stack of series " + info.seriesNumber());
                    }
                }
            }
        }
    }

    private static UnreadableFile find(ScanResult result, String name) {
        return result.unreadable().stream().filter(u -> u.file().getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no unreadable " + name + " in " + result.unreadable()));
    }
}
