package org.delineate.dicom.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns one native (uncompressed) frame, as bytes, into a {@link PixelFrame}: values of BitsAllocated
 * bits read in the given byte order, color-by-plane reordered to color-by-pixel, YBR_FULL_422 expanded
 * to three samples per pixel, and every integer value shifted down, masked or sign-extended per
 * BitsStored, HighBit and PixelRepresentation. Stateless.
 */
final class NativeSamples {

    private NativeSamples() {
    }

    /** How the samples of a frame are ordered in its bytes. */
    enum Layout {
        /** Color-by-pixel. */
        INTERLEAVED,
        /** Color-by-plane: all first samples, then all second samples... */
        PLANAR,
        /** YBR_FULL_422: Y1 Y2 Cb Cr for each pair of pixels. */
        YBR_422;

        /** The layout of native frames as described. */
        static Layout of(PixelDescription d) {
            return d.photometricInterpretation() == PhotometricInterpretation.YBR_FULL_422 ? YBR_422
                    : d.samplesPerPixel() > 1 && d.planarConfiguration() == 1 ? PLANAR : INTERLEAVED;
        }
    }

    /** An interleaved 16-bit frame read from a buffer already in the right byte order. */
    static PixelFrame decode16(java.nio.ShortBuffer source, PixelDescription d, int frameIndex) {
        short[] out = new short[FrameFormat.of(d).length()];
        source.get(out);
        return decode16(out, d, frameIndex);
    }

    /** An interleaved 16-bit frame whose samples, as stored, are in {@code out}; normalized there in place. */
    static PixelFrame decode16(short[] out, PixelDescription d, int frameIndex) {
        FrameFormat format = FrameFormat.of(d);
        Normalizer norm = new Normalizer(d);
        if (!norm.identity(16)) {
            for (int o = 0; o < out.length; o++) {
                out[o] = (short) norm.apply(out[o] & 0xFFFF);
            }
        }
        return new PixelFrame(frameIndex, format, out);
    }

    /** {@link #decode(byte[], int, int, boolean, Layout, PixelDescription, int)} for native frames as described. */
    static PixelFrame decode(byte[] buf, int offset, int bitOffset, boolean bigEndian, PixelDescription d,
            int frameIndex) {
        return decode(buf, offset, bitOffset, bigEndian, Layout.of(d), d, frameIndex);
    }

