package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Paints placed frames into slice arrays: one segment's volume, or the merged label map. Planes are
 * allocated when first painted (every slice gets its own array in the end, as volumes need).
 *
 * <p>NB: native 1-bit frames are painted straight from the bit stream, background bytes skipped whole;
 * 8-bit frames are scanned eight pixels at a time, background runs skipped as one long. Reading a
 * hundred-segment segmentation is dominated by these loops.
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
        Object scratch = null;
        int[] set = new int[cols];
        for (PlacedFrame p : placed) {
            if (!labelMap && p.segmentNumber() != number) {
                continue;
            }
            if (seg.pixels().packed()) {
                byte[] plane = plane(planes, p.slice(), grid);
                Clip c = new Clip(p, seg, grid);
                for (int r = c.r0; r < c.r1; r++) {
                    int dst = (p.row() + r) * grid.columns() + p.column();
                    int n = seg.pixels().setColumns(p.frameNumber() - 1, r, c.c0, c.c1, set);
                    for (int t = 0; t < n; t++) {
                        plane[dst + set[t]] = 1;
                    }
                }
                continue;
            }
            Object values = seg.pixels().frame(p.frameNumber() - 1, scratch);
            scratch = values;
            byte[] plane = plane(planes, p.slice(), grid);
            Clip c = new Clip(p, seg, grid);
            for (int r = c.r0; r < c.r1; r++) {
                int src = r * cols;
                int dst = (p.row() + r) * grid.columns() + p.column();
                if (values instanceof byte[] v) {
                    for (int x = c.c0; x < c.c1; x++) {
                        if (x + 8 <= c.c1 && FramePixels.longAt(v, src + x) == 0) {
                            x += 7;
                            continue;
                        }
                        int value = v[src + x] & 0xFF;
                        if (labelMap) {
                            if (value == number) {
                                plane[dst + x] = 1;
                            }
                        } else if (value > (plane[dst + x] & 0xFF)) {
                            // NB: frames of one segment that share a slice are merged by maximum.
                            plane[dst + x] = (byte) value;
                        }
                    }
                } else {
                    short[] v = (short[]) values;
                    for (int x = c.c0; x < c.c1; x++) {
                        if ((v[src + x] & 0xFFFF) == number) {
                            plane[dst + x] = 1;
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
        Object scratch = null;
        int[] set = new int[cols];
        for (PlacedFrame p : placed) {
            Object plane = wide ? plane((short[][]) planes, p.slice(), grid) : plane((byte[][]) planes, p.slice(), grid);
            Clip c = new Clip(p, seg, grid);
            if (seg.pixels().packed()) {
                for (int r = c.r0; r < c.r1; r++) {
                    int dst = (p.row() + r) * width + p.column();
                    int n = seg.pixels().setColumns(p.frameNumber() - 1, r, c.c0, c.c1, set);
                    for (int t = 0; t < n; t++) {
                        mark(plane, dst + set[t], p.segmentNumber(), wide, overlaps);
                    }
                }
                continue;
            }
            Object values = seg.pixels().frame(p.frameNumber() - 1, scratch);
            scratch = values;
            for (int r = c.r0; r < c.r1; r++) {
                int src = r * cols;
                int dst = (p.row() + r) * width + p.column();
                byte[] bytes = values instanceof byte[] b ? b : null;
                for (int x = c.c0; x < c.c1; x++) {
                    if (bytes != null && x + 8 <= c.c1 && FramePixels.longAt(bytes, src + x) == 0) {
                        x += 7;
                        continue;
                    }
                    int v = bytes != null ? bytes[src + x] & 0xFF : ((short[]) values)[src + x] & 0xFFFF;
                    if (labelMap ? seg.isBackground(v) : v == 0) {
                        continue;
                    }
                    mark(plane, dst + x, labelMap ? (v <= max ? v : 0) : p.segmentNumber(), wide, overlaps);
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

    /** Sets a label map voxel to {@code label} unless another segment holds it (then an overlap is noted). */
    private static void mark(Object plane, int index, int label, boolean wide, Set<String> overlaps) {
        int old = wide ? ((short[]) plane)[index] & 0xFFFF : ((byte[]) plane)[index] & 0xFF;
        if (old != 0 && old != label) {
            if (overlaps.size() < MAX_OVERLAPS) {
                overlaps.add(Math.min(old, label) + " and " + Math.max(old, label));
            }
        } else if (wide) {
            ((short[]) plane)[index] = (short) label;
        } else {
            ((byte[]) plane)[index] = (byte) label;
        }
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
