package org.delineate.dicom.pixel.jpeg;

/**
 * The 8 x 8 inverse DCT of ITU-T T.81 A.3.3, level shift and clamping to the sample range, computed
 * separably in double precision and rounded to the nearest integer. Not thread-safe (scratch space); one
 * per decoding.
 *
 * <p>NB: the exact transform rather than an imitation of libjpeg's scaled-integer one ("islow"): it is
 * checked against the definition alone, and samples differ from libjpeg's (the JDK's, GDCM's, dcmtk's) by
 * at most 1, as the tests measure.
 */
final class Idct {

    /** BASIS[x * 8 + u] = C(u) / 2 * cos((2x + 1) u pi / 16), C(0) = 1 / sqrt(2), else 1. */
    private static final double[] BASIS = new double[64];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                BASIS[x * 8 + u] = c / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
    }

    private final double[] rows = new double[64];
    private final int levelShift;
    private final int max;

    /** @param precision the sample precision P: outputs are 0 to 2^P - 1, level shifted by 2^(P-1) */
    Idct(int precision) {
        this.levelShift = 1 << (precision - 1);
        this.max = (1 << precision) - 1;
    }

    /**
     * Transforms one block of dequantized coefficients into samples.
     *
     * @param block 64 coefficients in natural (row-major) order, vertical frequency first
     * @param out the plane receiving the 8 x 8 samples
     * @param offset the index in {@code out} of the block's top left sample
     * @param stride the samples per line of {@code out}
     */
    void transform(int[] block, short[] out, int offset, int stride) {
        boolean acZero = true;
        for (int k = 1; k < 64 && acZero; k++) {
            acZero = block[k] == 0;
        }
        if (acZero) {
            short value = clamp(block[0] / 8.0);
            for (int y = 0; y < 8; y++) {
                java.util.Arrays.fill(out, offset + y * stride, offset + y * stride + 8, value);
            }
            return;
        }
        // Horizontal pass: rows[v * 8 + x] = sum over u of F(v, u) * basis(x, u).
        for (int v = 0; v < 8; v++) {
            int row = v * 8;
            boolean zero = true;
            for (int u = 0; u < 8 && zero; u++) {
                zero = block[row + u] == 0;
            }
            for (int x = 0; x < 8; x++) {
                double sum = 0;
                if (!zero) {
                    for (int u = 0; u < 8; u++) {
                        sum += block[row + u] * BASIS[x * 8 + u];
                    }
                }
                rows[row + x] = sum;
            }
        }
        // Vertical pass: s(y, x) = sum over v of rows(v, x) * basis(y, v).
        for (int y = 0; y < 8; y++) {
            int line = offset + y * stride;
            for (int x = 0; x < 8; x++) {
                double sum = 0;
                for (int v = 0; v < 8; v++) {
                    sum += rows[v * 8 + x] * BASIS[y * 8 + v];
                }
                out[line + x] = clamp(sum);
            }
        }
    }

    private short clamp(double value) {
        int s = (int) Math.floor(value + levelShift + 0.5);
        return (short) (s < 0 ? 0 : s > max ? max : s);
    }
}
