package org.delineate.dicom.seg;

/**
 * Segmentation Type (0062,0001): how a segmentation's frames encode membership.
 */
public enum SegmentationType {
    /** One bit per pixel (BitsAllocated 1), one frame per segment and position; segments may overlap. */
    BINARY,
    /** One byte per pixel, 0 to Maximum Fractional Value, meaning probability or occupancy. */
    FRACTIONAL,
    /**
     * One label value per pixel, 8 or 16 bits, each value the Segment Number (0 background); one frame per
     * position, segments cannot overlap. Label Map Segmentation Storage (Supplement 243).
     */
    LABELMAP
}
