package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;

/**
 * What a segmentation holds, frame by frame: the frame of segment s at slice k, on the source grid (columns x
 * rows, row by row). Segments are numbered 1..{@link #segmentCount()} in the order their descriptions are given
 * to the writer; slices are 0-based source slices. Implementations read their arrays in place, without copying
 * the volume; they are not thread-safe while those arrays change.
 *
 * <p>Three inputs are provided: a label volume ({@link #ofLabels}), one binary mask per segment ({@link #ofMasks})
 * and one byte volume of fractions per segment ({@link #ofFractions}).
 */
public interface SegmentationFrames {

    /** Columns of a frame. */
    int columns();

    /** Rows of a frame. */
    int rows();

    /** Number of slices. */
    int slices();

    /** Number of segments; segments are 1..segmentCount(). */
    int segmentCount();

    /**
     * Fills {@code target} (length columns x rows) with the frame of segment {@code segment} (1-based) at slice
     * {@code slice} (0-based): 0 or 1 for masks and label volumes, 0..255 for fractions.
     */
    void readFrame(int segment, int slice, byte[] target);

    /**
     * Fills {@code target} (length columns x rows) with the segment number (1-based, 0 for none) of each pixel of
     * slice {@code slice}; where segments overlap, the highest number wins. Counts pixels covered by more than one
     * segment and returns that count (0 for inputs that cannot overlap).
     */
    default int readLabels(int slice, int[] target) {
        byte[] frame = new byte[target.length];
        java.util.Arrays.fill(target, 0);
        int overlaps = 0;
        for (int s = 1; s <= segmentCount(); s++) {
            readFrame(s, slice, frame);
            for (int i = 0; i < frame.length; i++) {
                if (frame[i] != 0) {
                    if (target[i] != 0) {
                        overlaps++;
                    }
                    target[i] = s;
                }
            }
        }
        return overlaps;
    }

    /** True when two segments can never share a pixel (a label volume). */
    boolean overlapFree();

    /**
     * The segments of a label volume: one plane per slice ({@code byte[]}, {@code short[]} or {@code int[]}, read
     * as unsigned), pixel value {@code labelValues[s - 1]} meaning segment s, 0 and other values meaning none.
     *
     * @throws IllegalArgumentException for planes of another type or size, or label values below 1 or repeated
     */
    static SegmentationFrames ofLabels(int columns, int rows, List<?> planes, int... labelValues) {
        return new LabelVolumeFrames(columns, rows, planes, labelValues, 0);
    }

    /**
     * The segments of a label volume (see {@link #ofLabels(int, int, List, int...)}), segment s being
     * {@code segments.get(s - 1)}, whose {@link LabeledSegment#labelValue()} marks it. The volume's planes are read
     * in place; a label value is a sample less {@link Volume#storedOffset()}, the value as stored.
     *
     * @throws IllegalArgumentException for float or RGB volumes
     */
    static SegmentationFrames ofLabels(Volume labels, List<LabeledSegment> segments) {
        if (labels.sampleType() == SampleType.FLOAT32 || labels.sampleType() == SampleType.RGB) {
            throw new IllegalArgumentException("a label volume holds integers, not " + labels.sampleType() + " samples");
        }
        List<Object> planes = new ArrayList<>(labels.slices());
        for (int k = 0; k < labels.slices(); k++) {
            planes.add(labels.plane(k));
        }
        return new LabelVolumeFrames(labels.columns(), labels.rows(), planes,
                segments.stream().mapToInt(LabeledSegment::labelValue).toArray(), labels.storedOffset());
    }

    /**
     * One binary mask per segment, possibly overlapping: {@code masks.get(s - 1).get(k)} is the plane of segment
     * s at slice k, a {@code byte[]} whose non-zero pixels belong to the segment (null for an empty plane).
     */
    static SegmentationFrames ofMasks(int columns, int rows, List<List<byte[]>> masks) {
        return new BytePlaneFrames(columns, rows, masks, true);
    }

    /**
     * One fractional volume per segment for {@link SegmentationType#FRACTIONAL}: {@code fractions.get(s - 1).get(k)}
     * holds the unsigned values 0..Maximum Fractional Value of segment s at slice k (null for all zero).
     */
    static SegmentationFrames ofFractions(int columns, int rows, List<List<byte[]>> fractions) {
        return new BytePlaneFrames(columns, rows, fractions, false);
    }
}
