package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which frames a segmentation will hold, in order (by segment, then by slice), found by reading every frame
 * once before anything is written; also whether segments overlap, and which row bands of each frame hold pixels
 * ({@link RowBands}). Holds two ints and a long per frame, never pixels.
 */
final class SegFramePlan {

    /** Segment number of frame f (1-based; 0 for LABELMAP, whose frames hold all segments). */
    private final int[] segments;
    /** Source slice of frame f (0-based). */
    private final int[] slices;
    /** Row bands of frame f that hold pixels of its segment; {@link RowBands#ALL} when not known. */
    private final long[] bands;
    private final boolean overlapping;

    private SegFramePlan(int[] segments, int[] slices, long[] bands, boolean overlapping) {
        this.segments = segments;
        this.slices = slices;
        this.bands = bands;
        this.overlapping = overlapping;
    }

    int frameCount() {
        return slices.length;
    }

    int segment(int frame) {
        return segments[frame];
    }

    int slice(int frame) {
        return slices[frame];
    }

    /** The row bands of frame f that may hold pixels; the others are all 0. */
    long bands(int frame) {
        return bands[frame];
    }

    /** True when some pixel belongs to more than one segment. */
    boolean overlapping() {
        return overlapping;
    }

    /** The distinct source slices that frames are on, ascending. */
    int[] referencedSlices() {
        return Arrays.stream(slices).distinct().sorted().toArray();
    }

    /**
     * Reads every frame once and plans the output; content problems (fractions above the maximum, label values
     * without a segment, overlapping segments in a label map) are added to {@code problems}.
     */
    static SegFramePlan scan(SegmentationFrames frames, SegWriteOptions options, List<SegmentationProblem> problems) {
        int pixels = frames.columns() * frames.rows();
        List<long[]> kept = new ArrayList<>();
        boolean overlapping = false;
        if (frames instanceof LabelVolumeFrames labels) {
            planLabels(labels, options, kept, problems);
        } else if (options.type() == SegmentationType.LABELMAP) {
            int[] labels = new int[pixels];
            for (int k = 0; k < frames.slices(); k++) {
                int overlaps = frames.readLabels(k, labels);
                if (overlaps > 0) {
                    problems.add(new SegmentationProblem("(7FE0,0010)", "slice " + k + " has " + overlaps
                            + " pixels in more than one segment; a LABELMAP cannot hold overlapping segments"));
                }
                if (options.keepEmptyFrames() || Arrays.stream(labels).anyMatch(v -> v != 0)) {
                    kept.add(frame(0, k, RowBands.ALL));
                }
            }
            if (kept.isEmpty()) {
                kept.add(frame(0, 0, RowBands.ALL));
            }
        } else {
            byte[] frame = new byte[pixels];
            boolean fractional = options.type() == SegmentationType.FRACTIONAL;
            RowBands rows = new RowBands(frames.columns(), frames.rows());
            for (int s = 1; s <= frames.segmentCount(); s++) {
                int before = kept.size();
                for (int k = 0; k < frames.slices(); k++) {
                    frames.readFrame(s, k, frame);
                    int max = 0;
                    long bands = 0;
                    for (int b = 0; b < rows.count(); b++) {
                        int bandMax = 0;
                        for (int i = rows.start(b); i < rows.end(b); i++) {
                            bandMax = Math.max(bandMax, frame[i] & 0xFF);
                        }
                        bands |= bandMax > 0 ? 1L << b : 0;
                        max = Math.max(max, bandMax);
                    }
                    if (fractional && max > options.maxFractionalValue()) {
                        problems.add(new SegmentationProblem("(7FE0,0010)", "segment " + s + " at slice " + k
                                + " has the value " + max + ", above Maximum Fractional Value (0062,000E) "
                                + options.maxFractionalValue()));
                    }
                    if (max > 0 || options.keepEmptyFrames()) {
                        kept.add(frame(s, k, bands));
                    }
                }
                if (kept.size() == before) {
                    // NB: an empty segment keeps one frame (at slice 0), so that every described segment is in the
                    // pixel data and a segmentation always has at least one frame.
                    kept.add(frame(s, 0, 0));
                }
            }
            if (!frames.overlapFree() && frames.segmentCount() > 1) {
                int[] labels = new int[pixels];
                for (int k = 0; k < frames.slices() && !overlapping; k++) {
                    overlapping = frames.readLabels(k, labels) > 0;
                }
            }
        }
        int[] segments = kept.stream().mapToInt(f -> (int) f[0]).toArray();
        int[] slices = kept.stream().mapToInt(f -> (int) f[1]).toArray();
        long[] bands = kept.stream().mapToLong(f -> f[2]).toArray();
        return new SegFramePlan(segments, slices, bands, overlapping);
    }

    private static long[] frame(int segment, int slice, long bands) {
        return new long[] {segment, slice, bands};
    }

    /**
     * The frames of a label volume, found in one pass per slice: which segments each slice has (a label volume
     * cannot overlap), and the label values no segment names, each reported once.
     */
    private static void planLabels(LabelVolumeFrames labels, SegWriteOptions options, List<long[]> kept,
            List<SegmentationProblem> problems) {
        int n = labels.segmentCount();
        long[][] bands = new long[labels.slices()][n + 1];
        java.util.BitSet[] unnamed = new java.util.BitSet[labels.slices()];
        try (Workers workers = new Workers(options.threads())) {
            // NB: slices are surveyed independently, a chunk of them per thread; problems are reported in slice order.
            workers.forEachChunk(labels.slices(), (from, to) -> {
                LabelVolumeFrames.Survey survey = labels.new Survey();
                for (int k = from; k < to; k++) {
                    unnamed[k] = new java.util.BitSet();
                    survey.slice(k, bands[k], unnamed[k]);
                }
            });
        }
        java.util.BitSet reported = new java.util.BitSet();
        for (int k = 0; k < labels.slices(); k++) {
            for (int v = unnamed[k].nextSetBit(0); v >= 0; v = unnamed[k].nextSetBit(v + 1)) {
                if (!reported.get(v)) {
                    reported.set(v);
                    problems.add(new SegmentationProblem("(7FE0,0010)", "the label value " + v + " (first at slice " + k
                            + ") belongs to no segment; give it a segment or set it to 0"));
                }
            }
        }
        if (options.type() == SegmentationType.LABELMAP) {
            for (int k = 0; k < labels.slices(); k++) {
                boolean any = false;
                for (int s = 1; s <= n && !any; s++) {
                    any = bands[k][s] != 0;
                }
                if (any || options.keepEmptyFrames()) {
                    kept.add(frame(0, k, RowBands.ALL));
                }
            }
            if (kept.isEmpty()) {
                kept.add(frame(0, 0, RowBands.ALL));
            }
            return;
        }
        for (int s = 1; s <= n; s++) {
            int before = kept.size();
            for (int k = 0; k < labels.slices(); k++) {
                if (bands[k][s] != 0 || options.keepEmptyFrames()) {
                    kept.add(frame(s, k, bands[k][s]));
                }
            }
            if (kept.size() == before) {
                kept.add(frame(s, 0, 0));
            }
        }
    }
}
