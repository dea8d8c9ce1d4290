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
    void safePrivateListMatchesCreatorGroupAndOffsetInAnyBlock() {
        SafePrivateAttributes safe = SafePrivateAttributes.standard();
        assertTrue(safe.entries().size() >= 9);
        assertTrue(safe.isSafe("GEMS_ACQU_01", 0x00191023));
        assertTrue(safe.isSafe("GEMS_ACQU_01 ", 0x00191123), "another block, padded creator");
        assertTrue(!safe.isSafe("GEMS_ACQU_01", 0x00191010));
        assertTrue(!safe.isSafe("GEMS_ACQU_02", 0x00191023));
        assertTrue(!safe.isSafe(null, 0x00191023));
    }
}
