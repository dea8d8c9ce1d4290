package org.delineate.dicom.data;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** New UIDs and UID checks (PS3.5 9.1). */
public final class Uids {

    /** NB: compiled once; String.matches compiled the pattern on every call (a SEG checks one UID per source slice). */
    private static final java.util.regex.Pattern UID = java.util.regex.Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private Uids() {
    }

    /** A new UID "2.25.&lt;decimal of a random UUID&gt;" (PS3.5 B.2), at most 64 characters. */
    public static String newUid() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }

    /** True for a syntactically valid UID: digits and dots, no leading zeros in components, at most 64 characters. */
    public static boolean isValid(String uid) {
        return uid != null && uid.length() <= 64 && UID.matcher(uid).matches();
    }
}
