package org.delineate.dicom.seg;

import java.util.Arrays;
import java.util.List;

/**
 * A label volume read in place: one unsigned plane per slice, label values mapped to segments 1..N through a
 * lookup table; the volume is never copied.
 */
final class LabelVolumeFrames implements SegmentationFrames {

    private final int columns;
    private final int rows;
    private final List<?> planes;
    /** Segment number of each label value 0..max; 0 where no segment. */
    private final int[] segmentOfLabel;
    private final int segmentCount;
    /** Subtracted from every sample to give the label value (a Volume's stored offset for signed data). */
    private final int offset;

    LabelVolumeFrames(int columns, int rows, List<?> planes, int[] labelValues, int offset) {
        if (columns < 1 || rows < 1 || planes == null || planes.isEmpty()) {
            throw new IllegalArgumentException("a label volume needs a positive size and at least one slice");
        }
        if (labelValues == null || labelValues.length == 0) {
            throw new IllegalArgumentException("a label volume needs at least one label value");
        }
        int max = Arrays.stream(labelValues).max().getAsInt();
        if (max > 0xFFFF) {
            throw new IllegalArgumentException("label values are at most 65535, not " + max);
        }
        segmentOfLabel = new int[max + 1];
        for (int s = 0; s < labelValues.length; s++) {
            int v = labelValues[s];
            if (v < 1) {
                throw new IllegalArgumentException("label values are at least 1, not " + v);
            }
            if (segmentOfLabel[v] != 0) {
                throw new IllegalArgumentException("label value " + v + " is given for segments " + segmentOfLabel[v]
                        + " and " + (s + 1));
            }
            segmentOfLabel[v] = s + 1;
        }
        for (int k = 0; k < planes.size(); k++) {
            Object p = planes.get(k);
            int length = p instanceof byte[] b ? b.length : p instanceof short[] s ? s.length
                    : p instanceof int[] i ? i.length : -1;
            if (length != columns * rows) {
                throw new IllegalArgumentException("label slice " + k + " is " + (length < 0 ? "not a byte[], short[] or int[]"
                        : length + " pixels, not " + columns + " x " + rows));
            }
        }
        this.columns = columns;
        this.rows = rows;
        this.planes = List.copyOf(planes);
        this.segmentCount = labelValues.length;
        this.offset = offset;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int slices() {
        return planes.size();
    }

    @Override
    public int segmentCount() {
        return segmentCount;
    }

    // NB: the loops below are written out per plane type; a per-pixel type test made writing a 512 x 512 x 300
    // label volume several times slower (bench/seg.sh).

    @Override
    public void readFrame(int segment, int slice, byte[] target) {
        Object plane = planes.get(slice);
        if (plane instanceof byte[] b) {
            byte[] match = matches(segment, 256);
            for (int i = 0; i < target.length; i++) {
                target[i] = match[b[i] & 0xFF];
            }
        } else if (plane instanceof short[] sh) {
            byte[] match = matches(segment, 65536);
            for (int i = 0; i < target.length; i++) {
                target[i] = match[sh[i] & 0xFFFF];
            }
        } else {
            int[] in = (int[]) plane;
            for (int i = 0; i < target.length; i++) {
                target[i] = segmentOf(in[i] - offset) == segment ? (byte) 1 : 0;
            }
        }
    }

    /**
     * Packs the frame of {@code segment} at {@code slice} straight into bits, as {@link BinaryFramePacker} would pack
     * {@link #readFrame}'s output (pixel n is bit n % 8 of byte n / 8), without the byte-per-pixel frame between:
     * for byte and short planes whose pixel count is a multiple of 8; false (nothing done) otherwise.
     */
    boolean packFrame(int segment, int slice, byte[] packed) {
        Object plane = planes.get(slice);
        int length = columns * rows;
        if ((length & 7) != 0 || plane instanceof int[]) {
            return false;
        }
        if (plane instanceof byte[] b) {
            byte[] match = matches(segment, 256);
            for (int i = 0, o = 0; i < length; i += 8, o++) {
                packed[o] = (byte) (match[b[i] & 0xFF] | match[b[i + 1] & 0xFF] << 1 | match[b[i + 2] & 0xFF] << 2
                        | match[b[i + 3] & 0xFF] << 3 | match[b[i + 4] & 0xFF] << 4 | match[b[i + 5] & 0xFF] << 5
                        | match[b[i + 6] & 0xFF] << 6 | match[b[i + 7] & 0xFF] << 7);
            }
        } else {
            short[] sh = (short[]) plane;
            byte[] match = matches(segment, 65536);
            for (int i = 0, o = 0; i < length; i += 8, o++) {
                packed[o] = (byte) (match[sh[i] & 0xFFFF] | match[sh[i + 1] & 0xFFFF] << 1 | match[sh[i + 2] & 0xFFFF] << 2
                        | match[sh[i + 3] & 0xFFFF] << 3 | match[sh[i + 4] & 0xFFFF] << 4 | match[sh[i + 5] & 0xFFFF] << 5
                        | match[sh[i + 6] & 0xFFFF] << 6 | match[sh[i + 7] & 0xFFFF] << 7);
            }
        }
        return true;
    }

    /** For each unsigned sample 0..size-1: 1 when it marks {@code segment}, else 0 (one lookup per pixel, no branch). */
    private byte[] matches(int segment, int size) {
        byte[] match = new byte[size];
        for (int v = 1; v < segmentOfLabel.length; v++) {
            int sample = v + offset;
            if (segmentOfLabel[v] == segment && sample < size) {
                match[sample] = 1;
            }
        }
        return match;
    }

    @Override
    public int readLabels(int slice, int[] target) {
        Object plane = planes.get(slice);
        for (int i = 0; i < target.length; i++) {
            target[i] = segmentOf(label(plane, i));
        }
        return 0;
    }

    /**
     * In one pass over slice k: sets {@code present[s]} for every segment s with a pixel there, and adds to
     * {@code unnamed} the label values (besides 0) that no segment names.
     */
    void survey(int slice, boolean[] present, java.util.BitSet unnamed) {
        Object plane = planes.get(slice);
        int length = columns * rows;
        // NB: one pass over the plane's own type collects the distinct values; the table is consulted once per value.
        java.util.BitSet values = new java.util.BitSet();
        if (plane instanceof byte[] b) {
            boolean[] seen = new boolean[256];
            for (int i = 0; i < length; i++) {
                seen[b[i] & 0xFF] = true;
            }
            for (int v = 0; v < 256; v++) {
                if (seen[v]) {
                    values.set(v);
                }
            }
        } else if (plane instanceof short[] sh) {
            boolean[] seen = new boolean[65536];
            for (int i = 0; i < length; i++) {
                seen[sh[i] & 0xFFFF] = true;
            }
            for (int v = 0; v < 65536; v++) {
                if (seen[v]) {
                    values.set(v);
                }
            }
        } else {
            for (int x : (int[]) plane) {
                if (x >= 0) {
                    values.set(x);
                }
            }
        }
        for (int sample = values.nextSetBit(0); sample >= 0; sample = values.nextSetBit(sample + 1)) {
            int v = sample - offset;
            if (v > 0) {
                int s = segmentOf(v);
                if (s > 0) {
                    present[s] = true;
                } else {
                    unnamed.set(v);
                }
            }
        }
    }

    private int label(Object plane, int i) {
        if (plane instanceof byte[] b) {
            return (b[i] & 0xFF) - offset;
        }
        if (plane instanceof short[] s) {
            return (s[i] & 0xFFFF) - offset;
        }
        return ((int[]) plane)[i] - offset;
    }

    private int segmentOf(int label) {
        return label >= 0 && label < segmentOfLabel.length ? segmentOfLabel[label] : 0;
    }

    @Override
    public boolean overlapFree() {
        return true;
    }
}
