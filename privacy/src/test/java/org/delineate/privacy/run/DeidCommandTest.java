package org.delineate.privacy.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.delineate.cli.DelineateCommand;
import org.delineate.dicom.Peers;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomReader;
import org.delineate.privacy.deid.PhiDataSets;
import org.delineate.privacy.deid.PydicomPhiOracle;
import org.delineate.privacy.pseudonym.KeyFile;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code delineate deid} end to end, in process, on {@link DeidInputs}: residual PHI judged by pydicom (values)
 * and by scanning output paths, reports, journals and notes (file names too); references, frames of reference
 * and pixels judged by pydicom; NIfTI by nibabel; conformance by dciodvfy (no more errors than the inputs);
 * determinism by re-running with the same key and another, and resumption by an interrupted run.
 */
class DeidCommandTest {

    static final String[] RESEARCH_COLUMNS = {"rtnLongModifDatesOpt", "rtnPatCharsOpt"};

    @TempDir
    static Path tmp;
    static Path in;
    static List<String> dicomInputs;
    static Map<String, byte[]> inputBefore;
    static Path keyA;
    static Path rules;
    static Result first;
    static Result interrupted;
    static Result resumed;

    record Result(int exit, String err) {
    }

    @BeforeAll
    static void runAll() throws IOException {
        Peers.assumePydicom();
        in = Files.createDirectories(tmp.resolve("in"));
        dicomInputs = DeidInputs.create(in);
        inputBefore = tree(in);
        keyA = tmp.resolve("a.key");
        rules = Files.writeString(tmp.resolve("rules.json"), DeidInputs.RULES);
        first = deid("outA", keyA);
        deid("outA2", keyA);
        deid("outB", tmp.resolve("b.key"));
        interrupted = deid("outR", keyA, "--stop-after", "5", "--jobs", "2");
        resumed = deid("outR", keyA, "--jobs", "1");
    }

