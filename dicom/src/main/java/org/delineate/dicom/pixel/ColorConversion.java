package org.delineate.dicom.pixel;

/**
 * Color space conversions of decoded frames, never applied by the decoders. YBR_FULL (and YBR_FULL_422
 * once expanded) to RGB uses the inverse of the full-range equations of PS3.3 C.7.6.3.1.2; YBR_PARTIAL_422
 * and YBR_PARTIAL_420 the inverse of the partial-range ones (Y in 16..235, Cb and Cr in 16..240 for 8 bits,
 * scaled for more bits). Results are rounded and clamped to 0..2^BitsStored - 1. Stateless.
 */
public final class ColorConversion {

    private ColorConversion() {
    }

    /**
     * An RGB frame from a YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422 or YBR_PARTIAL_420 frame of the same type.
     *
     * @throws IllegalArgumentException for any other Photometric Interpretation, or signed or floating values
     */
    public static PixelFrame ybrToRgb(PixelFrame frame) {
        PhotometricInterpretation pi = frame.photometricInterpretation();
        boolean full = pi == PhotometricInterpretation.YBR_FULL || pi == PhotometricInterpretation.YBR_FULL_422;
        boolean partial = pi == PhotometricInterpretation.YBR_PARTIAL_422 || pi == PhotometricInterpretation.YBR_PARTIAL_420;
        if (!full && !partial) {
            throw new IllegalArgumentException("not a YBR frame: " + pi);
        }
        if (frame.signed() || frame.type() == PixelFrame.Type.FLOAT || frame.type() == PixelFrame.Type.DOUBLE) {
            throw new IllegalArgumentException("YBR frames hold unsigned integers");
        }
        int bits = frame.bitsStored();
        double max = (1L << bits) - 1;
        double half = 1L << (bits - 1);
        double scale = (1L << bits) / 256.0;
        int n = frame.length();
        double[] rgb = new double[n];
        for (int i = 0; i < n; i += 3) {
            double y = frame.value(i);
            double cb = frame.value(i + 1) - half;
            double cr = frame.value(i + 2) - half;
            if (partial) {
                y = (y - 16 * scale) * 255.0 / 219.0;
                cb = cb * 255.0 / 224.0;
                cr = cr * 255.0 / 224.0;
            }
            rgb[i] = y + 1.402 * cr;
            rgb[i + 1] = y - 0.344136 * cb - 0.714136 * cr;
            rgb[i + 2] = y + 1.772 * cb;
        }
        FrameFormat format = frame.format().withPhotometricInterpretation(PhotometricInterpretation.RGB);
        Object out = switch (frame.type()) {
            case BYTE -> {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) clamp(rgb[i], max);
                }
                yield b;
            }
            case SHORT -> {
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = (short) clamp(rgb[i], max);
                }
                yield s;
            }
            default -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (int) clamp(rgb[i], max);
                }
                yield v;
            }
        };
        return new PixelFrame(frame.frameIndex(), format, out);
    }

    private static long clamp(double v, double max) {
        return Math.round(Math.max(0, Math.min(max, v)));
    }
}
