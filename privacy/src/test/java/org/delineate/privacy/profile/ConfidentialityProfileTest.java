package org.delineate.privacy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.delineate.privacy.StandardTable;
import org.junit.jupiter.api.Test;

/** The generated table against the standard's JSON in the shared folder, read here independently. */
class ConfidentialityProfileTest {

    @Test
    void everyRowAndEveryOptionColumnAsTheStandardSays() throws IOException {
        JsonNode table = StandardTable.rows();
        ConfidentialityProfile profile = ConfidentialityProfile.standard();
        assertEquals(table.size(), profile.rows().size());
        assertEquals(621, profile.rows().size());
        assertEquals("2024e", profile.edition());
        int checked = 0;
        for (JsonNode row : table) {
            String tag = row.get("tag").asText();
            ProfileRow generated;
            if (tag.startsWith("(GGGG,EEEE)")) {
                generated = profile.privateAttributes();
            } else {
                int probe = (int) Long.parseLong(tag.substring(1, 5).replace('X', '2') + tag.substring(6, 10)
                        .replace('X', '2'), 16);
                Optional<ProfileRow> found = profile.row(probe);
                assertTrue(found.isPresent(), tag);
                generated = found.get();
            }
            assertEquals(row.get("basicProfile").asText(), generated.action(Set.of()).code(), tag + " basic");
            for (ProfileOption option : ProfileOption.values()) {
                if (option.column() == null) {
                    continue;
                }
                JsonNode cell = row.get(option.column());
                String expected = cell == null || cell.asText().isEmpty() ? row.get("basicProfile").asText()
                        : cell.asText();
                assertEquals(expected, generated.action(EnumSet.of(option)).code(), tag + " " + option);
                checked++;
            }
        }
        assertEquals(621 * 10, checked);
    }

    @Test
    void repeatingGroupsCoverEveryGroupOfTheirRange() {
        ConfidentialityProfile profile = ConfidentialityProfile.standard();
        assertEquals("X", profile.action(0x50120110, Set.of()).code());
        assertEquals("X", profile.action(0x601E4000, Set.of()).code());
        assertEquals("X", profile.action(0x60003000, Set.of()).code());
        assertEquals("C", profile.action(0x60003000, EnumSet.of(ProfileOption.CLEAN_GRAPHICS)).code());
    }

    @Test
    void combinedActionsTakeTheAlternativeTheTypeRequires() {
        assertEquals(Action.X, CombinedActions.resolve(Action.X_Z, AttributeType.TYPE_3));
        assertEquals(Action.Z, CombinedActions.resolve(Action.X_Z, AttributeType.TYPE_2));
        assertEquals(Action.Z, CombinedActions.resolve(Action.Z_D, AttributeType.TYPE_2));
        assertEquals(Action.D, CombinedActions.resolve(Action.Z_D, AttributeType.TYPE_1));
        assertEquals(Action.X, CombinedActions.resolve(Action.X_D, AttributeType.TYPE_3));
        assertEquals(Action.D, CombinedActions.resolve(Action.X_D, AttributeType.TYPE_1C));
        assertEquals(Action.Z, CombinedActions.resolve(Action.X_Z_D, AttributeType.TYPE_2C));
        assertEquals(Action.U, CombinedActions.resolve(Action.X_Z_U_STAR, AttributeType.TYPE_1));
        assertEquals(Action.X, CombinedActions.resolve(Action.X_Z_U_STAR, AttributeType.TYPE_3));
        // Unknown Type: the alternative that keeps any IOD conformant.
        assertEquals(Action.Z, CombinedActions.resolve(Action.X_Z, AttributeType.UNKNOWN));
        assertEquals(Action.D, CombinedActions.resolve(Action.X_Z_D, AttributeType.UNKNOWN));
        assertEquals(Action.U, CombinedActions.resolve(Action.X_Z_U_STAR, AttributeType.UNKNOWN));
        assertEquals(Action.K, CombinedActions.resolve(Action.K, AttributeType.UNKNOWN));
    }

    @Test
    void safePrivateListHasEveryRowOfTheStandardsTable() throws java.io.IOException {
        // NB: read here with its own parser from src/standard, the source the build generates the list from.
        java.util.List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/standard",
                "safe_private_attributes.psv")).stream().skip(1).filter(l -> !l.isBlank()).toList();
        SafePrivateAttributes safe = SafePrivateAttributes.standard();
        assertEquals(130, rows.size());
        assertEquals(rows.size(), safe.entries().size());
        for (String row : rows) {
            String[] f = row.split("\\|", -1);
            int tag = Integer.parseInt(f[0].substring(1, 5), 16) << 16 | 0x1000 | Integer.parseInt(f[0].substring(8, 10), 16);
            assertTrue(safe.isSafe(f[1], tag), row);
        }
    }

    @Test
    void safePrivateListMatchesCreatorGroupAndOffsetInAnyBlock() {
        SafePrivateAttributes safe = SafePrivateAttributes.standard();
        assertTrue(safe.isSafe("Philips PET Private Group", 0x70531009), "SUV factors, another vendor");
        assertTrue(safe.isSafe("SIEMENS MR HEADER", 0x0019100C), "B value");
        assertTrue(safe.isSafe("NQRight", 0x02991116), "lower-case hex in the table, another block");
        assertTrue(safe.isSafe("SIEMENS SYNGO ULTRA-SOUND TOYON DATA STREAMING", 0x7FD11009));
        assertTrue(!safe.isSafe("SIEMENS MR HEADER", 0x00191010), "not every element of a listed creator");
        assertTrue(safe.isSafe("GEMS_ACQU_01", 0x00191023));
        assertTrue(safe.isSafe("GEMS_ACQU_01 ", 0x00191123), "another block, padded creator");
        assertTrue(!safe.isSafe("GEMS_ACQU_01", 0x00191010));
        assertTrue(!safe.isSafe("GEMS_ACQU_02", 0x00191023));
        assertTrue(!safe.isSafe(null, 0x00191023));
    }
}
