package org.delineate.privacy.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionRulesTest {

    @TempDir
    Path tmp;

    static String file(String rules) {
        return "{\"format\": \"delineate-redaction-rules\", \"version\": 1, \"rules\": [" + rules + "]}";
    }

    private RedactionRules read(String json) throws IOException {
        Path f = Files.createTempFile(tmp, "rules", ".json");
        Files.writeString(f, json);
        return RedactionRules.read(f);
    }

    private static DataSet image(String modality, String manufacturer, String model, int rows, int columns) {
        DataSet ds = new DataSet();
        if (modality != null) {
            ds.setString(Tag.Modality, VR.CS, modality);
        }
        if (manufacturer != null) {
            ds.setString(Tag.Manufacturer, VR.LO, manufacturer);
        }
        if (model != null) {
            ds.setString(Tag.ManufacturerModelName, VR.LO, model);
        }
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, columns);
        return ds;
    }

    @Test
    void shippedDefaultsParseAndAreEmpty() {
        assertEquals(List.of(), RedactionRules.defaults().rules());
    }

    @Test
    void readsRulesAndMatchesWholeValueIgnoringCase() throws IOException {
        RedactionRules rules = read(file("{\"name\": \"us acme\", \"Modality\": \"US\", \"Manufacturer\": \"acme.*\", "
                + "\"Rows\": 480, \"Columns\": 640, \"rectangles\": [{\"x\": 0, \"y\": 0, \"width\": 640, \"height\": 40}]},"
                + "{\"ManufacturerModelName\": \"Vivid (E9|E95)\", \"rectangles\": []}"));
        assertEquals(2, rules.rules().size());
        RedactionRule first = rules.rules().get(0);
        assertEquals("us acme", first.name());
        assertEquals(List.of(new Rectangle(0, 0, 640, 40)), first.rectangles());
        assertEquals("rule 2", rules.rules().get(1).name());
        assertTrue(first.matches(image("US", "ACME Medical ", null, 480, 640)));
        assertTrue(first.matches(image("us", "acme", null, 480, 640)));
        assertFalse(first.matches(image("US", "Big ACME", null, 480, 640)), "whole value, not substring");
        assertFalse(first.matches(image("USX", "ACME", null, 480, 640)));
        assertFalse(first.matches(image("US", "ACME", null, 481, 640)));
        assertFalse(first.matches(image("US", "ACME", null, 480, 641)));
        assertFalse(first.matches(image("US", null, null, 480, 640)), "absent is empty");
        RedactionRule second = rules.rules().get(1);
        assertTrue(second.matches(image(null, null, "vivid e95", 1, 1)));
        assertFalse(second.matches(image(null, null, "Vivid E90", 1, 1)));
        assertEquals(List.of(second), rules.matching(image("CT", null, "VIVID E9", 2, 2)));
        RedactionRules both = RedactionRules.none().extendedWith(rules).extendedWith(rules);
        assertEquals(4, both.rules().size());
    }

    @Test
    void invalidFilesAreRefusedWithLineAndColumn() throws IOException {
        assertRefused(file("{\"Modality\": \"US\", \"Manufacurer\": \"x\", \"rectangles\": []}"),
                "line 1, column 84: rule 1: unknown key \"Manufacurer\"");
        assertRefused(file("{\"Modality\": \"US\"}"), "rule 1 has no \"rectangles\"");
        assertRefused(file("{\"rectangles\": []}"), "has no criterion; it would match every image");
        assertRefused(file("{\"Modality\": \"US(\", \"rectangles\": []}"), "\"Modality\" is not a valid regular expression");
        assertRefused(file("{\"Rows\": \"480\", \"rectangles\": []}"), "\"Rows\" must be a whole number from 1 to 65535");
        assertRefused(file("{\"Rows\": 4, \"rectangles\": [{\"x\": -1, \"y\": 0, \"width\": 1, \"height\": 1}]}"),
                "\"x\" must be a whole number from 0 to 65535");
        assertRefused(file("{\"Rows\": 4, \"rectangles\": [{\"x\": 1, \"y\": 0, \"width\": 0, \"height\": 1}]}"),
                "\"width\" must be a whole number from 1 to 65536");
        assertRefused(file("{\"Rows\": 4, \"rectangles\": [{\"x\": 1, \"y\": 0, \"height\": 1}]}"),
                "a rectangle lacks \"width\"");
        assertRefused("{\"format\": \"other\", \"version\": 1, \"rules\": []}", "\"format\" must be");
        assertRefused("{\"format\": \"delineate-redaction-rules\", \"version\": 2, \"rules\": []}", "\"version\" must be 1");
        assertRefused("{\"format\": \"delineate-redaction-rules\", \"version\": 1}", "missing \"rules\"");
        assertRefused(file("{\"Rows\": 4, \"Rows\": 5, \"rectangles\": []}"), "not valid JSON: Duplicate field 'Rows'");
        assertRefused("{\"format\": ", "not valid JSON");
        assertRefused("[]", "line 1, column 1: the top level must be a JSON object");
    }

    private void assertRefused(String json, String expected) throws IOException {
        Path f = Files.createTempFile(tmp, "bad", ".json");
        Files.writeString(f, json);
        RulesFileException e = assertThrows(RulesFileException.class, () -> RedactionRules.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " lacks " + expected);
    }
}
