package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes every DICOM file of pydicom's corpus and of {@code ../shared/testdata} with Delineate and with
 * pydicom 2.3.1 (see {@code pydicom_pixels.py}), and compares the values: identical for native and
 * lossless encodings, at most {@value #LOSSY_TOLERANCE} apart for lossy JPEG and JPEG 2000. Writes a
 * summary to {@code target/pixel-comparison.txt}.
 */
class PydicomComparisonTest {

    static final int LOSSY_TOLERANCE = 2;

    /** Transfer syntaxes whose decoders may differ by rounding. */
    static final Set<String> LOSSY = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.81");

    /** Transfer syntaxes Delineate refuses with UnsupportedTransferSyntaxException (pydicom has gdcm for them). */
    static final Set<String> UNSUPPORTED = Set.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");

    /** Files where Delineate and pydicom disagree on purpose, with the reason (see docs/pixel-data.md). */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "JPEG2000-embedded-sequence-delimiter.dcm", "the codestream's SIZ marker is overwritten by the bytes of a "
                    + "Sequence Delimitation Item (FFFE,E0DD); OpenJPEG (in GDCM) logs 'Invalid number of tiles' yet pydicom "
                    + "returns GDCM's buffer; Delineate refuses the frame with a DicomFormatException");

    enum Outcome { IDENTICAL, WITHIN_TOLERANCE, REFUSED_BY_BOTH, DECODED_BY_DELINEATE_ONLY, UNSUPPORTED_BY_DELINEATE,
        NO_PIXEL_DATA, KNOWN_DIFFERENCE, DIFFERENT }

    @TempDir
    Path tmp;

    static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(TestFiles.find(TestFiles.PYDICOM_DATA.resolve("test_files"), ".*\\.dcm"));
        files.addAll(TestFiles.find(TestFiles.testdata(), ".*\\.(dcm|dcm\\.gz)"));
        return files;
    }

    @Test
    void delineateDecodesLikePydicom() throws Exception {
        Assumptions.assumeTrue(PydicomOracle.available(), "Debian's /usr/bin/python3 with pydicom is not installed");
        List<Path> originals = corpus();
        Assumptions.assumeFalse(originals.isEmpty(), "no corpus");
        Path unzipped = Files.createDirectory(tmp.resolve("dicom"));
        List<Path> files = new ArrayList<>();
        for (Path p : originals) {
            Path dir = p.toString().endsWith(".gz") ? Files.createTempDirectory(unzipped, "gz") : unzipped;
            files.add(TestFiles.ungzipped(p, dir));
        }
        Path out = Files.createDirectory(tmp.resolve("pydicom"));
        List<PydicomOracle.Result> oracle = PydicomOracle.decode(files, out);

        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        Map<String, Integer> handlers = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            PydicomOracle.Result py = oracle.get(i);
            String name = describe(originals.get(i));
            Comparison c = compare(files.get(i), py);
            if (py.ok()) {
                handlers.merge(py.handler(), 1, Integer::sum);
            }
            String known = KNOWN_DIFFERENCES.get(originals.get(i).getFileName().toString());
            Outcome outcome = c.outcome;
            if (outcome == Outcome.DIFFERENT && known != null) {
                outcome = Outcome.KNOWN_DIFFERENCE;
            }
            counts.merge(outcome, 1, Integer::sum);
            String line = String.format("%-26s %-40s %-12s %-7s %s", outcome, c.transferSyntax, py.status()
                    + (py.ok() ? "/" + py.handler() : ""), py.garbage() > 0 ? "g=" + py.garbage() : "", name)
                    + (c.detail.isEmpty() ? "" : "  -- " + c.detail) + (py.ok() ? "" : "  -- pydicom: " + py.message());
            lines.add(line);
            if (outcome == Outcome.DIFFERENT) {
                failures.add(line);
            }
        }
        StringBuilder report = new StringBuilder("Pixel Data: Delineate vs " + PydicomOracle.version() + "\n");
        report.append(files.size()).append(" files: ").append(counts).append("\npydicom handlers used: ")
                .append(handlers).append("\n\n");
        lines.forEach(l -> report.append(l).append('\n'));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("pixel-comparison.txt"), report);
        }
        System.out.println("Pixel Data comparison with pydicom: " + counts + " (details: target/pixel-comparison.txt)");
        assertTrue(failures.isEmpty(), () -> failures.size() + " files decode differently:\n" + String.join("\n", failures));
    }

    private record Comparison(Outcome outcome, String transferSyntax, String detail) {
    }

    private static Comparison compare(Path file, PydicomOracle.Result py) throws IOException {
        DicomFile dicom;
        try {
            dicom = new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file);
        } catch (DicomFormatException e) {
            return refused(py, "", "reader: " + e.getMessage());
        }
        String ts = dicom.transferSyntax().uid();
        boolean hasPixels = dicom.dataSet().contains(Tag.PixelData) || dicom.dataSet().contains(Tag.FloatPixelData)
                || dicom.dataSet().contains(Tag.DoubleFloatPixelData);
        if (!hasPixels) {
            return new Comparison(py.status().equals("nopixels") ? Outcome.NO_PIXEL_DATA : Outcome.DIFFERENT, ts,
                    "no Pixel Data found");
        }
        PixelData pixels;
        List<PixelFrame> frames = new ArrayList<>();
        try {
            pixels = PixelData.of(dicom);
            ts = pixels.transferSyntax().uid();
            for (int f = 0; f < pixels.numberOfFrames(); f++) {
                frames.add(pixels.frame(f));
            }
        } catch (UnsupportedTransferSyntaxException e) {
            boolean expected = UNSUPPORTED.contains(ts);
            return new Comparison(expected ? (py.ok() ? Outcome.UNSUPPORTED_BY_DELINEATE : Outcome.REFUSED_BY_BOTH)
                    : Outcome.DIFFERENT, ts, e.getMessage());
        } catch (DicomFormatException e) {
            return refused(py, ts, e.getMessage());
        }
        if (!py.ok()) {
            return new Comparison(Outcome.DECODED_BY_DELINEATE_ONLY, ts, frames.size() + " frame(s) "
                    + frames.get(0).photometricInterpretation());
        }
        double[] expected = py.values();
        long total = 0;
        for (PixelFrame frame : frames) {
            total += frame.length();
        }
        if (total != expected.length) {
            return new Comparison(Outcome.DIFFERENT, ts, "Delineate has " + total + " values, pydicom " + expected.length);
        }
        double maxDiff = 0;
        long differing = 0;
        int at = 0;
        for (PixelFrame frame : frames) {
            for (int k = 0; k < frame.length(); k++, at++) {
                double d = Math.abs(frame.doubleValue(k) - expected[at]);
                if (d > 0 || Double.isNaN(d) != Double.isNaN(expected[at])) {
                    differing++;
                    maxDiff = Math.max(maxDiff, d);
                }
            }
        }
        String detail = frames.size() + " frame(s) " + frames.get(0).photometricInterpretation() + " "
                + frames.get(0).type();
        if (differing == 0) {
            return new Comparison(Outcome.IDENTICAL, ts, detail);
        }
        detail += ", " + differing + " values differ, max " + maxDiff;
        boolean lossy = LOSSY.contains(ts);
        return new Comparison(lossy && maxDiff <= LOSSY_TOLERANCE ? Outcome.WITHIN_TOLERANCE : Outcome.DIFFERENT, ts,
                detail);
    }

    private static Comparison refused(PydicomOracle.Result py, String ts, String message) {
        return new Comparison(py.ok() ? Outcome.DIFFERENT : py.status().equals("nopixels") ? Outcome.NO_PIXEL_DATA
                : Outcome.REFUSED_BY_BOTH, ts, message);
    }

    private static String describe(Path p) {
        String s = p.toString();
        return s.replace(TestFiles.PYDICOM_DATA.toString(), "pydicom").replace(TestFiles.testdata().toString(), "testdata");
    }
}
