package org.delineate.annotation.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.geometry.VolumeGeometry;

/**
 * RECIST-style diameters of a segment on one slice: the longest distance between two voxel centers of the
 * segment (found on the convex hull of the voxel centers, in mm in the slice plane), and the extent of the
 * segment perpendicular to it (the width of the hull in that direction). Voxel centers, not voxel edges,
 * are measured, as a reader's calipers placed on the image would be. Stateless.
 */
final class Diameters {

    /** The longest diameter (mm), its end points (in-plane mm coordinates), and the perpendicular extent. */
    record Result(double longest, double[] a, double[] b, double perpendicular) {
    }

    private Diameters() {
    }

    /**
     * Diameters of the voxels where {@code mask} is true on a slice of {@code columns} columns.
     *
     * @return the result, or null when the mask is empty
     */
    static Result of(boolean[] mask, int columns, VolumeGeometry geometry) {
        Plane plane = Plane.of(geometry);
        List<double[]> points = new ArrayList<>();
        int rows = mask.length / columns;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                if (mask[j * columns + i] && isBoundary(mask, columns, rows, i, j)) {
                    points.add(new double[] {i * plane.columnLength + j * plane.rowAlongColumn, j * plane.rowAcross});
                }
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        double[][] hull = hull(points);
        double best = -1;
        double[] a = hull[0];
        double[] b = hull[0];
        for (int p = 0; p < hull.length; p++) {
            for (int q = p + 1; q < hull.length; q++) {
                double d = Math.hypot(hull[p][0] - hull[q][0], hull[p][1] - hull[q][1]);
                if (d > best) {
                    best = d;
                    a = hull[p];
                    b = hull[q];
                }
            }
        }
        double perpendicular = 0;
        if (best > 0) {
            double nx = -(b[1] - a[1]) / best;
            double ny = (b[0] - a[0]) / best;
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (double[] p : hull) {
                double s = p[0] * nx + p[1] * ny;
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
            perpendicular = hi - lo;
        }
        return new Result(Math.max(0, best), a, b, perpendicular);
    }

    /** The voxel index (i, j) of an in-plane point, for turning hull points back into patient positions. */
    static double[] toIndex(double[] point, VolumeGeometry geometry) {
        Plane plane = Plane.of(geometry);
        double j = point[1] / plane.rowAcross;
        double i = (point[0] - j * plane.rowAlongColumn) / plane.columnLength;
        return new double[] {i, j};
    }

    /**
     * In-plane coordinates in mm along the orthonormalized column and row directions, so that sheared or oblique
     * grids are measured in true mm: voxel (i, j) is at (i columnLength + j rowAlongColumn, j rowAcross).
     */
    private record Plane(double columnLength, double rowAlongColumn, double rowAcross) {
        static Plane of(VolumeGeometry geometry) {
            double[] u = geometry.columnStep();
            double[] v = geometry.rowStep();
            double ul = norm(u);
            double[] e1 = {u[0] / ul, u[1] / ul, u[2] / ul};
            double along = dot(v, e1);
            double[] across = {v[0] - along * e1[0], v[1] - along * e1[1], v[2] - along * e1[2]};
            return new Plane(ul, along, norm(across));
        }
    }

    private static boolean isBoundary(boolean[] mask, int columns, int rows, int i, int j) {
        return i == 0 || j == 0 || i == columns - 1 || j == rows - 1 || !mask[j * columns + i - 1]
                || !mask[j * columns + i + 1] || !mask[(j - 1) * columns + i] || !mask[(j + 1) * columns + i];
    }

    /** The convex hull (Andrew's monotone chain), counter-clockwise. */
    private static double[][] hull(List<double[]> points) {
        double[][] p = points.toArray(new double[0][]);
        Arrays.sort(p, (x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        if (p.length < 3) {
            return p;
        }
        double[][] h = new double[2 * p.length][];
        int k = 0;
        for (double[] q : p) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        for (int n = p.length - 2, t = k + 1; n >= 0; n--) {
            while (k >= t && cross(h[k - 2], h[k - 1], p[n]) <= 0) {
                k--;
            }
            h[k++] = p[n];
        }
        return Arrays.copyOf(h, Math.max(1, k - 1));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
