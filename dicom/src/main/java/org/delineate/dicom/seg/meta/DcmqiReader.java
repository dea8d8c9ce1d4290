package org.delineate.dicom.seg.meta;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.DisplayColor;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;

/**
 * Interprets a parsed dcmqi metadata JSON tolerantly: unknown fields are ignored and reported, optional fields
 * may be missing, common deviations (the old {@code LabelID} spelling, numbers where strings are expected, a
 * code sequence given as an array) are accepted and reported. Values of the wrong kind that cannot be
 * interpreted are errors naming the JSON path. One instance reads one file; not thread-safe.
 */
final class DcmqiReader {

    private static final Set<String> SERIES_FIELDS = Set.of("@schema", DcmqiNames.CONTENT_CREATOR_NAME,
            DcmqiNames.CLINICAL_TRIAL_SERIES_ID, DcmqiNames.CLINICAL_TRIAL_TIME_POINT_ID,
            DcmqiNames.CLINICAL_TRIAL_COORDINATING_CENTER_NAME, DcmqiNames.SERIES_DESCRIPTION,
            DcmqiNames.SERIES_NUMBER, DcmqiNames.INSTANCE_NUMBER, DcmqiNames.BODY_PART_EXAMINED,
            DcmqiNames.CONTENT_LABEL, DcmqiNames.CONTENT_DESCRIPTION, DcmqiNames.SEGMENT_ATTRIBUTES,
            DcmqiNames.SEGMENT_ATTRIBUTES_FILE_MAPPING);

    private static final Set<String> SEGMENT_FIELDS = Set.of(DcmqiNames.LABEL_ID, DcmqiNames.SEGMENT_LABEL,
            DcmqiNames.SEGMENT_DESCRIPTION, DcmqiNames.SEGMENT_ALGORITHM_TYPE, DcmqiNames.SEGMENT_ALGORITHM_NAME,
            DcmqiNames.CATEGORY, DcmqiNames.TYPE, DcmqiNames.TYPE_MODIFIER, DcmqiNames.ANATOMIC_REGION,
            DcmqiNames.ANATOMIC_REGION_MODIFIER, DcmqiNames.RGB, DcmqiNames.CIELAB, DcmqiNames.TRACKING_ID,
            DcmqiNames.TRACKING_UID);

    private static final Set<String> CODE_FIELDS = Set.of(DcmqiNames.CODE_VALUE, DcmqiNames.CODING_SCHEME,
            DcmqiNames.CODE_MEANING);

    private final String source;
    private final List<String> warnings = new ArrayList<>();

    DcmqiReader(String source) {
        this.source = source;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    SegmentationMetadata read(Object root) throws MetadataFormatException {
        Map<String, Object> top = object(root, "$");
        for (String name : top.keySet()) {
            if (!SERIES_FIELDS.contains(name)) {
                warn("$." + name, "unknown field, ignored");
            }
        }
        SegmentationMetadata.Builder b = SegmentationMetadata.builder()
                .contentCreatorName(string(top, "$", DcmqiNames.CONTENT_CREATOR_NAME))
                .clinicalTrialSeriesID(string(top, "$", DcmqiNames.CLINICAL_TRIAL_SERIES_ID))
                .clinicalTrialTimePointID(string(top, "$", DcmqiNames.CLINICAL_TRIAL_TIME_POINT_ID))
                .clinicalTrialCoordinatingCenterName(string(top, "$", DcmqiNames.CLINICAL_TRIAL_COORDINATING_CENTER_NAME))
                .seriesDescription(string(top, "$", DcmqiNames.SERIES_DESCRIPTION))
                .seriesNumber(string(top, "$", DcmqiNames.SERIES_NUMBER))
                .instanceNumber(string(top, "$", DcmqiNames.INSTANCE_NUMBER))
                .bodyPartExamined(string(top, "$", DcmqiNames.BODY_PART_EXAMINED))
                .contentLabel(string(top, "$", DcmqiNames.CONTENT_LABEL))
                .contentDescription(string(top, "$", DcmqiNames.CONTENT_DESCRIPTION));
        Object mapping = top.get(DcmqiNames.SEGMENT_ATTRIBUTES_FILE_MAPPING);
        if (mapping != null) {
            String path = "$." + DcmqiNames.SEGMENT_ATTRIBUTES_FILE_MAPPING;
            List<Object> names = array(mapping, path);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                files.add(stringValue(names.get(i), path + "[" + i + "]"));
            }
            b.segmentAttributesFileMapping(files);
        }
        String path = "$." + DcmqiNames.SEGMENT_ATTRIBUTES;
        Object attributes = top.get(DcmqiNames.SEGMENT_ATTRIBUTES);
        List<List<LabeledSegment>> files = new ArrayList<>();
        if (attributes == null) {
            warn(path, "missing: no segments");
        } else {
            List<Object> outer = array(attributes, path);
            for (int f = 0; f < outer.size(); f++) {
                String filePath = path + "[" + f + "]";
                List<Object> inner = array(outer.get(f), filePath);
                List<LabeledSegment> segments = new ArrayList<>();
                Set<Integer> labels = new HashSet<>();
                for (int s = 0; s < inner.size(); s++) {
                    LabeledSegment segment = segment(inner.get(s), filePath + "[" + s + "]");
                    if (!labels.add(segment.labelValue())) {
                        warn(filePath + "[" + s + "]", "labelID " + segment.labelValue()
                                + " appears twice in this file");
                    }
                    segments.add(segment);
                }
                files.add(segments);
            }
        }
        return b.segmentAttributes(files).build();
    }

