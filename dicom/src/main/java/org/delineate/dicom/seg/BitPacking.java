package org.delineate.dicom.seg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Packs a plane of pixels into BINARY bits, 8 pixels a byte, pixel n being bit n % 8 (least significant first) of
 * byte n / 8; the unused high bits of a last, partial byte are 0. Pixels are tested 8 bytes (or 4 shorts) at a time
 * inside a {@code long} ("SIMD within a register"), with no branch and no table per pixel. Stateless.
 */
final class BitPacking {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long LOW15 = 0x7FFF7FFF7FFF7FFFL;
    private static final long ONES8 = 0x0101010101010101L;
    private static final long ONES16 = 0x0001000100010001L;
    /** Moves bit 8i (i = 0..7) to bit 56 + i: the terms 8i + 7 + 7k are all distinct, so nothing carries. */
    private static final long GATHER8 = 0x0102040810204080L;
    /** Moves bit 16i (i = 0..3) to bit 60 + i (terms 2^60, 2^45, 2^30, 2^15; likewise without carries). */
    private static final long GATHER16 = (1L << 60) | (1L << 45) | (1L << 30) | (1L << 15);

    private BitPacking() {
    }

    /** The 8 bytes at {@code index} (any index) as one little-endian long: byte index is its low byte. */
    static long word(byte[] b, int index) {
        return (long) LONG_LE.get(b, index);
    }

    /** Writes {@code value} as the 8 bytes at {@code index}, little endian. */
    static void setWord(byte[] b, int index, long value) {
        LONG_LE.set(b, index, value);
    }

    /** True when the 8 bytes of {@code word} are all equal. */
    static boolean uniform(long word) {
        return word == (word & 0xFF) * ONES8;
    }

    /** A word of 8 bytes {@code value}. */
    static long repeated(int value) {
        return (value & 0xFF) * ONES8;
    }

    /** Bytes that {@code pixels} pixels take packed. */
    static int packedLength(int pixels) {
        return (pixels + 7) >>> 3;
    }

    /**
     * Packs pixels {@code from} (a multiple of 8) to {@code to - 1} of {@code plane} into bytes from / 8 to
     * ceil(to / 8) - 1 of {@code packed}: bit set where the unsigned value equals {@code sample}.
     */
    static void packEqual(byte[] plane, int from, int to, int sample, byte[] packed) {
        if (sample < 0 || sample > 0xFF) {
            clear(from, to, packed);
            return;
        }
        long pattern = sample * ONES8;
        int whole = to >>> 3;
        for (int o = from >>> 3; o < whole; o++) {
            long x = (long) LONG_LE.get(plane, o << 3) ^ pattern;
            packed[o] = gather8(~(((x & LOW7) + LOW7) | x | LOW7));
        }
        tail(whole, to, packed, n -> (plane[n] & 0xFF) == sample);
    }

    /** As {@link #packEqual(byte[], int, int, int, byte[])}, for unsigned 16-bit values. */
    static void packEqual(short[] plane, int from, int to, int sample, byte[] packed) {
        if (sample < 0 || sample > 0xFFFF) {
            clear(from, to, packed);
            return;
        }
        long pattern = sample * ONES16;
        int whole = to >>> 3;
        for (int o = from >>> 3, i = from; o < whole; o++, i += 8) {
            long lo = ((plane[i] & 0xFFFFL) | (plane[i + 1] & 0xFFFFL) << 16 | (plane[i + 2] & 0xFFFFL) << 32
                    | (long) plane[i + 3] << 48) ^ pattern;
            long hi = ((plane[i + 4] & 0xFFFFL) | (plane[i + 5] & 0xFFFFL) << 16 | (plane[i + 6] & 0xFFFFL) << 32
                    | (long) plane[i + 7] << 48) ^ pattern;
            packed[o] = (byte) (gather16(~(((lo & LOW15) + LOW15) | lo | LOW15))
                    | gather16(~(((hi & LOW15) + LOW15) | hi | LOW15)) << 4);
        }
        tail(whole, to, packed, n -> (plane[n] & 0xFFFF) == sample);
    }

    /** As {@link #packEqual(byte[], int, int, int, byte[])}, for int values. */
    static void packEqual(int[] plane, int from, int to, int value, byte[] packed) {
        tail(from >>> 3, to, packed, n -> plane[n] == value);
    }

    /** As {@link #packEqual(byte[], int, int, int, byte[])}: bit set where the value is not 0. */
    static void packNonZero(byte[] plane, int from, int to, byte[] packed) {
        int whole = to >>> 3;
        for (int o = from >>> 3; o < whole; o++) {
            long x = (long) LONG_LE.get(plane, o << 3);
            packed[o] = gather8(((x & LOW7) + LOW7) | x);
        }
        tail(whole, to, packed, n -> plane[n] != 0);
    }

    /** Sets the bytes that pixels {@code from} (a multiple of 8) to {@code to - 1} take to 0. */
    static void clear(int from, int to, byte[] packed) {
        java.util.Arrays.fill(packed, from >>> 3, packedLength(to), (byte) 0);
    }

    /** The high bits of the 8 bytes of {@code highBits} as one byte, byte 0's as bit 0. */
    private static byte gather8(long highBits) {
        return (byte) ((((highBits >>> 7) & ONES8) * GATHER8) >>> 56);
    }

    /** The high bits of the 4 shorts of {@code highBits} as bits 0..3, short 0's as bit 0. */
    private static int gather16(long highBits) {
        return (int) ((((highBits >>> 15) & ONES16) * GATHER16) >>> 60);
    }

    private interface PixelTest {
        boolean set(int n);
    }

    /** Packs pixels from byte {@code from} on (pixel 8 x from) one at a time, up to the last, partial byte. */
    private static void tail(int from, int pixels, byte[] packed, PixelTest test) {
        for (int o = from; o < packedLength(pixels); o++) {
            int b = 0;
            for (int n = o << 3, bit = 0; n < pixels && bit < 8; n++, bit++) {
                if (test.set(n)) {
                    b |= 1 << bit;
                }
            }
            packed[o] = (byte) b;
        }
    }
}
