package org.delineate.dicom.seg;

import org.delineate.dicom.dict.UID;

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
    LABELMAP;

    /**
     * Label Map Segmentation Storage, 1.2.840.10008.5.1.4.1.1.66.7 (Supplement 243, PS3.4 B.5), not yet in the
     * generated UID table; the one place Delineate's SEG code names it.
     */
    public static final String LABEL_MAP_SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.7";

    /** The SOP Class UID of a segmentation of this type: Label Map Segmentation Storage or Segmentation Storage. */
    public String sopClassUid() {
        return this == LABELMAP ? LABEL_MAP_SEGMENTATION_STORAGE : UID.SegmentationStorage;
    }
}
