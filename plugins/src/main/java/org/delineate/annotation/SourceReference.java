package org.delineate.annotation;

import java.util.List;

import org.delineate.dicom.volume.SourceFrame;

/**
 * The DICOM images an annotation was drawn on, so that it can be saved as DICOM-SEG referencing them.
 * Immutable.
 *
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
 * @param frames the source frame of each slice, slice 0 first
 */
public record SourceReference(String studyInstanceUid, String seriesInstanceUid, String frameOfReferenceUid,
        List<SourceFrame> frames) {

    public SourceReference {
        frames = List.copyOf(frames);
    }
}
