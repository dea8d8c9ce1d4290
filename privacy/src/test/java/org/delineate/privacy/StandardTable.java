package org.delineate.privacy;

import org.delineate.dicom.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;

/** PS3.15 Table E.1-1 as the shared folder holds it, read by the tests independently of the generator. */
public final class StandardTable {

    private StandardTable() {
    }

    /** The standard's JSON; skips the test when the shared folder is missing. */
    public static Path path() {
        Path json = TestFiles.shared().resolve("dicom-standard/confidentiality_profile_attributes.json");
        Assumptions.assumeTrue(Files.isRegularFile(json), json + " is missing");
        return json;
    }

    /** The rows of confidentiality_profile_attributes.json; skips the test when the shared folder is missing. */
    public static JsonNode rows() throws IOException {
        return new ObjectMapper().readTree(path().toFile());
    }

    /** The tag of a row written "(gggg,eeee)", or -1 for repeating groups and the private row. */
    public static int exactTag(String tag) {
        if (!tag.matches("\\([0-9A-F]{4},[0-9A-F]{4}\\)")) {
            return -1;
        }
        return (Integer.parseInt(tag.substring(1, 5), 16) << 16) | Integer.parseInt(tag.substring(6, 10), 16);
    }
}
