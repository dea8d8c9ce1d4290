package org.delineate.dicom.seg;

/**
 * Segment Algorithm Type (0062,0008): how a segment was made. Segment Algorithm Name (0062,0009) is required
 * unless the type is {@link #MANUAL}.
 */
public enum SegmentAlgorithmType {
    /** Calculated by an algorithm without user input. */
    AUTOMATIC,
    /** Calculated by an algorithm with user guidance. */
    SEMIAUTOMATIC,
    /** Drawn by a user. */
    MANUAL
}
