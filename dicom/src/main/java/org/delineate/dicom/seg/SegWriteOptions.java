package org.delineate.dicom.seg;

import java.time.LocalDateTime;

/**
 * How a segmentation is written: its type and the attributes that do not come from the source or the segments.
 * Immutable; start from {@link #builder()}. Values are checked by {@link SegmentationValidator}, not here.
 *
 * @param type Segmentation Type (0062,0001); BINARY by default
 * @param fractionalType Segmentation Fractional Type (0062,0010), for FRACTIONAL only (default PROBABILITY)
 * @param maxFractionalValue Maximum Fractional Value (0062,000E), 1..255, for FRACTIONAL only (default 255)
 * @param keepEmptyFrames true to write frames in which a segment has no pixel; false (default) omits them, but
 *     every segment keeps at least one frame (see {@link SegmentationWriter})
 * @param seriesDescription Series Description (0008,103E), or null
 * @param seriesNumber Series Number (0020,0011)
 * @param instanceNumber Instance Number (0020,0013)
 * @param contentLabel Content Label (0070,0080): a CS value (upper case, digits, space, underscore; 16 characters)
 * @param contentDescription Content Description (0070,0081), or null (written empty)
 * @param contentCreatorName Content Creator's Name (0070,0084) as a PN string ("Family^Given"), or null (empty)
 * @param contentDateTime Content Date (0008,0023) and Content Time (0008,0033), local time; null for now
 * @param manufacturerModelName Manufacturer's Model Name (0008,1090)
 * @param deviceSerialNumber Device Serial Number (0018,1000)
 * @param softwareVersions Software Versions (0018,1020)
 * @param seriesInstanceUid Series Instance UID (0020,000E), or null for a fresh one
 * @param sopInstanceUid SOP Instance UID (0008,0018), or null for a fresh one
 * @param bodyPartExamined Body Part Examined (0018,0015) of the General Series Module, a CS value; null (default) or
 *     blank leaves it out
 * @param clinicalTrialTimePointId Clinical Trial Time Point ID (0012,0050): given (not null), the Clinical Trial Study
 *     Module is written
 * @param clinicalTrialCoordinatingCenterName Clinical Trial Coordinating Center Name (0012,0060)
 * @param clinicalTrialSeriesId Clinical Trial Series ID (0012,0071): either of these two given, the Clinical Trial
 *     Series Module is written, the coordinating center (Type 2) empty when not given
 * @param threads threads that read and pack frames at once, at least 1 (default: the number of processors); the
 *     output is the same for any number
 */