    private LabeledSegment segment(Object value, String path) throws MetadataFormatException {
        Map<String, Object> item = object(value, path);
        for (String name : item.keySet()) {
            if (!SEGMENT_FIELDS.contains(name) && !name.equals(DcmqiNames.LABEL_ID_OLD)) {
                warn(path + "." + name, "unknown field, ignored");
            }
        }
        int label = labelId(item, path);
        SegmentDescription.Builder d = SegmentDescription.builder()
                .segmentLabel(string(item, path, DcmqiNames.SEGMENT_LABEL))
                .segmentDescription(string(item, path, DcmqiNames.SEGMENT_DESCRIPTION))
                .algorithmType(algorithmType(item, path))
                .algorithmName(string(item, path, DcmqiNames.SEGMENT_ALGORITHM_NAME))
                .category(singleCode(item, path, DcmqiNames.CATEGORY, true))
                .type(singleCode(item, path, DcmqiNames.TYPE, true))
                .typeModifiers(codes(item, path, DcmqiNames.TYPE_MODIFIER))
                .anatomicRegion(singleCode(item, path, DcmqiNames.ANATOMIC_REGION, false))
                .anatomicRegionModifiers(codes(item, path, DcmqiNames.ANATOMIC_REGION_MODIFIER))
                .trackingId(string(item, path, DcmqiNames.TRACKING_ID))
                .trackingUid(string(item, path, DcmqiNames.TRACKING_UID));
        int[] rgb = triple(item, path, DcmqiNames.RGB, 255);
        int[] lab = triple(item, path, DcmqiNames.CIELAB, 65535);
        if (rgb == null && lab != null) {
            rgb = DisplayColor.dicomLabToRgb(lab);
        }
        d.recommendedDisplayRgb(rgb);
        return new LabeledSegment(label, d.build());
    }

    private int labelId(Map<String, Object> item, String path) throws MetadataFormatException {
        String name = DcmqiNames.LABEL_ID;
        Object value = item.get(name);
        if (value == null && item.containsKey(DcmqiNames.LABEL_ID_OLD)) {
            name = DcmqiNames.LABEL_ID_OLD;
            value = item.get(name);
            warn(path + "." + name, "old spelling of " + DcmqiNames.LABEL_ID + ", accepted");
        }
        if (value == null) {
            warn(path, DcmqiNames.LABEL_ID + " missing: 1 assumed (the schema's default)");
            return 1;
        }
        long label;
        if (value instanceof Long l) {
            label = l;
        } else if (value instanceof BigDecimal dec && dec.stripTrailingZeros().scale() <= 0) {
            label = dec.longValue();
            warn(path + "." + name, "a number with a fraction part where an integer is expected, accepted");
        } else if (value instanceof String s && s.strip().matches("[0-9]{1,9}")) {
            label = Long.parseLong(s.strip());
            warn(path + "." + name, "a string where an integer is expected, accepted");
        } else if (value instanceof BigInteger) {
            label = -1;
        } else {
            throw new MetadataFormatException(source, path + "." + name, "expected an integer label value, found "
                    + JsonText.describe(value));
        }
        if (label < 1 || label > 0xFFFF) {
            throw new MetadataFormatException(source, path + "." + name, "expected a label value 1 to 65535, found "
                    + JsonText.describe(value));
        }
        return (int) label;
    }

