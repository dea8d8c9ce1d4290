package org.delineate.privacy.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of the keyed pseudonyms, kept in a file the user chooses: created on first use with
 * 32 random bytes, loaded on every later use. Whoever has the file can recompute (and so link) every
 * pseudonym; whoever has not, cannot. Immutable and thread-safe.
 *
 * <p>The file is two lines of US-ASCII text: the header {@value #HEADER}, then the key in standard Base64
 * (RFC 4648, with padding). Files with another header, bad Base64 or fewer than {@value #MIN_KEY_BYTES}
 * key bytes are refused. See {@code docs/deid-pseudonyms.md}.
 *
 * <p>NB: the key bytes never leave this class except as a {@link SecretKeySpec} for the HMAC: they are in
 * no message, log or {@link #toString()}.
 */
public final class KeyFile {

    /** The first line of every key file. */
    public static final String HEADER = "delineate-pseudonym-key v1";
    /** The number of random bytes in a new key. */
    public static final int NEW_KEY_BYTES = 32;
    /** The fewest key bytes a key file may hold. */
    public static final int MIN_KEY_BYTES = 32;
    private static final int MAX_KEY_BYTES = 64;
    private static final int MAX_FILE_BYTES = 1024;
    private static final String ALGORITHM = "HmacSHA256";

    private final Path path;
    private final byte[] key;
    private final boolean created;

    private KeyFile(Path path, byte[] key, boolean created) {
        this.path = path;
        this.key = key;
        this.created = created;
    }

    /**
     * Loads the key from {@code file}, or creates the file with a new random key when it does not exist.
     * A new file is readable and writable by its owner only where the file system has POSIX permissions,
     * and appears complete or not at all (written under a temporary name first); when another process
     * creates it at the same moment, its key is loaded instead.
     *
     * @throws IOException naming the file when it cannot be read or written, or is not a key file
     */
    public static KeyFile loadOrCreate(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.exists(file)) {
            return load(file);
        }
        byte[] key = new byte[NEW_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        if (create(file, key)) {
            return new KeyFile(file, key, true);
        }
        Arrays.fill(key, (byte) 0);
        return load(file);
    }

    /**
     * Loads the key from an existing {@code file}.
     *
     * @throws IOException naming the file (never its content) when it is missing, unreadable or not a key file
     */
    public static KeyFile load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "key file not found");
        }
        if (raw.length > MAX_FILE_BYTES) {
            throw refused(file, "larger than " + MAX_FILE_BYTES + " bytes");
        }
        String[] lines = new String(raw, StandardCharsets.US_ASCII).split("\r?\n", -1);
        Arrays.fill(raw, (byte) 0);
        if (!lines[0].equals(HEADER)) {
            throw refused(file, "line 1 is not the header \"" + HEADER + "\"");
        }
        if (lines.length < 2 || lines[1].isEmpty()) {
            throw refused(file, "line 2, the Base64 key, is missing");
        }
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                throw refused(file, "unexpected text on line " + (i + 1) + "; expected 2 lines");
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(lines[1].trim());
        } catch (IllegalArgumentException e) {
            // NB: the decoder's message quotes the offending character, which is key material: not chained.
            throw refused(file, "line 2 is not valid Base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw refused(file, "the key has " + length + " bytes, expected " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES);
        }
        return new KeyFile(file, key, false);
    }

    /** A key held in memory only, for tests and callers that manage keys themselves; copies the bytes. */
    static KeyFile ofBytes(byte[] key) {
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a key needs " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes, not "
                    + key.length);
        }
        return new KeyFile(null, key.clone(), false);
    }

    private static IOException refused(Path file, String problem) {
        return new IOException(file + ": not a Delineate pseudonym key file (" + problem + "); refusing to use it");
    }

    /**
     * Writes a new key file; false when the file appeared meanwhile.
     *
     * <p>NB: not {@code AtomicFiles}: the temporary file must be owner-only from its creation (the key is
     * never readable by others, not even briefly), and an existing key must never be replaced, which a
     * hard link gives (it fails when the target exists) and a rename does not.
     */
    private static boolean create(Path file, byte[] key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".part", attributes);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write((HEADER + "\n" + Base64.getEncoder().encodeToString(key) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(temporary, file);
            }
            return true;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The key file, or null for a key held in memory only. */
    public Path path() {
        return path;
    }

    /** True when {@link #loadOrCreate} created the file (so the caller can tell the user to keep it safe). */
    public boolean created() {
        return created;
    }

    /** The key for the HMAC; a fresh object holding a copy of the bytes. */
    SecretKeySpec secretKey() {
        return new SecretKeySpec(key, ALGORITHM);
    }

    /** Names the file only; never the key. */
    @Override
    public String toString() {
        return "KeyFile[" + (path == null ? "in memory" : path) + "]";
    }
}
