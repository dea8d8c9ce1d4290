package org.delineate.dicom.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer against pydicom and dcmtk: a sample of the corpus ({@link Corpus#sample}) is read by
 * Delineate and written in Explicit VR Little Endian, Implicit VR Little Endian, Explicit VR Big
 * Endian and Deflated (files with encapsulated Pixel Data only in their own transfer syntax); then
 * (a) pydicom reads each output and must see what Delineate read from the original, the
 * comparison that {@link PydicomComparisonTest} proves equal to pydicom's view of the original, and
 * (b) dcmdump must parse it without an error or a warning it does not also give for the original,
 * and show the same elements, in the same order, as Delineate's model of the original. Run with the
 * environment variable {@code DELINEATE_COMPARE_ALL=true} to write every corpus file instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriterComparisonTest {

    /** One output: a sample file written in one transfer syntax. */
    record Output(Corpus.Entry file, String label, TransferSyntax ts, Path path) {
        @Override
        public String toString() {
            return file.name() + " as " + label;
        }
    }

    private static final Map<String, TransferSyntax> NATIVE = Map.of(
            "explicit-le", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            "implicit-le", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            "explicit-be", TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            "deflated", TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    @TempDir
    static Path work;

    private final List<Output> outputs = new ArrayList<>();
    private final Map<Corpus.Entry, DicomFile> originals = new HashMap<>();
    private final Map<Output, Exception> writeFailures = new HashMap<>();
    private final Map<Path, Future<Dcmdump>> dumps = new ConcurrentHashMap<>();
    private Map<Path, Map<String, Object>> pydicom;
    private ExecutorService pool;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<Normalization, Integer> normalizations = new TreeMap<>();
    private final Map<String, Long> timing = new java.util.LinkedHashMap<>();

    @BeforeAll
    void writeSample() throws IOException {
        String unavailable = PydicomOracle.unavailableReason();
        Assumptions.assumeTrue(unavailable == null, () -> "pydicom oracle unavailable: " + unavailable);
        String noDcmdump = Dcmdump.unavailableReason();
        Assumptions.assumeTrue(noDcmdump == null, () -> "dcmdump oracle unavailable: " + noDcmdump);
        long t0 = System.nanoTime();
        List<Corpus.Entry> all = Corpus.all(work.resolve("files"));
        timing.put("corpus", System.nanoTime() - t0);
        List<Corpus.Entry> sample = "true".equals(System.getenv("DELINEATE_COMPARE_ALL")) ? all : Corpus.sample(all);
        Path written = Files.createDirectories(work.resolve("written"));
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        int index = 0;
        for (Corpus.Entry file : sample) {
            DicomFile original;
            try {
                original = DicomReader.read(file.path());
            } catch (DicomFormatException e) {
                continue; // refused: PydicomComparisonTest checks that pydicom refuses it too, or why not
            }
            originals.put(file, original);
            dumps.put(file.path(), pool.submit(() -> Dcmdump.of(file.path())));
            Map<String, TransferSyntax> targets = original.transferSyntax().encapsulated() || isDirectory(original)
                    ? Map.of("own", original.transferSyntax()) : NATIVE;
            for (Map.Entry<String, TransferSyntax> target : new TreeMap<>(targets).entrySet()) {
                Output output = new Output(file, target.getKey(), target.getValue(),
                        written.resolve(index++ + "-" + target.getKey() + ".dcm"));
                outputs.add(output);
                try {
                    new DicomWriter(options(original, target.getValue())).write(original, output.path());
                    dumps.put(output.path(), pool.submit(() -> Dcmdump.of(output.path())));
                } catch (IOException | RuntimeException e) {
                    writeFailures.put(output, e);
                }
            }
        }
        timing.put("written", System.nanoTime() - t0);
        List<Path> paths = outputs.stream().filter(o -> !writeFailures.containsKey(o)).map(Output::path)
                .collect(Collectors.toList());
        pydicom = PydicomOracle.describe(paths, work.resolve("oracle"));
        timing.put("pydicom", System.nanoTime() - t0);
    }

    /**
     * NB: File Meta Information is generated afresh (zero preamble, Delineate as implementation)
     * unless the data set has no SOP Class and Instance UIDs to build it from (DICOMDIR): then the
     * file's own is kept with the new Transfer Syntax UID.
     */
    static WriteOptions options(DicomFile original, TransferSyntax ts) {
        DataSet data = original.dataSet();
        boolean identified = data.getString(0x00080016) != null && data.getString(0x00080018) != null;
        return identified ? WriteOptions.fresh(ts) : WriteOptions.defaults().withTransferSyntax(ts);
    }

    /**
     * NB: a DICOMDIR is written only in its own transfer syntax: its offsets (0004,1200),
     * (0004,1202), (0004,1400), (0004,1420) are byte positions in the file, which any other
     * encoding moves (and PS3.11 requires Explicit VR Little Endian for it).
     */
    private static boolean isDirectory(DicomFile file) {
        return file.fileMeta() != null && MEDIA_STORAGE_DIRECTORY.equals(file.fileMeta().getString(0x00020002));
    }

    Stream<Output> outputs() {
        return outputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void writtenFileAgreesWithPydicomAndDcmdump(Output output) throws Exception {
        Exception failure = writeFailures.get(output);
        if (failure != null) {
            throw new AssertionError(output + ": Delineate could not write it: " + failure, failure);
        }
        DicomFile original = originals.get(output.file());
        Map<String, Object> py = pydicom.get(output.path().toAbsolutePath());
        String pydicomLimitation = KnownDifferences.pydicomCannotRead(original.dataSet(), output.ts());
        if (!Boolean.TRUE.equals(py.get("ok")) && pydicomLimitation == null) {
            fail(output + ": pydicom cannot read the written file: " + py.get("error"));
        }
        boolean implicit = !output.ts().explicitVr();
        List<String> problems = new ArrayList<>();
        if (pydicomLimitation == null) {
            assertEquals(implicit, py.get("implicit"), () -> output + ": pydicom's Implicit VR flag");
            assertEquals(!output.ts().bigEndian(), py.get("little"), () -> output + ": pydicom's byte order");
            problems.addAll(checkMeta(output, (List<?>) py.get("meta"), original));
        }
        DicomFile reread = DicomReader.read(output.path());
        reread.deviations().forEach(d -> problems.add("Delineate reading it back: " + d));

        CodecComparison comparison = new CodecComparison(CodecComparison.Source.WRITTEN, output.ts().bigEndian());
        if (pydicomLimitation == null) {
            comparison.compare("", (List<?>) py.get("dataset"), original.dataSet(), implicit);
        }
        synchronized (normalizations) {
            comparison.applied().forEach((n, count) -> normalizations.merge(n, count, Integer::sum));
        }
        List<CodecComparison.Difference> differences = comparison.differences();
        differences.forEach(d -> problems.add("pydicom: " + d));

        Dcmdump dump = dumps.get(output.path()).get();
        Dcmdump before = dumps.get(output.file().path()).get();
        for (String p : dump.problems()) {
            if (!before.problems().contains(p) && !isUnSequenceNotice(p, original.dataSet())) {
                problems.add("dcmdump: " + p);
            }
        }
        if (dump.exitCode() != 0) {
            problems.add("dcmdump: exit code " + dump.exitCode());
        }
        List<Integer> expected = tags(original.dataSet(), implicit, new ArrayList<>());
        if (!dump.tags().equals(expected)) {
            problems.add("dcmdump shows " + dump.tags().size() + " elements, Delineate's model of the original has "
                    + expected.size() + "; first difference at #" + firstDifference(dump.tags(), expected));
        }
        boolean sameVrEncoding = output.ts().explicitVr() == original.transferSyntax().explicitVr();
        if (before.clean() && sameVrEncoding && !dump.tags().equals(before.tags())) {
            problems.add("dcmdump shows " + dump.tags().size() + " elements, and " + before.tags().size()
                    + " in the original");
        }
        if (!problems.isEmpty()) {
            fail(output + ": " + problems.size() + " problems:\n  "
                    + problems.stream().limit(25).collect(Collectors.joining("\n  ")));
        }
        outcome(output.label() + (pydicomLimitation != null ? " (pydicom comparison skipped: " + pydicomLimitation + ")" : ""));
    }

    /** The Transfer Syntax UID written, and the SOP Class and Instance UIDs that go with the data set. */
    private static List<String> checkMeta(Output output, List<?> meta, DicomFile original) {
        Map<String, List<?>> values = new HashMap<>();
        for (Object o : meta) {
            Map<?, ?> e = (Map<?, ?>) o;
            if (e.get("value") instanceof List) {
                values.put((String) e.get("tag"), (List<?>) e.get("value"));
            }
        }
        List<String> problems = new ArrayList<>();
        expect(problems, "(0002,0010) TransferSyntaxUID", values.get("00020010"), output.ts().uid());
        DataSet data = original.dataSet();
        DataSet originalMeta = original.fileMeta();
        String sopClass = data.getString(0x00080016, originalMeta == null ? null : originalMeta.getString(0x00020002));
        String sopInstance = data.getString(0x00080018, originalMeta == null ? null : originalMeta.getString(0x00020003));
        expect(problems, "(0002,0002) MediaStorageSOPClassUID", values.get("00020002"), sopClass);
        expect(problems, "(0002,0003) MediaStorageSOPInstanceUID", values.get("00020003"), sopInstance);
        return problems;
    }

    private static void expect(List<String> problems, String what, List<?> actual, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected);
        if (!Normalization.text("UI", actual == null ? List.of() : actual).equals(want)) {
            problems.add("meta: " + what + " is " + actual + ", expected " + want);
        }
    }

    /**
     * dcmtk's notice that it reads a UN value of undefined length as a sequence, as PS3.5 6.2.2
     * says (CP-246), for a tag that is a sequence in Delineate's model: expected wherever a sequence
     * of a private or unknown tag is written without a VR (Implicit VR) or as UN.
     */
    private static boolean isUnSequenceNotice(String line, DataSet dataSet) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "W: Found element \\(([0-9a-f]{4}),([0-9a-f]{4})\\) with VR UN and undefined length, reading a sequence.*")
                .matcher(line);
        return m.matches() && hasSequence(dataSet, (Integer.parseInt(m.group(1), 16) << 16) | Integer.parseInt(m.group(2), 16));
    }

    private static boolean hasSequence(DataSet dataSet, int tag) {
        for (DataElement e : dataSet) {
            if (e.isSequence() && (e.tag() == tag || e.sequence().items().stream().anyMatch(i -> hasSequence(i, tag)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tags of a data set in encoding order, depth first, as dcmdump lists them: dcmtk shows a
     * UN value of defined length as bytes, even when Delineate has parsed it as the sequence the
     * dictionary says it is, and so it shows a private sequence of defined length written in
     * Implicit VR, whose VR it cannot know.
     */
    private static List<Integer> tags(DataSet dataSet, boolean implicit, List<Integer> out) {
        for (DataElement e : dataSet) {
            out.add(e.tag());
            boolean asBytes = e.isSequence() && !e.sequence().undefinedLength()
                    && (e.vr() == org.delineate.dicom.data.VR.UN || implicit && Tags.isPrivate(e.tag()));
            if (e.isSequence() && !asBytes) {
                for (DataSet item : e.sequence()) {
                    tags(item, implicit || e.vr() == org.delineate.dicom.data.VR.UN, out);
                }
            }
        }
        return out;
    }

    private static String firstDifference(List<Integer> a, List<Integer> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i + " (dcmdump " + (i < a.size() ? Tags.toString(a.get(i)) : "end") + ", Delineate "
                + (i < b.size() ? Tags.toString(b.get(i)) : "end") + ")";
    }

    private void outcome(String what) {
        synchronized (outcomes) {
            outcomes.merge(what, 1, Integer::sum);
        }
    }

    @AfterAll
    void summary() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (pydicom == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("sample files: " + originals.size() + ", outputs: " + outputs.size() + ", not written: "
                + writeFailures.size());
        outcomes.forEach((k, v) -> lines.add("agree, " + k + ": " + v));
        normalizations.forEach((k, v) -> lines.add("normalization " + k + ": " + v));
        timing.forEach((k, v) -> lines.add("seconds until " + k + ": " + v / 1_000_000_000));
        Path dir = Files.createDirectories(Path.of("target", "codec-comparison"));
        Files.write(dir.resolve("writer-summary.txt"), lines, StandardCharsets.UTF_8);
    }
}
