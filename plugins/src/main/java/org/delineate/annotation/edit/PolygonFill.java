package org.delineate.annotation.edit;

import java.util.Arrays;

import org.delineate.annotation.VoxelEdit;

/**
 * Fills (or erases) the inside of a polygon on one slice: the voxels whose centers are inside by the
 * even-odd rule, so self-intersecting outlines behave as in ImageJ's polygon fill. Vertices are in voxel
 * coordinates of the slice (voxel centers are integers; i to the right, j down). Stateless.
 */
public final class PolygonFill {

    private PolygonFill() {
    }

    /**
     * Fills the polygon (i[n], j[n]) on slice k; the last vertex connects to the first.
     *
     * @param paint true to add the inside to the segment, false to erase it from the segment
     * @return how many voxels changed
     */
    public static int fill(VoxelEdit edit, double[] i, double[] j, int k, boolean paint) {
        if (i.length != j.length || i.length < 3) {
            throw new IllegalArgumentException("a polygon has at least 3 vertices with 2 coordinates each");
        }
        int n = i.length;
        double jMinValue = Arrays.stream(j).min().orElseThrow();
        double jMaxValue = Arrays.stream(j).max().orElseThrow();
        int rows = edit.layer().rows();
        int columns = edit.layer().columns();
        int jFrom = Math.max(0, (int) Math.ceil(jMinValue));
        int jTo = Math.min(rows - 1, (int) Math.floor(jMaxValue));
        double[] crossings = new double[n];
        int changed = 0;
        for (int row = jFrom; row <= jTo; row++) {
            int count = 0;
            for (int a = 0; a < n; a++) {
                int b = (a + 1) % n;
                double ja = j[a];
                double jb = j[b];
                // NB: half-open rule (ja <= row < jb or jb <= row < ja) counts a vertex on the scan line once.
                if ((ja <= row && row < jb) || (jb <= row && row < ja)) {
                    crossings[count++] = i[a] + (row - ja) * (i[b] - i[a]) / (jb - ja);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int c = 0; c + 1 < count; c += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[c]));
                int to = Math.min(columns - 1, (int) Math.floor(crossings[c + 1]));
                for (int col = from; col <= to; col++) {
                    if (edit.set(col, row, k, paint)) {
                        changed++;
                    }
                }
            }
        }
        return changed;
    }
}
