package org.delineate.dicom.seg;

import java.util.List;

/**
 * Who a segmentation instance is and what it refers to (General Series, SOP Common, Segmentation Series,
 * Common Instance Reference, Content Identification, Clinical Trial Study and Clinical Trial Series modules), as
 * read; absent and empty values are null. Immutable.
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
 * @param contentCreatorName Content Creator's Name (0070,0084), as its PN string ("Family^Given")
 * @param bodyPartExamined Body Part Examined (0018,0015)
 * @param clinicalTrialTimePointId Clinical Trial Time Point ID (0012,0050)
 * @param clinicalTrialCoordinatingCenterName Clinical Trial Coordinating Center Name (0012,0060)
 * @param clinicalTrialSeriesId Clinical Trial Series ID (0012,0071)
 */
public record SegmentationInfo(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, Integer seriesNumber, Integer instanceNumber, String seriesDescription,
        String contentLabel, String contentDescription, String frameOfReferenceUid, List<String> referencedSeriesUids,
        String contentCreatorName, String bodyPartExamined, String clinicalTrialTimePointId,
        String clinicalTrialCoordinatingCenterName, String clinicalTrialSeriesId) {

    public SegmentationInfo {
        referencedSeriesUids = List.copyOf(referencedSeriesUids);
    }
}
