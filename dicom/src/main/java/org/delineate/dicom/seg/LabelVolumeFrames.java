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

    /** The label value of pixel i of a plane: the unsigned sample less the offset (negative: no label). */
    int label(Object plane, int i) {
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
    public void readFrame(int segment, int slice, byte[] target) {
        Object plane = planes.get(slice);
        for (int i = 0; i < target.length; i++) {
            target[i] = segmentOf(label(plane, i)) == segment ? (byte) 1 : 0;
        }
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
     * The label values of slice k that no segment names (besides 0), ascending; for the validator.
     */
    int[] unnamedLabels(int slice) {
        Object plane = planes.get(slice);
        java.util.BitSet seen = new java.util.BitSet();
        for (int i = 0; i < columns * rows; i++) {
            int v = label(plane, i);
            if (v > 0 && segmentOf(v) == 0) {
                seen.set(v);
            }
        }
        return seen.stream().toArray();
    }

    @Override
    public boolean overlapFree() {
        return true;
    }
}
