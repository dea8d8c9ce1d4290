package org.delineate.dicom.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read, write, read again, with nibabel as the judge: every shared NIfTI file with data, and the
 * {@link SyntheticImages}, are written from our model (header kept, .nii and .nii.gz alternating) and, unless
 * complex, from the {@link Volume}s made of them; nibabel must read the output with the original's affine
 * (1e-5 mm) and data, and our reader must read it back identically.
 */
class NiftiRoundTripTest {

    @TempDir
    static Path tmp;

    /** What a written file was made from. */
    private record Case(String name, NiftiImage source, Path original, Path fromModel, Path fromVolumes) {
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static Map<String, Map<String, Object>> nibabel;
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();
    /** Fields whose value the file layout decides, or that NIfTI-1 and NIfTI-2 hold differently. */
    private static final Set<String> LAYOUT = Set.of("sizeof_hdr", "vox_offset", "magic", "endianness", "bitpix");

    @BeforeAll
    static void writeAndRunNibabel() throws IOException {
        NibabelOracle.assumeNibabel();
        Map<String, NiftiImage> sources = new LinkedHashMap<>();
        Map<String, Path> originals = new LinkedHashMap<>();
        for (Path f : NibabelComparisonTest.niftiFiles()) {
            try {
                sources.put(TestFiles.testdata().relativize(f).toString(), NiftiReader.read(f));
                originals.put(TestFiles.testdata().relativize(f).toString(), f);
            } catch (NiftiFormatException | java.nio.file.NoSuchFileException e) {
                // Analyze 7.5 and header-only files: NibabelComparisonTest covers them
            }
        }
        Path synthetic = Files.createDirectories(tmp.resolve("synthetic"));
        for (Map.Entry<String, NiftiImage> e : SyntheticImages.all().entrySet()) {
            Path p = synthetic.resolve(e.getKey() + ".nii");
            NiftiWriter.write(e.getValue(), p, e.getKey().equals("type_float64") ? NiftiWriter.Version.NIFTI2
                    : NiftiWriter.Version.AUTO);
            // NB: the source is what was written (float32 fields), not the double-precision image in memory
            sources.put("synthetic/" + e.getKey(), NiftiReader.read(p));
            originals.put("synthetic/" + e.getKey(), p);
        }
        List<Path> toDescribe = new ArrayList<>(originals.values());
        int n = 0;
        for (Map.Entry<String, NiftiImage> e : sources.entrySet()) {
            String stem = "case" + n + (n % 2 == 0 ? ".nii.gz" : ".nii");
            Path model = tmp.resolve("model-" + stem);
            NiftiWriter.write(e.getValue(), model);
            toDescribe.add(model);
            Path volumes = null;
            if (e.getValue().dataType().channels() != 2) {
                List<Volume> list = new ArrayList<>();
                for (int t = 0; t < e.getValue().volumeCount(); t++) {
                    list.add(e.getValue().toVolume(t));
                }
                volumes = tmp.resolve("volumes-" + stem);
                NiftiWriter.write(NiftiVolumeWriter.toImage(list, NiftiHeader.XFORM_SCANNER_ANAT), volumes);
                toDescribe.add(volumes);
            }
            CASES.add(new Case(e.getKey(), e.getValue(), originals.get(e.getKey()), model, volumes));
            n++;
        }
        nibabel = NibabelOracle.describe(toDescribe, tmp);
    }

    @AfterAll
    static void report() {
        if (!OUTCOMES.isEmpty()) {
            System.out.println("NIfTI round trips judged by nibabel: " + CASES.size() + " images, " + OUTCOMES);
        }
    }

    private static synchronized void count(String outcome) {
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }

    private static Map<String, Object> nib(Path p) {
        Map<String, Object> m = nibabel.get(p.toAbsolutePath().toString());
        assertTrue(m != null && !m.containsKey("error"), "nibabel could not read " + p + ": " + m);
        return m;
    }

