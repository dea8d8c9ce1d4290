package org.delineate.dicom.seg;

/**
 * Segmentation Fractional Type (0062,0010) of a {@link SegmentationType#FRACTIONAL} segmentation.
 */
public enum SegmentationFractionalType {
    /** The value is the probability that the pixel belongs to the segment. */
    PROBABILITY,
    /** The value is the fraction of the pixel's volume the segment occupies. */
    OCCUPANCY
}