    private SegmentAlgorithmType algorithmType(Map<String, Object> item, String path)
            throws MetadataFormatException {
        String value = string(item, path, DcmqiNames.SEGMENT_ALGORITHM_TYPE);
        if (value == null) {
            warn(path, DcmqiNames.SEGMENT_ALGORITHM_TYPE + " missing (required by dcmqi's schema)");
            return null;
        }
        for (SegmentAlgorithmType t : SegmentAlgorithmType.values()) {
            if (t.name().equals(value.strip())) {
                return t;
            }
            if (t.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                warn(path + "." + DcmqiNames.SEGMENT_ALGORITHM_TYPE, "\"" + value + "\" is not upper case, accepted");
                return t;
            }
        }
        warn(path + "." + DcmqiNames.SEGMENT_ALGORITHM_TYPE, "\"" + value
                + "\" is not AUTOMATIC, SEMIAUTOMATIC or MANUAL, ignored");
        return null;
    }

    /** A code from an object, or from the first item of an array of objects; null when absent or incomplete. */
    private Code singleCode(Map<String, Object> item, String path, String name, boolean required)
            throws MetadataFormatException {
        List<Code> codes = codes(item, path, name);
        if (codes.size() > 1) {
            warn(path + "." + name, "holds " + codes.size() + " codes where one is expected: the first is used");
        }
        if (codes.isEmpty() && required) {
            warn(path, name + " missing or incomplete (required by dcmqi's schema)");
        }
        return codes.isEmpty() ? null : codes.get(0);
    }

    private List<Code> codes(Map<String, Object> item, String path, String name) throws MetadataFormatException {
        Object value = item.get(name);
        String here = path + "." + name;
        List<Code> codes = new ArrayList<>();
        if (value == null) {
            return codes;
        }
        if (value instanceof List<?> list) {
            warn(here, "an array where dcmqi's schema has one object, accepted");
            for (int i = 0; i < list.size(); i++) {
                Code code = code(list.get(i), here + "[" + i + "]");
                if (code != null) {
                    codes.add(code);
                }
            }
        } else {
            Code code = code(value, here);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    private Code code(Object value, String path) throws MetadataFormatException {
        Map<String, Object> item = object(value, path);
        for (String name : item.keySet()) {
            if (!CODE_FIELDS.contains(name)) {
                warn(path + "." + name, "unknown field, ignored");
            }
        }
        String codeValue = string(item, path, DcmqiNames.CODE_VALUE);
        String scheme = string(item, path, DcmqiNames.CODING_SCHEME);
        String meaning = string(item, path, DcmqiNames.CODE_MEANING);
        if (blank(codeValue) || blank(scheme) || blank(meaning)) {
            warn(path, "a code needs CodeValue, CodingSchemeDesignator and CodeMeaning: ignored");
            return null;
        }
        return new Code(codeValue.strip(), scheme.strip(), meaning.strip());
    }

    private int[] triple(Map<String, Object> item, String path, String name, int max)
            throws MetadataFormatException {
        Object value = item.get(name);
        if (value == null) {
            return null;
        }
        String here = path + "." + name;
        List<Object> list = array(value, here);
        if (list.size() != 3) {
            throw new MetadataFormatException(source, here, "expected 3 integers 0 to " + max + ", found "
                    + list.size() + " values");
        }
        int[] result = new int[3];
        for (int i = 0; i < 3; i++) {
            Object c = list.get(i);
            if (!(c instanceof Long l) || l < 0 || l > max) {
                throw new MetadataFormatException(source, here + "[" + i + "]", "expected an integer 0 to " + max
                        + ", found " + JsonText.describe(c));
            }
            result[i] = (int) (long) l;
        }
        return result;
    }

    private String string(Map<String, Object> object, String path, String name) throws MetadataFormatException {
        Object value = object.get(name);
        return value == null ? null : stringValue(value, path + "." + name);
    }

    private String stringValue(Object value, String path) throws MetadataFormatException {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
            warn(path, "a number where dcmqi's schema has a string, accepted");
            return value.toString();
        }
        throw new MetadataFormatException(source, path, "expected a string, found " + JsonText.describe(value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String path) throws MetadataFormatException {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new MetadataFormatException(source, path, "expected an object, found " + JsonText.describe(value));
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(Object value, String path) throws MetadataFormatException {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        throw new MetadataFormatException(source, path, "expected an array, found " + JsonText.describe(value));
    }

    private void warn(String path, String message) {
        warnings.add(source + ": at " + path + ": " + message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