public record SegWriteOptions(SegmentationType type, SegmentationFractionalType fractionalType, int maxFractionalValue,
        boolean keepEmptyFrames, String seriesDescription, int seriesNumber, int instanceNumber, String contentLabel,
        String contentDescription, String contentCreatorName, LocalDateTime contentDateTime,
        String manufacturerModelName, String deviceSerialNumber, String softwareVersions, String seriesInstanceUid,
        String sopInstanceUid, String bodyPartExamined, String clinicalTrialTimePointId,
        String clinicalTrialCoordinatingCenterName, String clinicalTrialSeriesId, int threads) {

    /** Manufacturer (0008,0070) of every segmentation Delineate writes. */
    public static final String MANUFACTURER = "Delineate";

    /** The defaults: BINARY, empty frames omitted, series 1 "Segmentation", instance 1, label "SEGMENTATION". */
    public static SegWriteOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.fractionalType = fractionalType;
        b.maxFractionalValue = maxFractionalValue;
        b.keepEmptyFrames = keepEmptyFrames;
        b.seriesDescription = seriesDescription;
        b.seriesNumber = seriesNumber;
        b.instanceNumber = instanceNumber;
        b.contentLabel = contentLabel;
        b.contentDescription = contentDescription;
        b.contentCreatorName = contentCreatorName;
        b.contentDateTime = contentDateTime;
        b.manufacturerModelName = manufacturerModelName;
        b.deviceSerialNumber = deviceSerialNumber;
        b.softwareVersions = softwareVersions;
        b.seriesInstanceUid = seriesInstanceUid;
        b.sopInstanceUid = sopInstanceUid;
        b.bodyPartExamined = bodyPartExamined;
        b.clinicalTrialTimePointId = clinicalTrialTimePointId;
        b.clinicalTrialCoordinatingCenterName = clinicalTrialCoordinatingCenterName;
        b.clinicalTrialSeriesId = clinicalTrialSeriesId;
        b.threads = threads;
        return b;
    }

    /** Collects {@link SegWriteOptions}; every value starts at its default. */
    public static final class Builder {
        private SegmentationType type = SegmentationType.BINARY;
        private SegmentationFractionalType fractionalType = SegmentationFractionalType.PROBABILITY;
        private int maxFractionalValue = 255;
        private boolean keepEmptyFrames;
        private String seriesDescription = "Segmentation";
        private int seriesNumber = 1;
        private int instanceNumber = 1;
        private String contentLabel = "SEGMENTATION";
        private String contentDescription;
        private String contentCreatorName;
        private LocalDateTime contentDateTime;
        private String manufacturerModelName = "Delineate";
        private String deviceSerialNumber = "0";
        private String softwareVersions = defaultSoftwareVersion();
        private String seriesInstanceUid;
        private String sopInstanceUid;
        private String bodyPartExamined;
        private String clinicalTrialTimePointId;
        private String clinicalTrialCoordinatingCenterName;
        private String clinicalTrialSeriesId;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        public Builder type(SegmentationType v) {
            type = v;
            return this;
        }

        public Builder fractionalType(SegmentationFractionalType v) {
            fractionalType = v;
            return this;
        }

        public Builder maxFractionalValue(int v) {
            maxFractionalValue = v;
            return this;
        }

        public Builder keepEmptyFrames(boolean v) {
            keepEmptyFrames = v;
            return this;
        }

        public Builder seriesDescription(String v) {
            seriesDescription = v;
            return this;
        }

        public Builder seriesNumber(int v) {
            seriesNumber = v;
            return this;
        }

        public Builder instanceNumber(int v) {
            instanceNumber = v;
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

        public Builder contentCreatorName(String v) {
            contentCreatorName = v;
            return this;
        }

        public Builder contentDateTime(LocalDateTime v) {
            contentDateTime = v;
            return this;
        }

        public Builder manufacturerModelName(String v) {
            manufacturerModelName = v;
            return this;
        }

        public Builder deviceSerialNumber(String v) {
            deviceSerialNumber = v;
            return this;
        }

        public Builder softwareVersions(String v) {
            softwareVersions = v;
            return this;
        }

        public Builder seriesInstanceUid(String v) {
            seriesInstanceUid = v;
            return this;
        }

        public Builder sopInstanceUid(String v) {
            sopInstanceUid = v;
            return this;
        }

        public Builder bodyPartExamined(String v) {
            bodyPartExamined = v;
            return this;
        }

        public Builder clinicalTrialTimePointId(String v) {
            clinicalTrialTimePointId = v;
            return this;
        }

        public Builder clinicalTrialCoordinatingCenterName(String v) {
            clinicalTrialCoordinatingCenterName = v;
            return this;
        }

        public Builder clinicalTrialSeriesId(String v) {
            clinicalTrialSeriesId = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public SegWriteOptions build() {
            return new SegWriteOptions(type, fractionalType, maxFractionalValue, keepEmptyFrames, seriesDescription,
                    seriesNumber, instanceNumber, contentLabel, contentDescription, contentCreatorName, contentDateTime,
                    manufacturerModelName, deviceSerialNumber, softwareVersions, seriesInstanceUid, sopInstanceUid,
                    bodyPartExamined, clinicalTrialTimePointId, clinicalTrialCoordinatingCenterName, clinicalTrialSeriesId,
                    threads);
        }

        private static String defaultSoftwareVersion() {
            String v = SegWriteOptions.class.getPackage().getImplementationVersion();
            return v != null ? v : "development";
        }
    }
}
