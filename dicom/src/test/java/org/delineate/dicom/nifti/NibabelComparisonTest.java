package org.delineate.dicom.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.geometry.PatientCoordinates;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every NIfTI file of the shared test data (nibabel's and niivue's) read by us and by nibabel 5: header
 * fields as stored, extensions, best affine (1e-5 mm), shape, dtype, data (sha256 of raw and scaled
 * values, sample voxels), and each 3D volume as a {@link Volume} (LPS geometry, modality values).
 */
class NibabelComparisonTest {

    @TempDir
    static Path tmp;

    private static List<Path> files;
    private static Map<String, Map<String, Object>> nibabel;
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    @BeforeAll
    static void runNibabel() throws IOException {
        NibabelOracle.assumeNibabel();
        files = niftiFiles();
        Assumptions.assumeFalse(files.isEmpty(), "no NIfTI files under " + TestFiles.testdata());
        nibabel = NibabelOracle.describe(files, tmp);
    }

    /** The NIfTI files (and the Analyze header) of nibabel_testdata and niivue_images. */
    static List<Path> niftiFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String set : new String[] {"nibabel_testdata", "niivue_images"}) {
            all.addAll(TestFiles.find(TestFiles.testdata().resolve(set), ".*\\.(nii|nii\\.gz|hdr)$"));
        }
        return all;
    }

    @AfterAll
    static void report() {
        if (!OUTCOMES.isEmpty()) {
            System.out.println("NIfTI comparison with nibabel: " + files.size() + " files, " + OUTCOMES);
        }
    }

    private static synchronized void count(String outcome) {
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }

    @TestFactory
    Stream<DynamicTest> eachFileAgreesWithNibabel() {
        return files.stream().map(f -> DynamicTest.dynamicTest(TestFiles.testdata().relativize(f).toString(),
                () -> compare(f, nibabel.get(f.toAbsolutePath().toString()))));
    }

    private static void compare(Path file, Map<String, Object> nib) throws IOException {
        assertTrue(nib != null && !nib.containsKey("error"), "nibabel could not read " + file + ": " + nib);
        if (!nib.containsKey("header")) {
            NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.readHeader(file));
            assertEquals(file + ": at byte 344, magic: found empty, an Analyze 7.5 header (not read: save it as NIfTI);"
                    + " expected \"n+1\" or \"ni1\"", e.getMessage());
            count("refused (Analyze 7.5, nibabel: " + nib.get("class") + ")");
            return;
        }
        NiftiHeader header = NiftiReader.readHeader(file);
        List<String> problems = new ArrayList<>(NibabelComparison.header(header, nib));
        problems.addAll(NibabelComparison.affine(header.bestAffine(), nib, 1e-5));
        if (nib.containsKey("data_error")) {
            assertThrows(java.nio.file.NoSuchFileException.class, () -> NiftiReader.read(file));
            assertEquals(List.of(), problems, file.toString());
            count("header only, identical");
            return;
        }
        NiftiImage image = NiftiReader.read(file);
        assertEquals(header.toString(), image.header().toString());
        problems.addAll(NibabelComparison.data(image, nib));
        problems.addAll(volumeProblems(image));
        assertEquals(List.of(), problems, file.toString());
        count("identical");
    }

    /** Each 3D volume as a Volume: LPS geometry from the best affine, modality values equal to the scaled data. */
    private static List<String> volumeProblems(NiftiImage image) throws IOException {
        List<String> out = new ArrayList<>();
        boolean complex = image.dataType().channels() == 2;
        boolean rgb = image.dataType().channels() >= 3;
        double[][] lps = PatientCoordinates.rasToLps(image.header().bestAffine());
        int[] s = image.volumeShape();
        for (int t = 0; t < image.volumeCount(); t++) {
            for (int channel = 0; channel < (complex ? 2 : 1); channel++) {
                Volume v = image.toVolume(t, channel);
                double[][] geometry = v.geometry().lpsAffine();
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        if (Math.abs(geometry[r][c] - lps[r][c]) > 1e-9) {
                            out.add("volume " + t + " geometry " + v.geometry() + " is not the LPS best affine");
                        }
                    }
                }
                long stride = Math.max(1, (long) s[0] * s[1] * s[2] / 997);
                for (long n = 0; n < (long) s[0] * s[1] * s[2]; n += stride) {
                    int i = (int) (n % s[0]);
                    int j = (int) (n / s[0] % s[1]);
                    int k = (int) (n / s[0] / s[1]);
                    double expected = rgb ? ((int) image.value(t, n, 0) << 16 | (int) image.value(t, n, 1) << 8
                            | (int) image.value(t, n, 2)) : (float) image.scaledValue(t, n, channel);
                    double actual = rgb ? v.modalityValue(i, j, k) : (float) v.modalityValue(i, j, k);
                    if (Double.compare(expected, actual) != 0) {
                        out.add("volume " + t + " voxel " + n + ": modality value " + actual + ", expected " + expected);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
