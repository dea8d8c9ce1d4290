package org.delineate.privacy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * BIDS JSON sidecars through {@code delineate deid}, judged with Python's json module and pydicom: patient P's
 * sidecar full of identifiers (as {@code dcm2niix -ba n} writes them, plus free text) next to P's DICOM file; a
 * real dcm2niix sidecar (dcm_qa_nih); patient R's sidecar holding R's ID in a code string, which the verification
 * pass must catch, withholding R's image, sidecar and DICOM file; a JSON file that is no sidecar; a sidecar that is
 * not JSON. Run with the research and the TCIA-like presets.
 */
class BidsSidecarTest {

    static final String SIDECAR_P = """
            {"Modality": "MR", "Manufacturer": "Siemens", "ManufacturersModelName": "Skyra",
             "InstitutionName": "Springfield General", "InstitutionAddress": "742 Evergreen Terrace",
             "DeviceSerialNumber": "45160", "StationName": "AWP45160",
             "PatientName": "Doe^Johnathan", "PatientID": "MRN0012345", "PatientBirthDate": "1970-03-15",
             "AccessionNumber": "ACC012345", "StudyInstanceUID": "%1$s", "SeriesInstanceUID": "%1$s.7",
             "ReferringPhysicianName": "House^Gregory", "SeriesDescription": "bold for Johnathan Doe",
             "ProtocolName": "rest bold", "AcquisitionTime": "10:15:00.000000",
             "AcquisitionDateTime": "2020-03-15T10:15:00.000000", "ScanDate": "2020-03-15",
             "EchoTime": 0.03, "RepetitionTime": 2.2, "SliceTiming": [0, 0.5, 1.0, 1.5],
             "PhaseEncodingDirection": "j-", "TaskName": "rest", "CustomNote": "patient MRN0012345 moved",
             "Operator": {"name": "Doe"}, "ConversionSoftware": "dcm2niix", "NonlinearGradientCorrection": false}
            """.formatted(DeidVerificationTest.STUDY_P);
    static final String SIDECAR_R = """
            {"PatientName": "Roe^Rita", "PatientID": "MRN0099999", "ImageType": ["ORIGINAL", "MRN0099999"],
             "EchoTime": 0.03}
            """;
    static final String P = "sub-01/func/sub-01_task-rest_bold";
    static final String QA = "qa/EPI_PE=AP_3";
    static final String R = "sub-02/anat/sub-02_T1w";

    @TempDir
    static Path tmp;
    static Path in;
    static Path key;
    static DeidCommandTest.Result research;
    static DeidCommandTest.Result tcia;

    @BeforeAll
    static void run() throws IOException {
        Peers.assumePydicom();
        Path ref = TestFiles.assumeTestdata().resolve("dcm_qa_nih/Ref");
        in = Files.createDirectories(tmp.resolve("in"));
        for (String image : List.of(P, QA, R, "sub-03/bad")) {
            Files.createDirectories(in.resolve(image).getParent());
            Files.copy(ref.resolve("EPI_PE=AP_3.nii"), in.resolve(image + ".nii"));
        }
        Files.writeString(in.resolve(P + ".json"), SIDECAR_P);
        Files.copy(ref.resolve("EPI_PE=AP_3.json"), in.resolve(QA + ".json"));
        Files.writeString(in.resolve(R + ".json"), SIDECAR_R);
        Files.writeString(in.resolve("sub-03/bad.json"), "{\"PatientName\": \"Doe^Johnathan\", oops");
        Files.writeString(in.resolve("dataset_description.json"), "{\"Name\": \"a study\", \"BIDSVersion\": \"1.9.0\"}");
        DeidVerificationTest.write(DeidVerificationTest.patient("Doe^Johnathan", "MRN0012345",
                DeidVerificationTest.STUDY_P, 1), in.resolve("sub-01/dicom/p.dcm"));
        DeidVerificationTest.write(DeidVerificationTest.patient("Roe^Rita", "MRN0099999",
                DeidVerificationTest.STUDY_Q, 1), in.resolve("sub-02/dicom/r.dcm"));
        key = tmp.resolve("k.key");
        research = deid("research");
        tcia = deid("tcia");
    }

