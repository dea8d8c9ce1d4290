package org.delineate.privacy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A policy chosen by name as users give it (a preset or a policy file), with the digest of its source text that
 * runs record in their report and journal: {@code preset NAME sha256:<hex>} or {@code sha256:<hex>} of the file.
 * The command line and the ImageJ command compute it alike, so either can resume the other's run. Immutable.
 *
 * @param policy the policy
 * @param digest names its source text
 */
public record PolicySource(Policy policy, String digest) {

    /**
     * The preset of that name, else the policy file at that path.
     *
     * @throws IllegalArgumentException when it is neither a preset nor a regular file
     * @throws IOException when the file cannot be read or is not a valid policy
     */
    public static PolicySource of(String presetOrFile) throws IOException {
        if (Policy.PRESETS.contains(presetOrFile)) {
            try (InputStream in = Policy.class.getResourceAsStream(presetOrFile + ".json")) {
                return new PolicySource(Policy.preset(presetOrFile), "preset " + presetOrFile + " sha256:"
                        + sha256(in.readAllBytes()));
            }
        }
        Path file = Path.of(presetOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("neither a preset " + Policy.PRESETS + " nor a policy file");
        }
        return new PolicySource(Policy.load(file), "sha256:" + sha256(Files.readAllBytes(file)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
