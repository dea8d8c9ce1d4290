package org.delineate.privacy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.delineate.dicom.data.VR;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.ProfileOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @TempDir
    Path tmp;

    private Path write(String name, String json) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private PolicyException failure(String json) throws IOException {
        Path file = write("bad.json", json);
        return assertThrows(PolicyException.class, () -> Policy.load(file));
    }

    @Test
    void presets() {
        Policy basic = Policy.preset("basic");
        assertTrue(basic.options().isEmpty());
        assertTrue(basic.pseudonymizePatient());
        assertEquals(Action.D, basic.vrAction(VR.DA));
        Policy research = Policy.preset("research");
        assertEquals(EnumSet.of(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES,
                ProfileOption.RETAIN_PATIENT_CHARACTERISTICS), research.options());
        assertEquals(Action.K, research.vrAction(VR.DA), "research keeps (and shifts) dates");
        assertEquals(Action.D, research.vrAction(VR.PN), "inherited from basic");
        Policy tcia = Policy.preset("tcia");
        assertTrue(tcia.has(ProfileOption.RETAIN_SAFE_PRIVATE));
        assertTrue(tcia.has(ProfileOption.CLEAN_PIXEL_DATA));
        assertFalse(tcia.has(ProfileOption.RETAIN_UIDS));
        assertThrows(IllegalArgumentException.class, () -> Policy.preset("nope"));
    }

    @Test
    void overridesByKeywordTagPrivateCreatorAndVr() throws IOException {
        Policy p = Policy.load(write("study.json", """
                { "version": 1, "name": "study", "extends": "research",
                  "options": ["retainDeviceIdentity"],
                  "attributes": { "PatientWeight": "X", "(0018,1030)": "K" },
                  "privateAttributes": [
                    { "creator": "ACME 1.1", "element": "(0019,xx10)", "action": "K" },
                    { "creator": "ACME 1.1", "action": "Z" } ],
                  "byVr": { "LT": "X" } }
                """));
        assertEquals("study", p.name());
        assertTrue(p.has(ProfileOption.RETAIN_DEVICE_IDENTITY));
        assertTrue(p.has(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS), "from the preset extended");
        assertEquals(Action.X, p.attributeAction(0x00101030));
        assertEquals(Action.K, p.attributeAction(0x00181030));
        assertEquals(Action.K, p.privateAction("ACME 1.1 ", 0x00191210));
        assertEquals(Action.Z, p.privateAction("ACME 1.1", 0x00191211));
        assertNull(p.privateAction("OTHER", 0x00191210));
        assertEquals(Action.X, p.vrAction(VR.LT));
        assertEquals(Action.K, p.vrAction(VR.DA));
    }

    @Test
    void errorsNameTheFileAndTheJsonPath() throws IOException {
        PolicyException e = failure("{ \"version\": 1, \"name\": \"x\", \"attributes\": { \"PatientSexx\": \"K\" } }");
        assertTrue(e.getMessage().contains("bad.json: $.attributes.PatientSexx: unknown keyword"), e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"attributes\": { \"PatientSex\": \"Q\" } }");
        assertTrue(e.getMessage().contains("$.attributes.PatientSex: expected an action code"), e.getMessage());
        e = failure("{ \"version\": 2, \"name\": \"x\" }");
        assertTrue(e.getMessage().contains("$.version: format version 2 is not supported"), e.getMessage());
        e = failure("{ \"name\": \"x\" }");
        assertTrue(e.getMessage().contains("$.version"), e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"options\": [\"retainUids\", \"cleanEverything\"] }");
        assertTrue(e.getMessage().contains("$.options[1]: unknown option"), e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"options\": [\"retainLongitudinalFullDates\","
                + " \"retainLongitudinalModifiedDates\"] }");
        assertTrue(e.getMessage().contains("$.options: retainLongitudinalFullDates and"), e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"privateAttributes\": [ { \"creator\": \"A\","
                + " \"element\": \"(0018,xx10)\", \"action\": \"K\" } ] }");
        assertTrue(e.getMessage().contains("$.privateAttributes[0].element: expected (gggg,xxee) with an odd group"),
                e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"byVr\": { \"US\": \"X\" } }");
        assertTrue(e.getMessage().contains("$.byVr.US: expected one of"), e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"colour\": \"red\" }");
        assertTrue(e.getMessage().contains("$.colour: unknown key"), e.getMessage());
        e = failure("{ \"version\": 1, \"name\": \"x\", \"extends\": \"strict\" }");
        assertTrue(e.getMessage().contains("$.extends: no preset 'strict'"), e.getMessage());
        e = failure("{ \"version\": 1,\n \"name\": \"x\",, }");
        assertTrue(e.getMessage().startsWith(tmp.resolve("bad.json") + ": not valid JSON at line 2"), e.getMessage());
    }
}
