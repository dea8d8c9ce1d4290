package org.delineate.privacy.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path tmp;

    @Test
    void createsOnFirstUseThenLoads() throws IOException {
        Path file = tmp.resolve("project.key");
        KeyFile created = KeyFile.loadOrCreate(file);
        assertTrue(created.created());
        assertEquals(file, created.path());
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        assertEquals(2, lines.size());
        assertEquals(KeyFile.HEADER, lines.get(0));
        assertEquals(32, Base64.getDecoder().decode(lines.get(1)).length);
        byte[] before = Files.readAllBytes(file);
        KeyFile loaded = KeyFile.loadOrCreate(file);
        assertFalse(loaded.created());
        assertEquals(created.secretKey(), loaded.secretKey());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "loading rewrote the file");
        try (var leftovers = Files.list(tmp)) {
            assertEquals(List.of(file), leftovers.toList(), "temporary files left behind");
        }
    }

    @Test
    void newKeysDiffer() throws IOException {
        assertFalse(KeyFile.loadOrCreate(tmp.resolve("a")).secretKey().equals(KeyFile.loadOrCreate(tmp.resolve("b"))
                .secretKey()));
    }

    @Test
    void newFileIsOwnerOnly() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"), "no POSIX permissions");
        Path file = tmp.resolve("k");
        KeyFile.loadOrCreate(file);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
    }

    @Test
    void refusesWrongOrDamagedFiles() throws IOException {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String goodKey = Base64.getEncoder().encodeToString(KeyedPseudonymsTest.filled(4));
        assertRefused("PatientID,NewPatientID\n1,2\n", "line 1 is not the header");
        assertRefused("", "line 1 is not the header");
        assertRefused(KeyFile.HEADER + "\n", "line 2, the Base64 key, is missing");
        assertRefused(KeyFile.HEADER + "\n" + shortKey + "\n", "the key has 16 bytes, expected 32 to 64");
        assertRefused(KeyFile.HEADER + "\n" + goodKey.substring(0, 20) + "*!" + goodKey.substring(22) + "\n",
                "line 2 is not valid Base64");
        assertRefused(KeyFile.HEADER + "\n" + goodKey + "\nextra\n", "unexpected text on line 3");
        assertRefused(KeyFile.HEADER + "\n" + "A".repeat(2000) + "\n", "larger than 1024 bytes");
        Path good = tmp.resolve("good");
        Files.writeString(good, KeyFile.HEADER + "\r\n" + goodKey + "\r\n");
        assertEquals(KeyFile.ofBytes(KeyedPseudonymsTest.filled(4)).secretKey(), KeyFile.load(good).secretKey());
    }

    @Test
    void loadOrCreateNeverReplacesADamagedFile() throws IOException {
        Path file = tmp.resolve("damaged");
        Files.writeString(file, "garbage");
        assertThrows(IOException.class, () -> KeyFile.loadOrCreate(file));
        assertEquals("garbage", Files.readString(file));
    }

    @Test
    void missingFileForLoad() {
        IOException e = assertThrows(NoSuchFileException.class, () -> KeyFile.load(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void keyBytesAreInNoMessageOrString() throws IOException {
        byte[] key = KeyedPseudonymsTest.filled(6);
        String encoded = Base64.getEncoder().encodeToString(key);
        Path file = tmp.resolve("bad");
        // A valid key followed by a damaged tail: the message must not quote any of it.
        Files.writeString(file, KeyFile.HEADER + "\n" + encoded.substring(0, 40) + "#" + encoded.substring(41) + "\n");
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertNoKey(e, encoded);
        Path good = tmp.resolve("good");
        Files.writeString(good, KeyFile.HEADER + "\n" + encoded + "\n");
        assertFalse(KeyFile.load(good).toString().contains(encoded.substring(0, 8)));
        assertFalse(KeyFile.ofBytes(key).toString().contains(encoded.substring(0, 8)));
    }

    private static void assertNoKey(Throwable e, String encoded) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (int i = 0; i + 6 <= encoded.length(); i += 3) {
                assertFalse(m.contains(encoded.substring(i, i + 6)), m);
            }
        }
    }

    private void assertRefused(String content, String expected) throws IOException {
        Path file = Files.createTempFile(tmp, "key", ".txt");
        Files.writeString(file, content);
        IOException e = assertThrows(IOException.class, () -> KeyFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not a Delineate pseudonym key file"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
