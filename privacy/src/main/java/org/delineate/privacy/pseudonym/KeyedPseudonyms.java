package org.delineate.privacy.pseudonym;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Pseudonyms computed with HMAC-SHA256 under a secret {@link KeyFile}, one domain label per kind of
 * value, so that the pseudonym of a value of one kind says nothing about the same text as another kind.
 * The derivations are specified exactly in {@code docs/deid-pseudonyms.md} (the tests recompute them with
 * Python's hmac module). Thread-safe and deterministic: the same key gives the same results in any run.
 *
 * <p>For input {@code x} of a kind with label {@code L}: {@code h = HMAC-SHA256(key, ascii(L) || 0x00 ||
 * utf8(x))}, and
 * <ul>
 * <li>uid: {@code "2.25." + decimal(uint128(u))}, where u is h[0..16) made an RFC 9562 version 8 UUID
 *     ({@code u[6] = u[6] & 0x0F | 0x80}, {@code u[8] = u[8] & 0x3F | 0x80}), label {@value #UID};
 * <li>patient id: {@code "PAT" + zero-padded 16 digits of uint64(h[0..8)) mod 10^16}, label
 *     {@value #PATIENT_ID};
 * <li>patient name: {@code "PSEUDO^" + zero-padded 12 digits of uint64(h[0..8)) mod 10^12} of the
 *     normalized name, label {@value #PATIENT_NAME};
 * <li>date shift: {@code range.shift(uint64(h[0..8)) mod range.choices())}, label {@value #DATE_SHIFT}.
 * </ul>
 * Integers are big-endian and unsigned. Empty IDs and names give empty pseudonyms.
 */
public final class KeyedPseudonyms implements Pseudonyms {

    static final String UID = "delineate/uid/v1";
    static final String PATIENT_ID = "delineate/patient-id/v1";
    static final String PATIENT_NAME = "delineate/patient-name/v1";
    static final String DATE_SHIFT = "delineate/date-shift/v1";
    static final String OPAQUE_ID = "delineate/opaque-id/v1";
    static final String KEY_FINGERPRINT = "delineate/key-fingerprint/v1";

    /** The prefix of patient ID pseudonyms. */
    public static final String PATIENT_ID_PREFIX = "PAT";
    /** The family name of patient name pseudonyms; the given name is the code. */
    public static final String PATIENT_NAME_PREFIX = "PSEUDO^";

    private static final BigInteger TEN_16 = BigInteger.TEN.pow(16);
    private static final BigInteger TEN_12 = BigInteger.TEN.pow(12);

    private final KeyFile key;
    private final DateShiftRange range;
    private final HmacSha256 hmac;

    private KeyedPseudonyms(KeyFile key, DateShiftRange range) {
        this.key = Objects.requireNonNull(key, "key");
        this.range = Objects.requireNonNull(range, "range");
        byte[] secret = key.secretKey().getEncoded();
        this.hmac = new HmacSha256(secret);
        Arrays.fill(secret, (byte) 0);
    }

    /** Pseudonyms under {@code key}, dates shifted within {@code range}. */
    public static KeyedPseudonyms of(KeyFile key, DateShiftRange range) {
        return new KeyedPseudonyms(key, range);
    }

    /** Pseudonyms under {@code key}, dates shifted within {@link DateShiftRange#DEFAULT}. */
    public static KeyedPseudonyms of(KeyFile key) {
        return of(key, DateShiftRange.DEFAULT);
    }

    /** The range date shifts are chosen from. */
    public DateShiftRange dateShiftRange() {
        return range;
    }

    @Override
    public String uid(String uid) {
        Objects.requireNonNull(uid, "uid");
        byte[] u = Arrays.copyOf(hmac(UID, uid), 16);
        // NB: PS3.5 B.2 derives 2.25 UIDs from UUIDs (ISO/IEC 9834-8); the version and variant bits make
        // the hash a valid version 8 (custom) UUID, leaving 122 keyed bits.
        u[6] = (byte) (u[6] & 0x0F | 0x80);
        u[8] = (byte) (u[8] & 0x3F | 0x80);
        return "2.25." + new BigInteger(1, u);
    }

    @Override
    public String patientId(String patientId) {
        if (patientId == null || patientId.isEmpty()) {
            return "";
        }
        return PATIENT_ID_PREFIX + digits(hmac(PATIENT_ID, patientId), TEN_16, 16);
    }

    @Override
    public String patientName(String patientName, String patientId) {
        String normalized = PatientNames.normalize(patientName);
        if (normalized.isEmpty()) {
            return "";
        }
        return PATIENT_NAME_PREFIX + digits(hmac(PATIENT_NAME, normalized), TEN_12, 12);
    }

    @Override
    public int dateShiftDays(String patientId) {
        byte[] h = hmac(DATE_SHIFT, patientId == null ? "" : patientId);
        long index = new BigInteger(1, Arrays.copyOf(h, 8)).mod(BigInteger.valueOf(range.choices())).longValueExact();
        return range.shift(index);
    }

    /**
     * An opaque identifier for any text that must be recorded without being disclosed (an input file's
     * relative path, a file's content digest): 32 lowercase hex digits of {@code h[0..16)} under the label
     * {@value #OPAQUE_ID}. Whoever holds the key can recompute it from the text to find the file again;
     * nobody else can tell which text it stands for.
     *
     * @param text the text, e.g. a path relative to the input folder with '/' separators
     */
    public String opaqueId(String text) {
        return hex(Arrays.copyOf(hmac(OPAQUE_ID, Objects.requireNonNull(text, "text")), 16));
    }

    /**
     * Names the key without disclosing it: 16 lowercase hex digits of {@code h[0..8)} of the empty text
     * under the label {@value #KEY_FINGERPRINT}. Two runs with the same fingerprint used the same key.
     */
    public String keyFingerprint() {
        return hex(Arrays.copyOf(hmac(KEY_FINGERPRINT, ""), 8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return s.toString();
    }

    private static String digits(byte[] h, BigInteger modulus, int width) {
        String s = new BigInteger(1, Arrays.copyOf(h, 8)).mod(modulus).toString();
        return "0".repeat(width - s.length()) + s;
    }

    private byte[] hmac(String label, String value) {
        return hmac.mac(label.getBytes(StandardCharsets.US_ASCII), new byte[1], value.getBytes(StandardCharsets.UTF_8));
    }

    /** Names the key file and range; never the key. */
    @Override
    public String toString() {
        return "KeyedPseudonyms[" + key + ", date shift " + range.minDays() + " to " + range.maxDays() + " days]";
    }
}