    static DeidCommandTest.Result deid(String policy) {
        return DeidCommandTest.run("deid", "--in", in.toString(), "--out", tmp.resolve(policy).toString(), "--policy",
                policy, "--key", key.toString(), "--jobs", "2");
    }

    static Path sidecarOutput(String policy, String image) throws IOException {
        return tmp.resolve(policy).resolve("nifti").resolve(KeyedPseudonyms.of(
                org.delineate.privacy.pseudonym.KeyFile.load(key)).opaqueId(image + ".nii") + ".json");
    }

    /**
     * The Python judge: input sidecar, output sidecar, DICOM input and output of the same patient, policy. Prints
     * PROBLEM lines.
     */
    static final String JUDGE = String.join("\n",
            "import sys, json, datetime, pydicom",
            "a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))",
            "di = pydicom.dcmread(sys.argv[3]); do = pydicom.dcmread(sys.argv[4]); policy = sys.argv[5]",
            "def problem(*m): print('PROBLEM', *m)",
            "removed = ['InstitutionName', 'InstitutionAddress', 'PatientBirthDate', 'AccessionNumber',",
            "           'ReferringPhysicianName', 'SeriesDescription', 'CustomNote', 'Operator']",
            "removed += ['DeviceSerialNumber', 'StationName', 'ProtocolName'] if policy == 'research' else []",
            "kept = ['Modality', 'Manufacturer', 'ManufacturersModelName', 'AcquisitionTime', 'EchoTime',",
            "        'RepetitionTime', 'SliceTiming', 'PhaseEncodingDirection', 'TaskName', 'ConversionSoftware',",
            "        'NonlinearGradientCorrection']",
            "kept += ['DeviceSerialNumber', 'StationName', 'ProtocolName'] if policy == 'tcia' else []",
            "for k in removed:",
            "    if k in b: problem('kept', k)",
            "for k in kept:",
            "    if b.get(k) != a[k]: problem('changed', k, b.get(k))",
            "if b.get('PatientID') != str(do.PatientID): problem('PatientID differs from the DICOM output')",
            "if not str(b.get('PatientName', '')).startswith('PSEUDO^'): problem('PatientName')",
            "if b.get('StudyInstanceUID') != str(do.StudyInstanceUID): problem('StudyInstanceUID differs')",
            "if not b.get('SeriesInstanceUID', '').startswith('2.25.'): problem('SeriesInstanceUID')",
            "day = lambda s: datetime.date.fromisoformat(s[:10])",
            "dicom_day = lambda s: datetime.date(int(s[:4]), int(s[4:6]), int(s[6:8]))",
            "shift = dicom_day(do.StudyDate) - dicom_day(di.StudyDate)",
            "if shift.days == 0: problem('no date shift')",
            "for k in ('AcquisitionDateTime', 'ScanDate'):",
            "    if k not in b or day(b[k]) - day(a[k]) != shift or b[k][10:] != a[k][10:]: problem('date', k, b.get(k))",
            "text = json.dumps(b).upper()",
            "for token in ('JOHNATHAN', 'DOE', 'MRN0012345', '1970-03-15', 'SPRINGFIELD', 'HOUSE', 'ACC012345',",
            "              sys.argv[6]):",
            "    if token in text: problem('holds', token)",
            "print('KEYS', len(a), len(b))");

    @Test
    void identifyingKeysRemovedOrReplacedConsistentlyWithTheDicomFiles() throws IOException {
        for (String policy : List.of("research", "tcia")) {
            Path dicomOut = DeidCommandTest.expectedOutput(tmp.resolve(policy), "sub-01/dicom/p.dcm", key, in);
            Peers.Result r = Peers.runPythonWithArguments(JUDGE, List.of(in.resolve(P + ".json").toString(),
                    sidecarOutput(policy, P).toString(), in.resolve("sub-01/dicom/p.dcm").toString(),
                    dicomOut.toString(), policy, DeidVerificationTest.STUDY_P), 120);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(List.of(), r.stdout().lines().filter(l -> l.startsWith("PROBLEM")).toList(), policy);
            assertTrue(r.stdout().contains("KEYS 28 "), r.stdout());
        }
    }

