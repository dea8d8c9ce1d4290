package org.delineate.dicom.seg.meta;

/** The field names of dcmqi's {@code seg-schema.json} (and its {@code common-schema.json} code sequence). */
final class DcmqiNames {

    /** The {@code @schema} value dcmqi's examples carry. */
    static final String SCHEMA_URL = "https://raw.githubusercontent.com/qiicr/dcmqi/master/doc/schemas/seg-schema.json#";

    static final String CONTENT_CREATOR_NAME = "ContentCreatorName";
    static final String CLINICAL_TRIAL_SERIES_ID = "ClinicalTrialSeriesID";
    static final String CLINICAL_TRIAL_TIME_POINT_ID = "ClinicalTrialTimePointID";
    static final String CLINICAL_TRIAL_COORDINATING_CENTER_NAME = "ClinicalTrialCoordinatingCenterName";
    static final String SERIES_DESCRIPTION = "SeriesDescription";
    static final String SERIES_NUMBER = "SeriesNumber";
    static final String INSTANCE_NUMBER = "InstanceNumber";
    static final String BODY_PART_EXAMINED = "BodyPartExamined";
    static final String CONTENT_LABEL = "ContentLabel";
    static final String CONTENT_DESCRIPTION = "ContentDescription";
    static final String SEGMENT_ATTRIBUTES = "segmentAttributes";
    static final String SEGMENT_ATTRIBUTES_FILE_MAPPING = "segmentAttributesFileMapping";

    static final String LABEL_ID = "labelID";
    /** The spelling of early dcmqi examples. */
    static final String LABEL_ID_OLD = "LabelID";
    static final String SEGMENT_LABEL = "SegmentLabel";
    static final String SEGMENT_DESCRIPTION = "SegmentDescription";
    static final String SEGMENT_ALGORITHM_TYPE = "SegmentAlgorithmType";
    static final String SEGMENT_ALGORITHM_NAME = "SegmentAlgorithmName";
    static final String CATEGORY = "SegmentedPropertyCategoryCodeSequence";
    static final String TYPE = "SegmentedPropertyTypeCodeSequence";
    static final String TYPE_MODIFIER = "SegmentedPropertyTypeModifierCodeSequence";
    static final String ANATOMIC_REGION = "AnatomicRegionSequence";
    static final String ANATOMIC_REGION_MODIFIER = "AnatomicRegionModifierSequence";
    static final String RGB = "recommendedDisplayRGBValue";
    static final String CIELAB = "RecommendedDisplayCIELabValue";
    static final String TRACKING_ID = "TrackingIdentifier";
    static final String TRACKING_UID = "TrackingUniqueIdentifier";

    static final String CODE_VALUE = "CodeValue";
    static final String CODING_SCHEME = "CodingSchemeDesignator";
    static final String CODE_MEANING = "CodeMeaning";

    private DcmqiNames() {
    }
}