    /**
     * Decodes frame {@code frameIndex} starting at {@code offset} (and, for BitsAllocated 1, at bit
     * {@code bitOffset} of that byte, least significant bit first).
     *
     * @param bigEndian true when values wider than a byte are most significant byte first
     * @param layout the order of the samples in {@code buf}
     */
    static PixelFrame decode(byte[] buf, int offset, int bitOffset, boolean bigEndian, Layout layout,
            PixelDescription d, int frameIndex) {
        FrameFormat format = FrameFormat.of(d);
        if (layout == Layout.YBR_422) {
            // NB: the 4:2:2 pairs are expanded here, so the values returned are YBR_FULL.
            format = format.withPhotometricInterpretation(PhotometricInterpretation.YBR_FULL);
        }
        int n = format.length();
        if (d.bitsAllocated() == 1) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                int bit = bitOffset + i;
                out[i] = (byte) ((buf[offset + (bit >>> 3)] >> (bit & 7)) & 1);
            }
            return new PixelFrame(frameIndex, format, out);
        }
        SourceOrder order = new SourceOrder(d, layout);
        int bytes = d.bitsAllocated() / 8;
        Normalizer norm = new Normalizer(d);
        switch (d.bitsAllocated()) {
            case 8: {
                byte[] out = new byte[n];
                if (layout == Layout.INTERLEAVED) {
                    System.arraycopy(buf, offset, out, 0, n);
                    if (!norm.identity(8)) {
                        for (int o = 0; o < n; o++) {
                            out[o] = (byte) norm.apply(out[o] & 0xFF);
                        }
                    }
                    return new PixelFrame(frameIndex, format, out);
                }
                for (int o = 0; o < n; o++) {
                    out[o] = (byte) norm.apply(buf[offset + order.source(o)] & 0xFF);
                }
                return new PixelFrame(frameIndex, format, out);
            }
            case 16: {
                short[] out = new short[n];
                if (layout == Layout.INTERLEAVED) {
                    // NB: a bulk copy (an intrinsic) instead of a loop over samples: the volume path spends
                    // most of its time here; values are normalized in place only when BitsStored < 16.
                    ByteBuffer.wrap(buf, offset, 2 * n).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                            .asShortBuffer().get(out);
                    if (!norm.identity(16)) {
                        for (int o = 0; o < n; o++) {
                            out[o] = (short) norm.apply(out[o] & 0xFFFF);
                        }
                    }
                    return new PixelFrame(frameIndex, format, out);
                }
                for (int o = 0; o < n; o++) {
                    out[o] = (short) norm.apply(read(buf, offset + order.source(o) * bytes, 2, bigEndian));
                }
                return new PixelFrame(frameIndex, format, out);
            }
            case 32: {
                if (d.floatingPoint()) {
                    float[] out = new float[n];
                    for (int o = 0; o < n; o++) {
                        out[o] = Float.intBitsToFloat(read(buf, offset + order.source(o) * bytes, 4, bigEndian));
                    }
                    return new PixelFrame(frameIndex, format, out);
                }
                int[] out = new int[n];
                for (int o = 0; o < n; o++) {
                    out[o] = norm.apply(read(buf, offset + order.source(o) * bytes, 4, bigEndian));
                }
                return new PixelFrame(frameIndex, format, out);
            }
            default: {
                double[] out = new double[n];
                for (int o = 0; o < n; o++) {
                    int at = offset + order.source(o) * bytes;
                    long hi = read(buf, bigEndian ? at : at + 4, 4, bigEndian) & 0xFFFFFFFFL;
                    long lo = read(buf, bigEndian ? at + 4 : at, 4, bigEndian) & 0xFFFFFFFFL;
                    out[o] = Double.longBitsToDouble(hi << 32 | lo);
                }
                return new PixelFrame(frameIndex, format, out);
            }
        }
    }

    private static int read(byte[] buf, int at, int bytes, boolean bigEndian) {
        int v = 0;
        for (int k = 0; k < bytes; k++) {
            int b = buf[at + k] & 0xFF;
            v = bigEndian ? v << 8 | b : v | b << (8 * k);
        }
        return v;
    }

    /** Maps an output value index (pixel * samples + sample) to its sample index in the encoded frame. */
    private static final class SourceOrder {
        private final int samples;
        private final int pixels;
        private final boolean planar;
        private final boolean ybr422;

        SourceOrder(PixelDescription d, Layout layout) {
            samples = d.samplesPerPixel();
            pixels = d.pixelsPerFrame();
            planar = layout == Layout.PLANAR;
            ybr422 = layout == Layout.YBR_422;
        }

        int source(int o) {
            if (ybr422) {
                // Y1 Y2 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2).
                int pixel = o / 3;
                int c = o - pixel * 3;
                int pair = (pixel >>> 1) * 4;
                return c == 0 ? pair + (pixel & 1) : pair + 1 + c;
            }
            if (planar) {
                int pixel = o / samples;
                return (o - pixel * samples) * pixels + pixel;
            }
            return o;
        }
    }

    /** Shifts, masks or sign-extends a raw value to its BitsStored significant bits. */
    static final class Normalizer {
        private final int left;
        private final int right;
        private final boolean signed;

        Normalizer(PixelDescription d) {
            this(d.bitsStored(), d.highBit(), d.signed());
        }

        Normalizer(int bitsStored, int highBit, boolean signed) {
            this.left = 31 - highBit;
            this.right = 32 - bitsStored;
            this.signed = signed;
        }

        /** True when {@link #apply} keeps the low {@code bits} bits of every value as they are. */
        boolean identity(int bits) {
            return left == 32 - bits && right == 32 - bits;
        }

        int apply(int raw) {
            int top = raw << left;
            return signed ? top >> right : top >>> right;
        }
    }
}
