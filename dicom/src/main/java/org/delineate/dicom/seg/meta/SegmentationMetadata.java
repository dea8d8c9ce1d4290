package org.delineate.dicom.seg.meta;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.seg.LabeledSegment;

/**
 * What a segmentation series says about itself and its segments, as dcmqi's segment metadata JSON holds it
 * (its {@code seg-schema}): series-level attributes and, for each input label file, the segments found in it.
 * Immutable; every attribute may be null (absent). The attribute names are the DICOM keywords dcmqi uses.
 *
 * <p>{@code segmentAttributes} keeps dcmqi's shape, a list of lists: the outer index is the 0-based index of
 * the input label file (label image), the inner list holds the segments of that file in the order given, each
 * with the voxel value that marks it there ({@code labelID}). The same label value may appear in different
 * files (overlapping segments come as separate files). Segment Numbers of the descriptions are 0 (unassigned)
 * after reading; whoever writes the SEG numbers the segments.
 *
 * @param contentCreatorName Content Creator's Name (0070,0084), a person name such as {@code Doe^John}
 * @param clinicalTrialSeriesID Clinical Trial Series ID (0012,0071)
 * @param clinicalTrialTimePointID Clinical Trial Time Point ID (0012,0050)
 * @param clinicalTrialCoordinatingCenterName Clinical Trial Coordinating Center Name (0012,0060)
 * @param seriesDescription Series Description (0008,103E)
 * @param seriesNumber Series Number (0020,0011), an IS value such as {@code "300"}
 * @param instanceNumber Instance Number (0020,0013), an IS value
 * @param bodyPartExamined Body Part Examined (0018,0015), a CS value
 * @param contentLabel Content Label (0070,0080), a CS value
 * @param contentDescription Content Description (0070,0081)
 * @param segmentAttributes the segments per input file (never null, possibly empty; lists are unmodifiable)
 * @param segmentAttributesFileMapping dcmqi's optional {@code segmentAttributesFileMapping}: for each input
 *     file, its name; empty when absent
 */
public record SegmentationMetadata(String contentCreatorName, String clinicalTrialSeriesID,
        String clinicalTrialTimePointID, String clinicalTrialCoordinatingCenterName, String seriesDescription,
        String seriesNumber, String instanceNumber, String bodyPartExamined, String contentLabel,
        String contentDescription, List<List<LabeledSegment>> segmentAttributes,
        List<String> segmentAttributesFileMapping) {

    public SegmentationMetadata {
        List<List<LabeledSegment>> copy = new ArrayList<>();
        if (segmentAttributes != null) {
            for (List<LabeledSegment> file : segmentAttributes) {
                if (file == null) {
                    throw new IllegalArgumentException("segmentAttributes[" + copy.size() + "] is null");
                }
                copy.add(List.copyOf(file));
            }
        }
        segmentAttributes = List.copyOf(copy);
        segmentAttributesFileMapping = segmentAttributesFileMapping == null ? List.of()
                : List.copyOf(segmentAttributesFileMapping);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this metadata's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.contentCreatorName = contentCreatorName;
        b.clinicalTrialSeriesID = clinicalTrialSeriesID;
        b.clinicalTrialTimePointID = clinicalTrialTimePointID;
        b.clinicalTrialCoordinatingCenterName = clinicalTrialCoordinatingCenterName;
        b.seriesDescription = seriesDescription;
        b.seriesNumber = seriesNumber;
        b.instanceNumber = instanceNumber;
        b.bodyPartExamined = bodyPartExamined;
        b.contentLabel = contentLabel;
        b.contentDescription = contentDescription;
        b.segmentAttributes = segmentAttributes;
        b.segmentAttributesFileMapping = segmentAttributesFileMapping;
        return b;
    }

    /** All segments of all files, in file order, then in the order given within each file. */
    public List<LabeledSegment> allSegments() {
        List<LabeledSegment> all = new ArrayList<>();
        segmentAttributes.forEach(all::addAll);
        return List.copyOf(all);
    }

    /** Collects a {@link SegmentationMetadata}; unset values are null, lists empty. */
    public static final class Builder {
        private String contentCreatorName;
        private String clinicalTrialSeriesID;
        private String clinicalTrialTimePointID;
        private String clinicalTrialCoordinatingCenterName;
        private String seriesDescription;
        private String seriesNumber;
        private String instanceNumber;
        private String bodyPartExamined;
        private String contentLabel;
        private String contentDescription;
        private List<List<LabeledSegment>> segmentAttributes = List.of();
        private List<String> segmentAttributesFileMapping = List.of();

        private Builder() {
        }

        public Builder contentCreatorName(String v) {
            contentCreatorName = v;
            return this;
        }

        public Builder clinicalTrialSeriesID(String v) {
            clinicalTrialSeriesID = v;
            return this;
        }

        public Builder clinicalTrialTimePointID(String v) {
            clinicalTrialTimePointID = v;
            return this;
        }

        public Builder clinicalTrialCoordinatingCenterName(String v) {
            clinicalTrialCoordinatingCenterName = v;
            return this;
        }

        public Builder seriesDescription(String v) {
            seriesDescription = v;
            return this;
        }

        public Builder seriesNumber(String v) {
            seriesNumber = v;
            return this;
        }

        public Builder instanceNumber(String v) {
            instanceNumber = v;
            return this;
        }

        public Builder bodyPartExamined(String v) {
            bodyPartExamined = v;
            return this;
        }

        public Builder contentLabel(String v) {
            contentLabel = v;
            return this;
        }

        public Builder contentDescription(String v) {
            contentDescription = v;
            return this;
        }

        /** The segments per input label file (outer index: 0-based file index). */
        public Builder segmentAttributes(List<List<LabeledSegment>> v) {
            segmentAttributes = v;
            return this;
        }

        /** All segments in one label file. */
        public Builder singleFile(List<LabeledSegment> v) {
            segmentAttributes = List.of(v);
            return this;
        }

        public Builder segmentAttributesFileMapping(List<String> v) {
            segmentAttributesFileMapping = v;
            return this;
        }

        public SegmentationMetadata build() {
            return new SegmentationMetadata(contentCreatorName, clinicalTrialSeriesID, clinicalTrialTimePointID,
                    clinicalTrialCoordinatingCenterName, seriesDescription, seriesNumber, instanceNumber,
                    bodyPartExamined, contentLabel, contentDescription, segmentAttributes,
                    segmentAttributesFileMapping);
        }
    }
}
