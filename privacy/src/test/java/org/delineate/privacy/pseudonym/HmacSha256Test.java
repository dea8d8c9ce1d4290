package org.delineate.privacy.pseudonym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Our HMAC-SHA256 gives what RFC 4231 and the runtime's own {@code Mac} give. */
class HmacSha256Test {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void rfc4231TestCases() {
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hex(new HmacSha256(filled(20, 0x0b)).mac("Hi There".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex(new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII))
                        .mac("what do ya want ".getBytes(StandardCharsets.US_ASCII),
                                "for nothing?".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hex(new HmacSha256(filled(131, 0xaa)).mac("Test Using Larger Than Block-Size Key - Hash Key First"
                        .getBytes(StandardCharsets.US_ASCII))), "a key longer than a block is hashed first");
    }

    @Test
    void agreesWithTheRuntimesMacForKeysAndMessagesOfManyLengths() throws Exception {
        Random random = new Random(20261203);
        for (int keyLength : new int[] {1, 16, 32, 63, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha256 ours = new HmacSha256(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int length : new int[] {0, 1, 55, 56, 64, 1000}) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                int cut = length / 3;
                assertArrayEquals(mac.doFinal(message), ours.mac(Arrays.copyOf(message, cut),
                        Arrays.copyOfRange(message, cut, length)), "key " + keyLength + ", message " + length);
            }
        }
    }
}