    @TestFactory
    Stream<DynamicTest> writtenFromTheModel() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, Object> before = nib(c.original());
            Map<String, Object> after = nib(c.fromModel());
            List<String> problems = new ArrayList<>(sameHeaderFields(before, after));
            problems.addAll(NibabelComparison.affine(affine(before), after, 1e-5));
            for (String key : new String[] {"shape", "dtype", "extensions", "raw_sha256", "scaled_sha256", "samples"}) {
                if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                    problems.add(key + ": before " + before.get(key) + ", after " + after.get(key));
                }
            }
            NiftiImage back = NiftiReader.read(c.fromModel());
            problems.addAll(NibabelComparison.header(back.header(), after));
            problems.addAll(NibabelComparison.data(back, after));
            assertEquals(List.of(), problems, c.name());
            for (int t = 0; t < back.volumeCount(); t++) {
                assertArrayEquals(c.source().volumeBytes(t), back.volumeBytes(t));
            }
            count("model: same header, affine and data");
        }));
    }

    @TestFactory
    Stream<DynamicTest> writtenFromVolumes() {
        return CASES.stream().filter(c -> c.fromVolumes() != null).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, Object> before = nib(c.original());
            Map<String, Object> after = nib(c.fromVolumes());
            List<String> problems = new ArrayList<>(NibabelComparison.affine(affine(before), after, 1e-5));
            String digest = before.containsKey("scaled_sha256") ? "scaled_sha256" : "raw_sha256";
            boolean rgba = c.source().dataType() == NiftiDataType.RGBA32;
            if (!rgba && !before.get(digest).equals(after.get(digest))) {
                problems.add(digest + ": before " + before.get(digest) + ", after " + after.get(digest));
            }
            List<Object> shape = new ArrayList<>((List<?>) before.get("shape"));
            while (shape.size() < 3) {
                shape.add(1L);
            }
            if (shape.size() > 4) {
                shape = new ArrayList<>(List.of(shape.get(0), shape.get(1), shape.get(2),
                        (long) c.source().volumeCount()));
            }
            if (!shape.equals(after.get("shape"))) {
                problems.add("shape: before " + before.get("shape") + ", after " + after.get("shape"));
            }
            NiftiImage back = NiftiReader.read(c.fromVolumes());
            problems.addAll(NibabelComparison.header(back.header(), after));
            problems.addAll(NibabelComparison.data(back, after));
            if (rgba) {
                // NB: a Volume has no alpha, so RGBA32 comes back as RGB24: compare R, G and B
                assertEquals(NiftiDataType.RGB24, back.dataType());
                for (long n = 0; n < NiftiImage.volumeVoxels(back.shape()); n++) {
                    for (int ch = 0; ch < 3; ch++) {
                        assertEquals(c.source().value(0, n, ch), back.value(0, n, ch));
                    }
                }
            }
            assertEquals(List.of(), problems, c.name());
            for (int t = 0; t < back.volumeCount(); t++) {
                Volume v = c.source().toVolume(t);
                Volume w = back.toVolume(t);
                assertEquals(v.sampleType(), w.sampleType());
                assertEquals(v.storedOffset(), w.storedOffset());
                for (int k = 0; k < v.slices(); k++) {
                    assertEquals(v.modalityLut(k), w.modalityLut(k));
                }
                double[][] a = v.geometry().lpsAffine();
                double[][] b = w.geometry().lpsAffine();
                for (int r = 0; r < 3; r++) {
                    assertArrayEquals(a[r], b[r], 1e-5, c.name());
                }
            }
            count("volumes: same affine and " + (rgba ? "RGB" : digest.equals("raw_sha256") ? "raw" : "scaled") + " data");
        }));
    }

    @SuppressWarnings("unchecked")
    private static double[][] affine(Map<String, Object> nib) {
        List<Object> rows = (List<Object>) nib.get("affine");
        double[][] m = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                m[r][c] = NibabelComparison.number(((List<Object>) rows.get(r)).get(c));
            }
        }
        return m;
    }

    /** Raw header fields equal, except layout ones; float32-close when the layout changed (NIfTI-2 to 1). */
    @SuppressWarnings("unchecked")
    private static List<String> sameHeaderFields(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> a = (Map<String, Object>) before.get("header");
        Map<String, Object> b = (Map<String, Object>) after.get("header");
        boolean sameLayout = a.get("sizeof_hdr").equals(b.get("sizeof_hdr"));
        List<String> out = new ArrayList<>();
        for (String key : a.keySet()) {
            if (LAYOUT.contains(key) || !b.containsKey(key)) {
                continue;
            }
            Object x = a.get(key);
            Object y = b.get(key);
            if (!x.equals(y) && (sameLayout || !close(x, y))) {
                out.add(key + ": before " + x + ", after " + y);
            }
        }
        return out;
    }

    private static boolean close(Object x, Object y) {
        if (x instanceof List<?> l && y instanceof List<?> m) {
            return l.size() == m.size() && java.util.stream.IntStream.range(0, l.size()).allMatch(i -> close(l.get(i), m.get(i)));
        }
        if (x instanceof Number || y instanceof Number) {
            double p = NibabelComparison.number(x);
            double q = NibabelComparison.number(y);
            return p == q || Math.abs(p - q) <= 1e-6 * Math.max(Math.abs(p), Math.abs(q));
        }
        return x.equals(y);
    }
}
