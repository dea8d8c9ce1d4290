package org.delineate.dicom.volume;

/**
 * The DICOM image a slice of a volume came from.
 *
 * @param sopClassUid the SOP Class UID of the source instance
 * @param sopInstanceUid the SOP Instance UID of the source instance
 * @param frameNumber the frame of a multi-frame instance, 1-based as in DICOM; 0 for single-frame instances
 */
public record SourceFrame(String sopClassUid, String sopInstanceUid, int frameNumber) {
}
