package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.DictionaryEntry;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.privacy.FakePseudonyms;
import org.delineate.privacy.StandardTable;
import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.profile.ProfileOption;
import org.junit.jupiter.api.Test;

/**
 * Every exact-tag row of PS3.15 Table E.1-1, read from the standard's JSON by this test: an element of the row's
 * dictionary VR goes through the engine with no option and with each option whose column the row fills, and the
 * audited action must be what the table's code means for that VR (combined codes with no Type known: Z for X/Z, D
 * for X/D, Z/D and X/Z/D, U for X/Z/U*, as CombinedActions documents).
 */
class TableDrivenEngineTest {

    private static final String PLAIN_UID = "1.2.826.0.1.3680043.99.77";

    private static Policy policy(ProfileOption option) throws IOException {
        String json = "{ \"version\": 1, \"name\": \"t\", \"pseudonymizePatient\": false, \"options\": ["
                + (option == null ? "" : "\"" + option.jsonName() + "\"") + "] }";
        return Policy.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static String simple(String code) {
        return switch (code) {
            case "X/Z" -> "Z";
            case "X/D", "Z/D", "X/Z/D" -> "D";
            case "X/Z/U*" -> "U";
            default -> code;
        };
    }

    private static AuditAction expected(String code, VR vr, ProfileOption option) {
        String action = simple(code);
        boolean sequence = vr == VR.SQ;
        switch (action) {
            case "X":
                return AuditAction.REMOVED;
            case "Z":
                return AuditAction.EMPTIED;
            case "D":
                return sequence ? AuditAction.KEPT : vr == VR.UI ? AuditAction.UID_REPLACED : AuditAction.DUMMY;
            case "U":
                return vr == VR.UI ? AuditAction.UID_REPLACED : AuditAction.KEPT;
            case "K":
                return AuditAction.KEPT;
            case "C":
                if ((vr == VR.DA || vr == VR.DT) && option == ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES) {
                    return AuditAction.DATE_SHIFTED;
                }
                return vr == VR.UI ? AuditAction.UID_REPLACED : AuditAction.KEPT;
            default:
                throw new IllegalArgumentException(code);
        }
    }

    private static void put(DataSet ds, int tag, VR vr) {
        switch (vr) {
            case SQ -> ds.newSequence(tag).addItem();
            case UI -> ds.setString(tag, vr, PLAIN_UID);
            case DA -> ds.setString(tag, vr, "20200101");
            case TM -> ds.setString(tag, vr, "101010");
            case DT -> ds.setString(tag, vr, "20200101101010");
            case AS -> ds.setString(tag, vr, "030Y");
            case DS, IS -> ds.setString(tag, vr, "7");
            case PN -> ds.setString(tag, vr, "Zed^Alpha");
            case CS -> ds.setString(tag, vr, "VALUE");
            case AT -> ds.setBytes(tag, vr, new byte[4]);
            default -> {
                if (vr.isText()) {
                    ds.setString(tag, vr, "some text");
                } else {
                    ds.setBytes(tag, vr, new byte[Math.max(2, vr.unitSize())]);
                }
            }
        }
    }

    @Test
    void eachOptionChangesExactlyWhatTheTableSays() throws IOException {
        JsonNode table = StandardTable.rows();
        ElementDictionary dictionary = ElementDictionary.standard();
        FakePseudonyms pseudonyms = new FakePseudonyms();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (JsonNode row : table) {
            String tagText = row.get("tag").asText();
            int tag = StandardTable.exactTag(tagText);
            Optional<DictionaryEntry> entry = tag < 0 ? Optional.empty() : dictionary.entry(tag);
            // NB: File Meta (group 0002) is the caller's to regenerate; the engine leaves it alone.
            if (entry.isEmpty() || entry.get().isAmbiguous() || entry.get().vr() == null || tag >>> 16 == 2) {
                continue;
            }
            VR vr = entry.get().vr();
            List<ProfileOption> options = new ArrayList<>();
            options.add(null);
            for (ProfileOption option : ProfileOption.values()) {
                if (option.column() != null && row.hasNonNull(option.column())) {
                    options.add(option);
                }
            }
            for (ProfileOption option : options) {
                String code = option == null ? row.get("basicProfile").asText() : row.get(option.column()).asText();
                DataSet ds = new DataSet();
                put(ds, tag, vr);
                DeidentificationResult result = Deidentifier.create(policy(option), pseudonyms).apply(ds);
                String path = String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
                AuditAction actual = result.audit().stream().filter(e -> e.path().equals(path)).findFirst()
                        .map(AuditEntry::action).orElse(null);
                AuditAction wanted = expected(code, vr, option);
                if (actual != wanted) {
                    mismatches.add(tagText + " " + vr + " " + option + " " + code + ": " + actual + " != " + wanted);
                }
                checked++;
            }
        }
        System.out.println("TableDrivenEngineTest: " + checked + " row x option cases through the engine");
        assertEquals(List.of(), mismatches);
        assertTrue(checked > 800, "rows x options checked: " + checked);
    }
}
