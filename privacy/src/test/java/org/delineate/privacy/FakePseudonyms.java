package org.delineate.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.delineate.privacy.pseudonym.Pseudonyms;

/**
 * A test stand-in for the keyed pseudonyms: deterministic (SHA-256 of a fixed salt and the input), thread-safe,
 * with results of the right shape (2.25 UIDs, LO IDs, PN names, a non-zero shift within a year).
 */
public final class FakePseudonyms implements Pseudonyms {

    private static BigInteger hash(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String uid(String uid) {
        return "2.25." + hash("uid", uid).shiftRight(128);
    }

    @Override
    public String patientId(String patientId) {
        return "PSN" + hash("id", patientId).toString(16).substring(0, 12).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String patientName(String patientName, String patientId) {
        return "PSEUDO^P" + hash("name", patientName.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s^]+$", "")).toString(16)
                .substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public int dateShiftDays(String patientId) {
        return -1 - hash("shift", patientId).mod(BigInteger.valueOf(365)).intValue();
    }
}
