package org.delineate.dicom.pixel.jpeg;

/**
 * Brings the decoded components to the full frame size and interleaves them, without color conversion.
 * Components subsampled by 2 horizontally (4:2:2), vertically, or in both directions (4:2:0) are interpolated
 * with the triangle filter libjpeg applies by default ("fancy upsampling"), so that the result matches the
 * JDK's and GDCM's; other ratios, including ones that are not whole numbers, repeat the nearest sample.
 * Stateless.
 */
final class Upsampler {

    private Upsampler() {
    }

    /** The samples of all components, interleaved, {@code frame.rows * frame.columns * components}. */
    static int[] interleave(Frame frame) {
        int n = frame.components.size();
        int[] out = new int[frame.rows * frame.columns * n];
        for (int i = 0; i < n; i++) {
            Component c = frame.components.get(i);
            int sx = frame.hMax / c.h;
            int sy = frame.vMax / c.v;
            boolean whole = frame.hMax % c.h == 0 && frame.vMax % c.v == 0;
            if (whole && sx == 1 && sy == 1) {
                copy(frame, c, out, i, n);
            } else if (whole && sx == 2 && sy == 1 && c.width > 1) {
                h2v1(frame, c, out, i, n);
            } else if (whole && sx == 1 && sy == 2) {
                h1v2(frame, c, out, i, n);
            } else if (whole && sx == 2 && sy == 2 && c.width > 1) {
                h2v2(frame, c, out, i, n);
            } else {
                nearest(frame, c, out, i, n);
            }
        }
        return out;
    }

    private static void copy(Frame frame, Component c, int[] out, int i, int n) {
        int stride = c.stride();
        for (int y = 0; y < frame.rows; y++) {
            int at = y * frame.columns * n + i;
            int from = y * stride;
            for (int x = 0; x < frame.columns; x++, at += n) {
                out[at] = c.plane[from + x];
            }
        }
    }

    /** Horizontal 1:2: each output sample is 3/4 of the nearer input sample plus 1/4 of the farther one. */
    private static void h2v1(Frame frame, Component c, int[] out, int i, int n) {
        int stride = c.stride();
        int last = c.width - 1;
        short[] p = c.plane;
        for (int y = 0; y < frame.rows; y++) {
            int at = y * frame.columns * n + i;
            int row = y * stride;
            for (int x = 0; x < frame.columns; x++, at += n) {
                int j = x >> 1;
                int near = 3 * p[row + j];
                if ((x & 1) == 0) {
                    out[at] = j == 0 ? p[row] : (near + p[row + j - 1] + 1) >> 2;
                } else {
                    out[at] = j == last ? p[row + last] : (near + p[row + j + 1] + 2) >> 2;
                }
            }
        }
    }

    /**
     * Vertical 1:2: 3/4 of the nearer input row plus 1/4 of the farther one (the JDK's libjpeg does this; DICOM
     * has no vertically subsampled YBR, so GDCM and dcmtk were not compared).
     */
    private static void h1v2(Frame frame, Component c, int[] out, int i, int n) {
        int stride = c.stride();
        short[] p = c.plane;
        for (int y = 0; y < frame.rows; y++) {
            int j = y >> 1;
            boolean upper = (y & 1) == 0;
            int nearRow = j * stride;
            int farRow = (upper ? Math.max(j - 1, 0) : Math.min(j + 1, c.height - 1)) * stride;
            int bias = upper ? 1 : 2;
            int at = y * frame.columns * n + i;
            for (int x = 0; x < frame.columns; x++, at += n) {
                out[at] = (3 * p[nearRow + x] + p[farRow + x] + bias) >> 2;
            }
        }
    }

    /**
     * 1:2 in both directions: vertically 3/4 of the nearer input row plus 1/4 of the farther, then the same
     * horizontally; rows and columns beyond the component's edge repeat its last ones.
     */
    private static void h2v2(Frame frame, Component c, int[] out, int i, int n) {
        int stride = c.stride();
        int last = c.width - 1;
        short[] p = c.plane;
        int[] sums = new int[c.width];
        for (int y = 0; y < frame.rows; y++) {
            int j = y >> 1;
            int far = (y & 1) == 0 ? Math.max(j - 1, 0) : Math.min(j + 1, c.height - 1);
            int nearRow = j * stride;
            int farRow = far * stride;
            for (int x = 0; x <= last; x++) {
                sums[x] = 3 * p[nearRow + x] + p[farRow + x];
            }
            int at = y * frame.columns * n + i;
            for (int x = 0; x < frame.columns; x++, at += n) {
                int k = x >> 1;
                if ((x & 1) == 0) {
                    out[at] = k == 0 ? (4 * sums[0] + 8) >> 4 : (3 * sums[k] + sums[k - 1] + 8) >> 4;
                } else {
                    out[at] = k == last ? (4 * sums[last] + 7) >> 4 : (3 * sums[k] + sums[k + 1] + 7) >> 4;
                }
            }
        }
    }

    private static void nearest(Frame frame, Component c, int[] out, int i, int n) {
        int stride = c.stride();
        for (int y = 0; y < frame.rows; y++) {
            int at = y * frame.columns * n + i;
            int row = (int) ((long) y * c.v / frame.vMax) * stride;
            for (int x = 0; x < frame.columns; x++, at += n) {
                out[at] = c.plane[row + (int) ((long) x * c.h / frame.hMax)];
            }
        }
    }
}
