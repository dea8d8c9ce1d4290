package org.delineate.dicom.io;

/** Reverses the byte order of binary values in place of a copy. */
final class ByteSwap {

    private ByteSwap() {
    }

    /** A copy of {@code bytes} with each {@code unit}-byte value reversed (unit 1 returns the array itself). */
    static byte[] swapped(byte[] bytes, int unit) {
        if (unit == 1) {
            return bytes;
        }
        byte[] out = new byte[bytes.length];
        int whole = bytes.length - bytes.length % unit;
        for (int i = 0; i < whole; i += unit) {
            for (int j = 0; j < unit; j++) {
                out[i + j] = bytes[i + unit - 1 - j];
            }
        }
        System.arraycopy(bytes, whole, out, whole, bytes.length - whole);
        return out;
    }
}
