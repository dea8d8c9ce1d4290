package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Paints placed frames into slice arrays: one segment's volume, or the merged label map. Planes are
 * allocated when first painted (every slice gets its own array in the end, as volumes need).
 */
final class LabelPainter {

    /** NB: overlaps are listed up to this many segment pairs. */
    private static final int MAX_OVERLAPS = 20;

    private LabelPainter() {
    }

    /** The slices of segment {@code number}'s volume: 0/1, or fractional values. */
    static byte[][] segment(SegmentationFile seg, PlacementTarget grid, List<PlacedFrame> placed, int number)
            throws IOException {
        byte[][] planes = new byte[grid.slices()][];
        boolean labelMap = seg.type() == SegmentationType.LABELMAP;
        int cols = seg.columns();
        for (PlacedFrame p : placed) {
            if (!labelMap && p.segmentNumber() != number) {
                continue;
            }
            Object values = seg.pixels().frame(p.frameNumber() - 1);
            byte[] plane = plane(planes, p.slice(), grid);
            Clip c = new Clip(p, seg, grid);
            for (int r = c.r0; r < c.r1; r++) {
                int src = r * cols;
                int dst = (p.row() + r) * grid.columns() + p.column();
                if (labelMap) {
                    for (int x = c.c0; x < c.c1; x++) {
                        if (SegmentationPlacement.value(values, src + x) == number && !seg.isBackground(number)) {
                            plane[dst + x] = 1;
                        }
                    }
                } else {
                    byte[] v = (byte[]) values;
                    for (int x = c.c0; x < c.c1; x++) {
                        // NB: frames of one segment that share a slice are merged by maximum.
                        if ((v[src + x] & 0xFF) > (plane[dst + x] & 0xFF)) {
                            plane[dst + x] = v[src + x];
                        }
                    }
                }
            }
        }
        fill(planes, grid);
        return planes;
    }

    /**
     * The slices of the merged label map ({@code byte[][]} or {@code short[][]}); {@code overlaps} receives
     * "a and b" for each pair of segments found on one voxel (the planes are then incomplete).
     */
    static Object[] labelMap(SegmentationFile seg, PlacementTarget grid, List<PlacedFrame> placed, Set<String> overlaps)
            throws IOException {
        int max = seg.segments().stream().mapToInt(SegmentDescription::segmentNumber).max().orElse(0);
        for (PlacedFrame p : placed) {
            max = Math.max(max, p.segmentNumber());
        }
        boolean wide = max > 255;
        Object[] planes = wide ? new short[grid.slices()][] : new byte[grid.slices()][];
        boolean labelMap = seg.type() == SegmentationType.LABELMAP;
        int cols = seg.columns();
        int width = grid.columns();
        for (PlacedFrame p : placed) {
            Object values = seg.pixels().frame(p.frameNumber() - 1);
            Object plane = wide ? plane((short[][]) planes, p.slice(), grid) : plane((byte[][]) planes, p.slice(), grid);
            Clip c = new Clip(p, seg, grid);
            for (int r = c.r0; r < c.r1; r++) {
                int src = r * cols;
                int dst = (p.row() + r) * width + p.column();
                for (int x = c.c0; x < c.c1; x++) {
                    int v = SegmentationPlacement.value(values, src + x);
                    if (labelMap ? seg.isBackground(v) : v == 0) {
                        continue;
                    }
                    int label = labelMap ? (v <= max ? v : 0) : p.segmentNumber();
                    int old = wide ? ((short[]) plane)[dst + x] & 0xFFFF : ((byte[]) plane)[dst + x] & 0xFF;
                    if (old != 0 && old != label) {
                        if (overlaps.size() < MAX_OVERLAPS) {
                            overlaps.add(Math.min(old, label) + " and " + Math.max(old, label));
                        }
                        continue;
                    }
                    if (wide) {
                        ((short[]) plane)[dst + x] = (short) label;
                    } else {
                        ((byte[]) plane)[dst + x] = (byte) label;
                    }
                }
            }
        }
        if (wide) {
            short[][] s = (short[][]) planes;
            for (int k = 0; k < s.length; k++) {
                s[k] = s[k] != null ? s[k] : new short[grid.columns() * grid.rows()];
            }
        } else {
            fill((byte[][]) planes, grid);
        }
        return planes;
    }

    private static byte[] plane(byte[][] planes, int k, PlacementTarget grid) {
        if (planes[k] == null) {
            planes[k] = new byte[Math.multiplyExact(grid.columns(), grid.rows())];
        }
        return planes[k];
    }

    private static short[] plane(short[][] planes, int k, PlacementTarget grid) {
        if (planes[k] == null) {
            planes[k] = new short[Math.multiplyExact(grid.columns(), grid.rows())];
        }
        return planes[k];
    }

    private static void fill(byte[][] planes, PlacementTarget grid) {
        for (int k = 0; k < planes.length; k++) {
            if (planes[k] == null) {
                planes[k] = new byte[grid.columns() * grid.rows()];
            }
        }
    }

    /** The rows r0..r1 and columns c0..c1 (exclusive ends) of a frame that fall inside the grid. */
    private static final class Clip {
        final int r0;
        final int r1;
        final int c0;
        final int c1;

        Clip(PlacedFrame p, SegmentationFile seg, PlacementTarget grid) {
            r0 = Math.max(0, -p.row());
            r1 = (int) Math.min(seg.rows(), (long) grid.rows() - p.row());
            c0 = Math.max(0, -p.column());
            c1 = (int) Math.min(seg.columns(), (long) grid.columns() - p.column());
        }
    }
}
