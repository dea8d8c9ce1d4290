package org.delineate.privacy.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.privacy.FakePseudonyms;
import org.delineate.privacy.deid.Deidentifier;
import org.delineate.privacy.deid.PhiDataSets;
import org.delineate.privacy.policy.Policy;
import org.junit.jupiter.api.Test;

/**
 * The verification pass on single data sets: what it looks for, where, and what it leaves alone. The pass over a
 * whole run (withholding the patient, the report, pydicom's view of the outputs) is DeidVerificationTest.
 */
class VerificationTest {

    private static final Deidentifier RESEARCH = Deidentifier.create(Policy.preset("research"), new FakePseudonyms());

    private static Identifiers identifiers(String... tokens) {
        Identifiers.Builder b = Identifiers.builder();
        for (String t : tokens) {
            b.add(t, IdentifierKind.PATIENT_ID);
        }
        return b.build();
    }

    @Test
    void matchingRules() {
        Identifiers ids = identifiers("0012345", "Doe", "Johnathan", "1.2.826.0.1.3680043.99.1", "X", "12", "1.25");
        assertEquals(4, ids.size(), "X, 12 and the decimal 1.25 are not identifiers");
        assertEquals(IdentifierKind.PATIENT_ID, ids.find("MRN0012345", true, false), "digits next to letters");
        assertNull(ids.find("90012345", true, false), "digits inside a longer number");
        assertEquals(IdentifierKind.PATIENT_ID, ids.find("seen: doe, j.", true, false), "short token, whole word");
        assertNull(ids.find("DOES NOT", true, false), "short token inside a word");
        assertEquals(IdentifierKind.PATIENT_ID, ids.find("JOHNATHANDOE", true, false), "long token anywhere");
        assertEquals(IdentifierKind.PATIENT_ID, ids.find("2.25.1\\1.2.826.0.1.3680043.99.1.7", true, false),
                "an original UID as the root of a longer one");
        assertNull(ids.find("1.2.826.0.1.3680043.99.12", true, false), "another UID");
        assertNull(ids.find("x Doe x", true, true), "short tokens are not searched in binary values");
        assertEquals(IdentifierKind.PATIENT_ID, ids.find("\u0001\u0007Johnathan\u0000", true, true));
    }

    @Test
    void collectsThePatientsIdentifiersButNotWhatThePolicyKeeps() throws Exception {
        DataSet input = PhiDataSets.create();
        Identifiers ids = Identifiers.of(input, RESEARCH);
        assertEquals(IdentifierKind.PATIENT_NAME, ids.find("Johnathan", true, false));
        assertEquals(IdentifierKind.PATIENT_ID, ids.find(PhiDataSets.PATIENT_ID, true, false));
        assertEquals(IdentifierKind.ACCESSION_NUMBER, ids.find("ACC998877", true, false));
        assertEquals(IdentifierKind.PATIENT_ID, ids.find("STUDY4711", true, false), "Study ID");
        for (String date : List.of("19700315", "1970-03-15", "15.03.1970", "03/15/1970", "15/03/1970")) {
            assertEquals(IdentifierKind.BIRTH_DATE, ids.find("born " + date, true, false), date);
        }
        assertEquals(IdentifierKind.UID, ids.find(PhiDataSets.REFERENCED_UID, true, false), "nested UID");
        assertNull(ids.find("CT Image Storage 1.2.840.10008.5.1.4.1.1.2", true, false), "registry UIDs");
        assertNull(ids.find("House Gregory", true, false), "other people's names are not patient identifiers");
        // Patient's Sex and Weight are kept by Retain Patient Characteristics; M or 80 are no identifiers anyway
        Deidentifier keepUids = Deidentifier.create(Policy.parse(new java.io.ByteArrayInputStream(("""
                {"version": 1, "name": "t", "extends": "research", "options": ["retainUids"],
                 "attributes": {"AccessionNumber": "K"}}""").getBytes(StandardCharsets.UTF_8)), "t.json"),
                new FakePseudonyms());
        Identifiers kept = Identifiers.of(PhiDataSets.create(), keepUids);
        assertNull(kept.find(PhiDataSets.STUDY_UID, true, false), "Retain UIDs: UIDs are no finding");
        assertNull(kept.find("ACC998877", true, false), "a policy override keeps the accession number");
        assertEquals(IdentifierKind.PATIENT_NAME, kept.find("Doe", true, false));
    }

    @Test
    void theEnginesOutputOfTheGeneratedPhiPassesAndPlantedIdentifiersAreFound() throws Exception {
        DataSet ds = PhiDataSets.create();
        Identifiers ids = Identifiers.of(ds, RESEARCH);
        RESEARCH.apply(ds);
        assertEquals(List.of(), OutputScanner.scan(ds, ids), "the engine's output of the generated PHI");
        // What the engine would never leave: planted after it ran, at depth, in binary, UTF-16 and code strings.
        ds.setBytes(0x00111010, VR.OB, "\u0001\u0002DOE^JOHNATHAN\u0000".getBytes(StandardCharsets.ISO_8859_1));
        ds.setBytes(0x00111012, VR.OB, "\u0001J\u0000o\u0000h\u0000n\u0000a\u0000t\u0000h\u0000a\u0000n\u0000"
                .getBytes(StandardCharsets.ISO_8859_1));
        ds.getSequence(Tag.ReferencedImageSequence).get(0).setString(0x00081160, VR.IS, "19700315");
        ds.getSequence(Tag.ReferencedImageSequence).get(0).setString(Tag.ReferencedSOPInstanceUID, VR.UI,
                PhiDataSets.REFERENCED_UID);
        ds.setString(Tag.BodyPartExamined, VR.CS, "DOE");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "ACC998877");
        List<Finding> findings = OutputScanner.scan(ds, ids);
        assertEquals(List.of(
                new Finding("(0008,0008)", "ImageType", IdentifierKind.ACCESSION_NUMBER),
                new Finding("(0008,1140)[1].(0008,1155)", "ReferencedSOPInstanceUID", IdentifierKind.UID),
                new Finding("(0011,1010)", "", IdentifierKind.PATIENT_NAME),
                new Finding("(0011,1012)", "", IdentifierKind.PATIENT_NAME)), findings,
                "numbers (IS) and name tokens in code strings are not searched");
        assertEquals("(0011,1010) holds a token of the patient's name", findings.get(2).describe());
        assertTrue(findings.stream().noneMatch(f -> f.describe().toUpperCase().contains("JOHNATHAN")));
    }
}