    /**
     * The real dcm2niix sidecar: only identifying keys go, every other acquisition parameter is kept as it was.
     * PulseSequenceDetails ("%CustomerSeq%\nih_ep2d_bold") goes too: it echoes the institution, NIH.
     */
    @Test
    void aRealDcm2niixSidecarKeepsItsAcquisitionParameters() throws IOException {
        String program = String.join("\n",
                "import sys, json",
                "a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))",
                "gone = sorted(set(a) - set(b)); changed = [k for k in b if b[k] != a.get(k)]",
                "print('GONE', ' '.join(gone)); print('CHANGED', ' '.join(changed))");
        Peers.Result r = Peers.runPythonWithArguments(program, List.of(in.resolve(QA + ".json").toString(),
                sidecarOutput("research", QA).toString()), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("GONE DeviceSerialNumber ImageComments InstitutionAddress InstitutionName "
                + "InstitutionalDepartmentName ProcedureStepDescription ProtocolName PulseSequenceDetails SeriesDescription "
                + "StationName StudyDescription", "CHANGED "), r.stdout().lines().toList());
    }

    @Test
    void aSidecarHoldingAnIdentifierWithholdsThePatientsImagesAndDicomFiles() throws IOException {
        for (DeidCommandTest.Result result : List.of(research, tcia)) {
            assertEquals(3, result.exit(), result.err());
        }
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("research").resolve(RunReport.JSON).toFile());
        assertEquals(11, report.get("files").get("found").asInt());
        assertEquals(6, report.get("files").get("written").asInt(), "P's image, sidecar and DICOM file, QA's pair, "
                + "the image whose sidecar is not JSON");
        assertEquals(3, report.get("verification").get("filesWithheld").asInt(), "R's image, sidecar, DICOM file");
        assertEquals(1, report.get("verification").get("patientsWithheld").asInt());
        List<String> reasons = new ArrayList<>();
        report.get("withheld").forEach(w -> reasons.add(w.get("outcome").asText() + " " + w.get("reason").asText()));
        reasons.sort(null);
        assertEquals(List.of(
                "QUARANTINED not DICOM or NIfTI: a JSON file that is no sidecar (no .nii or .nii.gz image of the "
                        + "same name); not released",
                "QUARANTINED not readable as a JSON sidecar: <input>: not valid JSON at line 1, column 34",
                "WITHHELD " + Outputs.SIBLING, "WITHHELD " + Outputs.SIBLING,
                "WITHHELD verification: sidecar key 3 ImageType holds an original identifier (patient, admission or "
                        + "study ID); every file of the patient is withheld"), reasons);
        assertTrue(Files.exists(tmp.resolve("research").resolve("nifti").resolve(KeyedPseudonyms.of(
                org.delineate.privacy.pseudonym.KeyFile.load(key)).opaqueId("sub-03/bad.nii") + ".nii")));
    }

    /**
     * With a strict lookup table, patient R (not in it) is withheld whole, image included (it belongs to R through its
     * sidecar), and so is the dcm2niix pair, whose sidecar has no PatientID (as DICOM files without one); patient
     * P's sidecar gets P's new ID from the table.
     */
    @Test
    void aStrictLookupTableWithholdsTheImagesAndSidecarsOfPatientsMissingFromIt() throws IOException {
        Path table = Files.writeString(tmp.resolve("ids.csv"), "PatientID,NewPatientID\nMRN0012345,SUBJ-001\n");
        DeidCommandTest.Result r = DeidCommandTest.run("deid", "--in", in.toString(), "--out", tmp.resolve("lookup")
                .toString(), "--policy", "research", "--key", key.toString(), "--lookup", table.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("lookup").resolve(RunReport.JSON).toFile());
        List<String> reasons = new ArrayList<>();
        report.get("withheld").forEach(w -> reasons.add(w.get("reason").asText()));
        reasons.removeIf(x -> x.startsWith("not "));
        reasons.sort(null);
        String image = "the patient (of its sidecar) is not in the lookup table";
        String other = "the patient is not in the lookup table";
        assertEquals(List.of(image, image, other, other, other), reasons, "R's and QA's images and sidecars, R's "
                + "DICOM file");
        assertTrue(Files.readString(sidecarOutput("lookup", P)).contains("\"SUBJ-001\""), "P's sidecar has P's new ID");
    }
}