    static Result deid(String out, Path key, String... more) {
        List<String> args = new ArrayList<>(List.of("deid", "--in", in.toString(), "--out", tmp.resolve(out).toString(),
                "--policy", "research", "--key", key.toString(), "--rules", rules.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Result run(String... args) {
        StringWriter err = new StringWriter();
        int exit = DelineateCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Result(exit, err.toString());
    }

    /** Every regular file under {@code root}, by '/'-separated relative path, with its bytes. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    static KeyedPseudonyms keyed(Path key) throws IOException {
        return KeyedPseudonyms.of(KeyFile.load(key));
    }

    /** The output an input must have been written to: its UIDs mapped with the key, as the runner names files. */
    static Path expectedOutput(Path out, String relativeInput, Path key) throws IOException {
        return expectedOutput(out, relativeInput, key, in);
    }

    static Path expectedOutput(Path out, String relativeInput, Path key, Path in) throws IOException {
        DataSet ds = DicomReader.read(in.resolve(relativeInput)).dataSet();
        KeyedPseudonyms k = keyed(key);
        return out.resolve(k.uid(ds.getString(Tag.StudyInstanceUID).strip())).resolve(k.uid(ds.getString(
                Tag.SeriesInstanceUID).strip())).resolve(k.uid(ds.getString(Tag.SOPInstanceUID).strip()) + ".dcm");
    }

    static List<Path[]> pairs(String out) throws IOException {
        List<Path[]> pairs = new ArrayList<>();
        for (String input : dicomInputs) {
            Path output = expectedOutput(tmp.resolve(out), input, keyA);
            assertTrue(Files.isRegularFile(output), "no output for the input " + input);
            pairs.add(new Path[] {in.resolve(input), output});
        }
        return pairs;
    }

    static JsonNode report(String out) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve(out).resolve("deid-report.json").toFile());
    }

    @Test
    void reportsEveryFileWithItsOutcome() throws IOException {
        assertEquals(0, first.exit(), first.err());
        JsonNode files = report("outA").get("files");
        long found = inputBefore.size();
        assertEquals(found, files.get("found").asLong());
        assertEquals(dicomInputs.size() + 1, files.get("written").asLong(), "DICOM files and the NIfTI image");
        assertEquals(2, files.get("withheld").asLong(), "the two files with one SOP Instance UID");
        // README.md (2), LICENSE, _source_commit.txt and the truncated file
        assertEquals(5, files.get("quarantined").asLong());
        JsonNode report = report("outA");
        assertEquals("delineate-deid-report", report.get("format").asText());
        assertEquals(keyed(keyA).keyFingerprint(), report.get("key").get("fingerprint").asText());
        assertTrue(report.get("profile").get("edition").asText().matches("20\\d\\d[a-e]"));
        assertTrue(report.get("actionsThisRun").size() > 50, "actions by attribute path");
        assertTrue(report.get("verification").get("passed").asBoolean(), "no original identifier in any output");
        JsonNode references = report.get("references");
        assertTrue(references.get("resolved").asLong() >= 3, "the generated instances reference the first: "
                + references);
        boolean folded = false;
        for (JsonNode row : report.get("actionsThisRun")) {
            String path = row.get("path").asText();
            assertFalse(path.matches(".*\\[\\d+\\].*"), "item numbers are folded: " + path);
            if (path.equals("(0008,1140)[n].(0008,1155)") && row.get("action").asText().equals("UID_REPLACED")) {
                folded = true;
                assertEquals("ReferencedSOPInstanceUID", row.get("keyword").asText());
            }
        }
        assertTrue(folded, "a nested UID counted under its folded path");
        assertTrue(first.err().contains((dicomInputs.size() + 1) + " written"), first.err());
        for (String input : DeidInputs.SAME_UID) {
            Path note = tmp.resolve("outA").resolve("withheld").resolve(keyed(keyA).opaqueId(input) + ".txt");
            assertTrue(Files.readString(note).contains("same (0008,0018) SOPInstanceUID"), input);
        }
    }

    @Test
    void noIdentifierSurvivesInAnyDicomOutput() throws IOException {
        PydicomPhiOracle.assertNoResidualPhi(pairs("outA"), RESEARCH_COLUMNS);
    }

    @Test
    void noIdentifierInOutputPathsReportsJournalsNotesOrMessages() throws IOException {
        Set<String> identifiers = new HashSet<>();
        PhiDataSets.IDENTIFIERS.forEach(s -> identifiers.add(s.toUpperCase(Locale.ROOT)));
        DeidInputs.NAME_IDENTIFIERS.forEach(s -> identifiers.add(s.toUpperCase(Locale.ROOT)));
        for (String input : dicomInputs) {
            DataSet ds = DicomReader.read(in.resolve(input)).dataSet();
            for (String part : ds.getString(Tag.PatientName, "").split("[\\^= ]+")) {
                if (part.strip().length() >= 3) {
                    identifiers.add(part.strip().toUpperCase(Locale.ROOT));
                }
            }
            for (int tag : new int[] {Tag.PatientID, Tag.AccessionNumber, Tag.StudyInstanceUID, Tag.SeriesInstanceUID,
                Tag.SOPInstanceUID, Tag.FrameOfReferenceUID}) {
                String value = ds.getString(tag, "").strip();
                if (value.length() >= 4) {
                    identifiers.add(value.toUpperCase(Locale.ROOT));
                }
            }
        }
        for (String input : inputBefore.keySet()) {
            identifiers.add(Path.of(input).getFileName().toString().toUpperCase(Locale.ROOT));
        }
        identifiers.remove("README.MD");
        identifiers.remove("LICENSE");
        List<String> texts = new ArrayList<>(List.of(first.err(), interrupted.err(), resumed.err()));
        for (String out : List.of("outA", "outB", "outR")) {
            for (Map.Entry<String, byte[]> f : tree(tmp.resolve(out)).entrySet()) {
                texts.add(f.getKey());
                if (f.getKey().endsWith(".json") || f.getKey().endsWith(".txt") || f.getKey().endsWith(".tsv")) {
                    texts.add(new String(f.getValue(), StandardCharsets.UTF_8));
                }
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String text : texts) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (String id : identifiers) {
                // Short tokens only as whole words (as PydicomPhiOracle): "MODE" is a name in one file.
                boolean found = id.length() >= 5 ? upper.contains(id) : java.util.regex.Pattern.compile(
                        "(?<![A-Z0-9])" + java.util.regex.Pattern.quote(id) + "(?![A-Z0-9])").matcher(upper).find();
                if (found) {
                    leaks.add(id + " in " + (text.length() > 120 ? text.substring(0, 120) + "..." : text));
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(identifiers.size() > 30, "identifiers checked: " + identifiers.size());
    }

    @Test
    void inputsAreNeverModified() throws IOException {
        Map<String, byte[]> after = tree(in);
        assertEquals(inputBefore.keySet(), after.keySet());
        for (String name : after.keySet()) {
            assertArrayEquals(inputBefore.get(name), after.get(name), name);
        }
    }

    @Test
    void sameKeyGivesByteIdenticalOutputs() throws IOException {
        assertSameOutputs("outA", "outA2");
    }

    @Test
    void interruptedRunResumesToTheSameOutputs() throws IOException {
        assertEquals(1, interrupted.exit(), interrupted.err());
        assertTrue(interrupted.err().contains("run the same command again"), interrupted.err());
        assertEquals(0, resumed.exit(), resumed.err());
        long skipped = report("outR").get("files").get("skippedAsDoneBefore").asLong();
        assertTrue(skipped >= 5 && skipped < inputBefore.size(), "skipped " + skipped);
        assertSameOutputs("outA", "outR");
        assertEquals(report("outA").get("references"), report("outR").get("references"),
                "the reference check covers the outputs of the interrupted invocation too (read back)");
    }

    static void assertSameOutputs(String a, String b) throws IOException {
        Map<String, byte[]> x = tree(tmp.resolve(a));
        Map<String, byte[]> y = tree(tmp.resolve(b));
        x.keySet().removeIf(k -> k.startsWith("deid-report"));
        y.keySet().removeIf(k -> k.startsWith("deid-report"));
        assertEquals(x.keySet(), y.keySet());
        for (String name : x.keySet()) {
            if (name.equals(Journal.NAME)) {
                assertEquals(latest(x.get(name)), latest(y.get(name)), "the journals' latest outcomes");
            } else {
                assertArrayEquals(x.get(name), y.get(name), name);
            }
        }
        Set<Path> expected = new HashSet<>();
        for (String input : dicomInputs) {
            expected.add(expectedOutput(Path.of(""), input, keyA));
        }
        assertEquals(expected.size(), x.keySet().stream().filter(n -> n.endsWith(".dcm")).count());
    }

    /** The journal's latest outcome per input (the history differs with the order threads met the inputs). */
    private static Map<String, Outcome> latest(byte[] journal) {
        Map<String, Outcome> latest = new TreeMap<>();
        new String(journal, StandardCharsets.UTF_8).lines().map(Outcome::parse).filter(o -> o != null)
                .forEach(o -> latest.put(o.inputId(), o));
        return latest;
    }

    @Test
    void anotherKeyGivesOtherUidsAndPseudonyms() throws IOException {
        Set<String> a = tree(tmp.resolve("outA")).keySet();
        Set<String> b = tree(tmp.resolve("outB")).keySet();
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        common.removeIf(n -> !n.endsWith(".dcm") && !n.endsWith(".gz"));
        assertEquals(Set.of(), common, "outputs named alike under two keys");
        String generated = DeidInputs.PHI_FOLDER + "/Doe^Johnathan MRN0012345 1.dcm";
        DataSet x = DicomReader.read(expectedOutput(tmp.resolve("outA"), generated, keyA)).dataSet();
        DataSet y = DicomReader.read(expectedOutput(tmp.resolve("outB"), generated, tmp.resolve("b.key"))).dataSet();
        assertTrue(x.getString(Tag.PatientID).startsWith("PAT"));
        assertNotEquals(x.getString(Tag.PatientID), y.getString(Tag.PatientID));
        assertNotEquals(x.getString(Tag.PatientName), y.getString(Tag.PatientName));
        assertNotEquals(x.getString(Tag.StudyDate), y.getString(Tag.StudyDate), "per-key date shifts");
    }

    @Test
    void truncatedFileIsQuarantinedNotCopied() throws IOException {
        String id = keyed(keyA).opaqueId(DeidInputs.TRUNCATED);
        Path note = tmp.resolve("outA").resolve("quarantine").resolve(id + ".txt");
        assertTrue(Files.isRegularFile(note), "no quarantine note " + note);
        String text = Files.readString(note);
        assertTrue(text.contains("QUARANTINED: not readable as DICOM"), text);
        byte[] truncated = Files.readAllBytes(in.resolve(DeidInputs.TRUNCATED));
        for (byte[] output : tree(tmp.resolve("outA")).values()) {
            assertFalse(output.length == truncated.length, "an output has the truncated file's size");
        }
        boolean listed = false;
        for (JsonNode entry : report("outA").get("withheld")) {
            listed |= entry.get("input").asText().equals(id) && entry.get("outcome").asText().equals("QUARANTINED");
        }
        assertTrue(listed, "the report lists the quarantined file by its id");
    }

    @Test
    void usageErrorsExitTwoAndAnotherKeyCannotResume() {
        assertEquals(2, run("deid", "--in", in.toString(), "--out", tmp.resolve("x").toString(), "--policy",
                "basic").exit(), "no --key");
        assertEquals(2, run("deid", "--in", in.toString(), "--out", tmp.resolve("x").toString(), "--policy",
                "nonesuch", "--key", keyA.toString()).exit(), "unknown policy");
        Result inside = run("deid", "--in", in.toString(), "--out", in.resolve("out").toString(), "--policy",
                "basic", "--key", keyA.toString());
        assertEquals(2, inside.exit(), inside.err());
        Result tablesInOutput = deid("outM", keyA, "--mappings", tmp.resolve("outM").resolve("maps").toString());
        assertEquals(2, tablesInOutput.exit(), tablesInOutput.err());
        assertTrue(tablesInOutput.err().contains("outside the input and output"), tablesInOutput.err());
        assertFalse(Files.exists(tmp.resolve("outM").resolve("maps")), "no table written");
        Result mismatch = deid("outA", tmp.resolve("b.key"));
        assertEquals(1, mismatch.exit(), mismatch.err());
        assertTrue(mismatch.err().contains("another key or policy"), mismatch.err());
        assertFalse(mismatch.err().contains("Exception"), "no stack trace: " + mismatch.err());
    }
}
