package org.delineate.dicom.seg;

/**
 * A segment as it appears in a label image: the voxel value that marks it and what it is. dcmqi's metadata
 * calls the value {@code labelID}. Writing renumbers segments 1..N; the label value is what our JSON keeps so
 * that the original labels can be restored.
 *
 * @param labelValue the voxel value of this segment in the label image, at least 1
 * @param description the segment's description; its Segment Number may still be 0 (unassigned)
 */
public record LabeledSegment(int labelValue, SegmentDescription description) {

    public LabeledSegment {
        if (labelValue < 1) {
            throw new IllegalArgumentException("a segment's label value is at least 1, not " + labelValue);
        }
        if (description == null) {
            throw new IllegalArgumentException("label value " + labelValue + " has no segment description");
        }
    }
}
