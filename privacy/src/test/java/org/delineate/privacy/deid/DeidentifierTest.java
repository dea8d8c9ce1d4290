package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.privacy.FakePseudonyms;
import org.delineate.dicom.Peers;
import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.profile.ProfileOption;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a generated data set full of PHI, judged by pydicom and by direct checks. */
class DeidentifierTest {

    private static final FakePseudonyms PSEUDONYMS = new FakePseudonyms();
    /** The Table E.1-1 columns of the research preset's options, for the oracle. */
    static final String[] RESEARCH_COLUMNS = {"rtnLongModifDatesOpt", "rtnPatCharsOpt"};

    @TempDir
    Path tmp;

    static byte[] encode(DataSet ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(WriteOptions.fresh(null)).write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                out);
        return out.toByteArray();
    }

    private Path write(DataSet ds, String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, encode(ds));
        return file;
    }

    private static DeidentificationResult deidentify(DataSet ds, Policy policy) {
        return Deidentifier.create(policy, PSEUDONYMS).apply(ds);
    }

    @Test
    void noIdentifierSurvivesBasicOrResearchAccordingToPydicom() throws IOException {
        Peers.assumePydicom();
        Path input = write(PhiDataSets.create(), "in.dcm");
        DataSet basic = PhiDataSets.create();
        deidentify(basic, Policy.preset("basic"));
        PydicomPhiOracle.assertNoResidualPhi(List.<Path[]>of(new Path[] {input, write(basic, "basic.dcm")}));
        DataSet research = PhiDataSets.create();
        deidentify(research, Policy.preset("research"));
        PydicomPhiOracle.assertNoResidualPhi(List.<Path[]>of(new Path[] {input, write(research, "research.dcm")}),
                RESEARCH_COLUMNS);
        // The oracle itself: the input judged as its own output leaks.
        assertThrows(AssertionFailedError.class,
                () -> PydicomPhiOracle.assertNoResidualPhi(List.<Path[]>of(new Path[] {input, input})));
    }

    @Test
    void auditNamesEveryElementButHoldsNoValue() {
        DataSet ds = PhiDataSets.create();
        DeidentificationResult result = deidentify(ds, Policy.preset("research"));
        String audit = result.audit().toString().toUpperCase(Locale.ROOT);
        for (String identifier : PhiDataSets.IDENTIFIERS) {
            assertFalse(audit.contains(identifier.toUpperCase(Locale.ROOT)), "audit holds " + identifier);
        }
        List<String> paths = result.audit().stream().map(AuditEntry::path).toList();
        assertTrue(paths.contains("(0040,A730)[1].(0040,A730)[1].(0040,A730)[1].(0040,A123)"), paths.toString());
        assertTrue(paths.contains("(0009,1003)[1].(0009,1001)") || paths.contains("(0009,1003)"));
        AuditEntry text = result.audit().stream()
                .filter(e -> e.path().equals("(0040,A730)[1].(0040,A730)[1].(0040,A160)")).findFirst().orElseThrow();
        assertEquals(AuditAction.DUMMY, text.action(), "SR text naming the patient");
        assertEquals("TextValue", text.keyword());
    }

    @Test
    void patientUidsDatesAndStructureUnderResearch() throws IOException {
        DataSet ds = PhiDataSets.create();
        byte[] pixelsBefore = ds.get(0x7FE00010).bytes().clone();
        DeidentificationResult result = deidentify(ds, Policy.preset("research"));
        assertEquals(PSEUDONYMS.patientName(PhiDataSets.PATIENT_NAME, PhiDataSets.PATIENT_ID), ds.getString(0x00100010));
        assertEquals(PSEUDONYMS.patientId(PhiDataSets.PATIENT_ID), ds.getString(0x00100020));
        // UIDs: replaced by the same function everywhere, registry UIDs kept.
        assertEquals(PSEUDONYMS.uid(PhiDataSets.STUDY_UID), ds.getString(0x0020000D));
        assertEquals(PSEUDONYMS.uid(PhiDataSets.INSTANCE_UID), result.sopInstanceUid());
        assertEquals(PhiDataSets.CT_IMAGE_STORAGE, ds.getString(0x00080016));
        assertEquals(PhiDataSets.CT_IMAGE_STORAGE, ds.getSequence(0x00081140).get(0).getString(0x00081150));
        String referenced = PSEUDONYMS.uid(PhiDataSets.REFERENCED_UID);
        assertEquals(referenced, ds.getSequence(0x00081140).get(0).getString(0x00081155));
        DataSet deepest = ds.getSequence(0x0040A730).get(0).getSequence(0x0040A730).get(0).getSequence(0x0040A730)
                .get(0);
        assertEquals(referenced, deepest.getString(0x0040A124), "reference three deep");
        // Dates shifted by the patient's offset at every depth, times kept.
        int shift = PSEUDONYMS.dateShiftDays(PhiDataSets.PATIENT_ID);
        LocalDate study = LocalDate.of(2020, 3, 15).plusDays(shift);
        assertEquals(study, ds.getDate(0x00080020));
        assertEquals("101500", ds.getString(0x00080030));
        assertEquals(String.format("%04d%02d%02d101500.000000", study.getYear(), study.getMonthValue(),
                study.getDayOfMonth()), ds.getString(0x0008002A));
        assertEquals(LocalDate.of(2020, 3, 16).plusDays(shift), deepest.getDate(0x0040A121));
        assertEquals("120000", deepest.getString(0x0040A122));
        assertEquals("050Y", ds.getString(0x00101010), "Retain Patient Characteristics keeps the age");
        assertEquals("80", ds.getString(0x00101030).strip(), "and the weight");
        assertEquals("", ds.getString(0x00100030, ""), "birth date Z");
        // Beyond the table: overlays, curves, Original Attributes, Icon Image, private, echoing text and UN.
        assertTrue(ds.range(0x60000000, 0x60FFFFFF).isEmpty(), "overlay groups");
        assertTrue(ds.range(0x50000000, 0x50FFFFFF).isEmpty(), "curve groups");
        assertNull(ds.get(0x04000561));
        assertNull(ds.get(0x00880200));
        assertTrue(ds.range(0x00090000, 0x0009FFFF).isEmpty(), "private block and its creator");
        assertTrue(ds.range(0x00190000, 0x0019FFFF).isEmpty(), "safe private without the option");
        assertNull(ds.get(0x00189998), "UN holding the name");
        assertArrayEquals("HELLO WORLD ".getBytes(StandardCharsets.ISO_8859_1), ds.get(0x00189996).bytes());
        assertEquals(DummyValues.TEXT, ds.getString(0x00181020), "free text echoing the institution");
        assertEquals("Scanner 9000", ds.getString(0x00081090));
        assertEquals("ACME", ds.getString(0x00080070));
        assertArrayEquals(pixelsBefore, ds.get(0x7FE00010).bytes(), "pixels untouched");
        // Markers.
        assertEquals("YES", ds.getString(0x00120062));
        assertEquals("MODIFIED", ds.getString(0x00280303));
        List<String> codes = new ArrayList<>();
        for (DataSet item : ds.getSequence(0x00120064)) {
            codes.add(item.getString(0x00080100));
            assertEquals("DCM", item.getString(0x00080102));
        }
        assertEquals(List.of("113100", "113107", "113108"), codes);
        List<String> method = List.of(ds.getStrings(0x00120063));
        assertTrue(method.contains("Retain Longitudinal Temporal Information Modified Dates Option"), method.toString());
        assertTrue(method.stream().allMatch(v -> v.length() <= 64));
        assertTrue(result.pixelOptionsPending().isEmpty());
    }

    @Test
    void basicReplacesDatesWithDummiesAndRemovesAge() {
        DataSet ds = PhiDataSets.create();
        deidentify(ds, Policy.preset("basic"));
        assertEquals("REMOVED", ds.getString(0x00280303));
        assertNull(ds.get(0x00101010), "Patient's Age X");
        assertNull(ds.get(0x00101030), "Patient's Weight X");
        // Study Date is Z in the table; Series Date X/D resolves to D without Type knowledge.
        assertEquals("", ds.getString(0x00080020, ""));
        assertEquals(DummyValues.DATE, ds.getString(0x00080021));
        assertEquals(DummyValues.TEXT, ds.getString(0x00080080), "Institution Name X/Z/D");
        assertNull(ds.get(0x00081030), "Study Description X");
        DataSet deepest = ds.getSequence(0x0040A730).get(0).getSequence(0x0040A730).get(0).getSequence(0x0040A730)
                .get(0);
        assertEquals(DummyValues.TEXT, deepest.getString(0x0040A123), "Person Name D");
        assertEquals(DummyValues.DATE, deepest.getString(0x0040A121), "date not in the table: byVr DA D");
    }

    @Test
    void tciaKeepsSafePrivateWithItsCreatorAndReportsPixelCleaningPending() {
        DataSet ds = PhiDataSets.create();
        DeidentificationResult result = deidentify(ds, Policy.preset("tcia"));
        assertEquals("GEMS_ACQU_01", ds.getString(0x00190010));
        assertEquals("39.375", ds.getString(0x00191023));
        assertNull(ds.get(0x00191002), "not in the safe list");
        assertEquals("NQHeader", ds.getString(0x00990010));
        assertEquals(PSEUDONYMS.uid(PhiDataSets.SAFE_PRIVATE_UID), ds.getString(0x00991002),
                "a safe private UID (NQHeader Analyzed Series UID) is kept but replaced like every UID");
        assertTrue(ds.range(0x00090000, 0x0009FFFF).isEmpty());
        assertEquals(java.util.Set.of(ProfileOption.CLEAN_PIXEL_DATA), result.pixelOptionsPending());
        assertFalse(codes(ds).contains("113101"), "not claimed before the caller cleans the pixels");
        ConformanceMarkers.recordPerformed(ds, ProfileOption.CLEAN_PIXEL_DATA);
        ConformanceMarkers.recordPerformed(ds, ProfileOption.CLEAN_PIXEL_DATA);
        assertEquals(1, codes(ds).stream().filter("113101"::equals).count());
        assertTrue(List.of(ds.getStrings(0x00120063)).contains("Clean Pixel Data Option"));
    }

    private static List<String> codes(DataSet ds) {
        List<String> codes = new ArrayList<>();
        for (DataSet item : ds.getSequence(0x00120064)) {
            codes.add(item.getString(0x00080100));
        }
        return codes;
    }

    @Test
    void policyOverridesByKeywordPrivateCreatorAndVr() throws IOException {
        Path file = tmp.resolve("p.json");
        Files.writeString(file, """
                { "version": 1, "name": "override", "extends": "research",
                  "attributes": { "PatientBirthDate": "K", "ManufacturerModelName": "X" },
                  "privateAttributes": [ { "creator": "ACME PHI 1.0", "element": "(0009,xx03)", "action": "K" } ],
                  "byVr": { "TM": "D" } }
                """);
        DataSet ds = PhiDataSets.create();
        deidentify(ds, Policy.load(file));
        int shift = PSEUDONYMS.dateShiftDays(PhiDataSets.PATIENT_ID);
        assertEquals(LocalDate.of(1970, 3, 15).plusDays(shift), ds.getDate(0x00100030), "kept, so shifted");
        assertEquals("050Y", ds.getString(0x00101010), "recomputed from the shifted birth and study dates");
        assertNull(ds.get(0x00081090));
        DataSet item = ds.getSequence(0x00091003).get(0);
        assertNotNull(item, "private sequence kept");
        assertTrue(item.isEmpty(), "the kept private sequence's items are processed: no rule keeps their elements");
    }

    @Test
    void oneEngineManyThreadsSameOutput() throws Exception {
        Deidentifier engine = Deidentifier.create(Policy.preset("research"), PSEUDONYMS);
        DataSet reference = PhiDataSets.create();
        engine.apply(reference);
        byte[] expected = encode(reference);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> outputs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                outputs.add(pool.submit(() -> {
                    DataSet ds = PhiDataSets.create();
                    engine.apply(ds);
                    return encode(ds);
                }));
            }
            for (Future<byte[]> output : outputs) {
                assertArrayEquals(expected, output.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
