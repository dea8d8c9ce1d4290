package org.delineate.annotation.edit;

/**
 * Exact Euclidean distance transform on a grid with anisotropic spacing (the separable lower-envelope
 * algorithm of Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled Functions", 2012): for every
 * voxel, the squared distance in mm² to the nearest feature voxel. Works on 2D slices and 3D blocks stored
 * as flat arrays, i fastest. Stateless.
 */
final class DistanceTransform {

    /** Larger than any squared distance on a grid of up to 2^31 voxels of up to 1e4 mm. */
    static final float FAR = 1e30f;

    private DistanceTransform() {
    }

    /**
     * Squared distances (mm²) to the nearest voxel where {@code feature} is true; {@link #FAR} everywhere
     * when there is no feature voxel.
     *
     * @param size the grid size per axis (i, j[, k])
     * @param spacing the voxel spacing in mm per axis
     */
    static float[] squared(boolean[] feature, int[] size, double[] spacing) {
        float[] d = new float[feature.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = feature[n] ? 0 : FAR;
        }
        int stride = 1;
        for (int axis = 0; axis < size.length; axis++) {
            pass(d, size, axis, stride, spacing[axis]);
            stride *= size[axis];
        }
        return d;
    }

    /** One 1D transform along {@code axis} of every line of the grid. */
    private static void pass(float[] d, int[] size, int axis, int stride, double spacing) {
        int n = size[axis];
        int lines = d.length / n;
        float[] f = new float[n];
        float[] out = new float[n];
        int[] v = new int[n];
        float[] z = new float[n + 1];
        double w = spacing * spacing;
        for (int line = 0; line < lines; line++) {
            int base = lineStart(line, stride, n);
            for (int q = 0; q < n; q++) {
                f[q] = d[base + q * stride];
            }
            lowerEnvelope(f, n, w, v, z, out);
            for (int q = 0; q < n; q++) {
                d[base + q * stride] = out[q];
            }
        }
    }

    /** The index of the first voxel of line {@code line} for an axis with this stride and length. */
    private static int lineStart(int line, int stride, int n) {
        int inner = line % stride;
        int outer = line / stride;
        return outer * stride * n + inner;
    }

    /** d(q) = min over p of (w (q - p)² + f(p)), for sampled f. */
    private static void lowerEnvelope(float[] f, int n, double w, int[] v, float[] z, float[] out) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] >= FAR) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Float.NEGATIVE_INFINITY;
                z[1] = Float.POSITIVE_INFINITY;
                continue;
            }
            double s;
            while (true) {
                int p = v[k];
                s = ((f[q] + w * q * q) - (f[p] + w * p * p)) / (2 * w * (q - p));
                if (s <= z[k] && k > 0) {
                    k--;
                } else {
                    break;
                }
            }
            if (s <= z[k]) {
                // NB: k == 0 here; the new parabola hides the only one.
                v[0] = q;
                z[0] = Float.NEGATIVE_INFINITY;
                z[1] = Float.POSITIVE_INFINITY;
                continue;
            }
            k++;
            v[k] = q;
            z[k] = (float) s;
            z[k + 1] = Float.POSITIVE_INFINITY;
        }
        if (k < 0) {
            java.util.Arrays.fill(out, 0, n, FAR);
            return;
        }
        int m = 0;
        for (int q = 0; q < n; q++) {
            while (z[m + 1] < q) {
                m++;
            }
            double dq = q - v[m];
            out[q] = (float) (w * dq * dq + f[v[m]]);
        }
    }
}
