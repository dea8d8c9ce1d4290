package org.delineate.dicom.seg;

import java.util.List;

/**
 * Who a segmentation instance is and what it refers to (General Series, SOP Common, Segmentation Series,
 * Common Instance Reference and Content Identification modules), as read; absent values are null. Immutable.
 *
 * @param sopClassUid SOP Class UID (0008,0016): Segmentation Storage or Label Map Segmentation Storage
 * @param sopInstanceUid SOP Instance UID (0008,0018)
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param seriesNumber Series Number (0020,0011), or null
 * @param instanceNumber Instance Number (0020,0013), or null
 * @param seriesDescription Series Description (0008,103E)
 * @param contentLabel Content Label (0070,0080)
 * @param contentDescription Content Description (0070,0081)
 * @param frameOfReferenceUid Frame of Reference UID (0020,0052)
 * @param referencedSeriesUids Series Instance UIDs of the Referenced Series Sequence (0008,1115), possibly empty
 */
public record SegmentationInfo(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, Integer seriesNumber, Integer instanceNumber, String seriesDescription,
        String contentLabel, String contentDescription, String frameOfReferenceUid, List<String> referencedSeriesUids) {

    public SegmentationInfo {
        referencedSeriesUids = List.copyOf(referencedSeriesUids);
    }
}
