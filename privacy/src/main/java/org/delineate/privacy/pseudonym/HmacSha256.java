package org.delineate.privacy.pseudonym;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 as RFC 2104 defines it, {@code H((K ^ opad) || H((K ^ ipad) || m))} with 64-byte blocks, over the
 * runtime's SHA-256. Thread-safe: the two digests primed with the padded key are never used themselves, every
 * computation works on clones of them.
 *
 * <p>NB: not {@code javax.crypto.Mac}: finding HmacSHA256 loads and sets up every security provider of the
 * runtime before SunJCE (signatures, elliptic curves, smart cards, TLS) and JCE's policy files, 40 ms of every start
 * of a command; SHA-256 is in the first provider. The tests check the results against {@code Mac} and RFC 4231.
 */
final class HmacSha256 {

    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;

    HmacSha256(byte[] key) {
        MessageDigest sha = sha256();
        byte[] k = key.length > BLOCK ? sha.digest(key) : key;
        byte[] pad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
        }
        inner = sha256();
        inner.update(pad);
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x5C);
        }
        outer = sha256();
        outer.update(pad);
        Arrays.fill(pad, (byte) 0);
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The 32-byte HMAC of the concatenation of {@code parts}. */
    byte[] mac(byte[]... parts) {
        MessageDigest in = copy(inner);
        for (byte[] part : parts) {
            in.update(part);
        }
        MessageDigest out = copy(outer);
        out.update(in.digest());
        return out.digest();
    }

    private static MessageDigest copy(MessageDigest primed) {
        try {
            return (MessageDigest) primed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this Java runtime's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
