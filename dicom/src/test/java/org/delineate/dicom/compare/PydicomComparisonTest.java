package org.delineate.dicom.compare;

import org.delineate.dicom.JsonTree;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against pydicom on every real file: same elements at every depth, same VRs up to the
 * documented {@link Normalization}s, same values; and where one refuses a file, the other must
 * refuse it too unless the file is a {@link KnownDifferences known difference}. pydicom runs once
 * for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PydicomComparisonTest {

    @TempDir
    static Path work;

    private List<Corpus.Entry> files;
    private Map<Path, Map<String, Object>> pydicom;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<Normalization, Integer> normalizations = new TreeMap<>();

    @BeforeAll
    void runPydicom() throws IOException {
        String unavailable = PydicomOracle.unavailableReason();
        Assumptions.assumeTrue(unavailable == null, () -> "pydicom oracle unavailable: " + unavailable);
        files = Corpus.all(work.resolve("files"));
        pydicom = PydicomOracle.describe(files.stream().map(Corpus.Entry::path).collect(Collectors.toList()),
                work.resolve("oracle"));
    }

    Stream<Corpus.Entry> corpus() {
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readerAgreesWithPydicom(Corpus.Entry file) throws IOException {
        Map<String, Object> py = pydicom.get(file.path().toAbsolutePath());
        assertTrue(py != null, "pydicom oracle gave no record for " + file.path());
        DicomFile read;
        try {
            read = DicomReader.read(file.path());
        } catch (DicomFormatException refused) {
            checkRefusal(file, py, refused);
            return;
        }
        KnownDifferences.Refusal deliberate = KnownDifferences.lookup(KnownDifferences.DELIBERATE_REFUSALS, file);
        boolean pyOk = Boolean.TRUE.equals(py.get("ok"));
        if (deliberate != null) {
            fail(file + ": listed as refused by Delineate (" + deliberate.reason() + ") but read: remove it from DELIBERATE_REFUSALS");
        }
        if (!pyOk) {
            fail(file + ": Delineate reads it, pydicom refuses it: " + py.get("error"));
        }
        CodecComparison comparison = new CodecComparison(CodecComparison.Source.READ,
                !Boolean.TRUE.equals(py.get("little")));
        comparison.compare("meta:", (List<?>) py.get("meta"), read.fileMeta(), false);
        comparison.compare("", (List<?>) py.get("dataset"), read.dataSet(), Boolean.TRUE.equals(py.get("implicit")));
        synchronized (normalizations) {
            comparison.applied().forEach((n, count) -> normalizations.merge(n, count, Integer::sum));
        }
        List<CodecComparison.Difference> differences = comparison.differences();
        if (!differences.isEmpty()) {
            dump(file, py, read);
            fail(file + ": " + differences.size() + " differences with pydicom:\n  "
                    + differences.stream().limit(25).map(Object::toString).collect(Collectors.joining("\n  ")));
        }
        outcome(comparison.applied().isEmpty() ? "identical" : "identical after normalization");
    }

    /** Delineate refused the file: so must pydicom, unless it is a deliberate difference; the message must say where. */
    private void checkRefusal(Corpus.Entry file, Map<String, Object> py, DicomFormatException refused) {
        assertTrue(refused.getMessage().startsWith(file.path().toString() + ": "),
                () -> "the message does not start with the file name: " + refused.getMessage());
        if (!Boolean.TRUE.equals(py.get("ok"))) {
            outcome("both refuse");
            return;
        }
        KnownDifferences.Refusal deliberate = KnownDifferences.lookup(KnownDifferences.DELIBERATE_REFUSALS, file);
        if (deliberate == null) {
            fail(file + ": pydicom reads it, Delineate refuses it: " + refused.getMessage());
        }
        assertTrue(refused.offset() >= 0 && refused.getMessage().contains("at byte " + refused.offset() + ", "),
                () -> "the message names no offset: " + refused.getMessage());
        assertTrue(refused.tag() == deliberate.tag() && refused.getMessage().contains(Tags.toString(deliberate.tag())),
                () -> "the message names another tag than " + Tags.toString(deliberate.tag()) + ": "
                        + refused.getMessage());
        outcome("deliberate difference: Delineate refuses");
    }

    private void outcome(String what) {
        synchronized (outcomes) {
            outcomes.merge(what, 1, Integer::sum);
        }
    }

    /** Both views of a disagreeing file, for whoever investigates: target/codec-comparison/. */
    private static void dump(Corpus.Entry file, Map<String, Object> py, DicomFile read) throws IOException {
        Path dir = Path.of("target", "codec-comparison", "reader");
        Files.createDirectories(dir);
        String base = file.name().replaceAll("[^A-Za-z0-9._-]", "_");
        Files.writeString(dir.resolve(base + ".pydicom.json"), JsonTree.write(py), StandardCharsets.UTF_8);
        Map<String, Object> ours = new TreeMap<>();
        ours.put("meta", ModelJson.dataSet(read.fileMeta()));
        ours.put("dataset", ModelJson.dataSet(read.dataSet()));
        ours.put("deviations", read.deviations().stream().map(Object::toString).collect(Collectors.toList()));
        Files.writeString(dir.resolve(base + ".delineate.json"), JsonTree.write(ours), StandardCharsets.UTF_8);
    }

    @AfterAll
    void summary() throws IOException {
        if (files == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("files: " + files.size());
        outcomes.forEach((k, v) -> lines.add(k + ": " + v));
        normalizations.forEach((k, v) -> lines.add("normalization " + k + ": " + v));
        Path dir = Path.of("target", "codec-comparison");
        Files.createDirectories(dir);
        Files.write(dir.resolve("reader-summary.txt"), lines, StandardCharsets.UTF_8);
    }
}
