package org.delineate.dicom.seg.meta;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentDescription;

/**
 * Checks metadata against dcmqi's {@code seg-schema.json} and writes it. Strict: {@link #problems} lists every
 * value the schema (or DICOM, for what the schema leaves open) would refuse, each with its JSON path; the
 * writer refuses metadata with problems. Stateless.
 */
final class DcmqiWriter {

    // Maximum lengths of dcmqi's common-schema.json definitions (PN, LO, SH: 64; CS: 16; IS: 12).
    private static final int PN = 64;
    private static final int LO = 64;
    private static final int SH = 64;
    private static final int CS = 16;
    private static final int IS = 12;
    private static final Pattern INTEGER_STRING = Pattern.compile(" *[+-]?[0-9]+ *");
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final JsonFactory FACTORY = new JsonFactory();

    private DcmqiWriter() {
    }

    /** Every reason the metadata would not validate against dcmqi's schema; empty when it would. */
    static List<String> problems(SegmentationMetadata m) {
        List<String> p = new ArrayList<>();
        maxLength(p, "$." + DcmqiNames.CONTENT_CREATOR_NAME, m.contentCreatorName(), PN);
        maxLength(p, "$." + DcmqiNames.CLINICAL_TRIAL_SERIES_ID, m.clinicalTrialSeriesID(), LO);
        maxLength(p, "$." + DcmqiNames.CLINICAL_TRIAL_TIME_POINT_ID, m.clinicalTrialTimePointID(), LO);
        maxLength(p, "$." + DcmqiNames.CLINICAL_TRIAL_COORDINATING_CENTER_NAME,
                m.clinicalTrialCoordinatingCenterName(), LO);
        maxLength(p, "$." + DcmqiNames.SERIES_DESCRIPTION, m.seriesDescription(), LO);
        integerString(p, "$." + DcmqiNames.SERIES_NUMBER, m.seriesNumber());
        integerString(p, "$." + DcmqiNames.INSTANCE_NUMBER, m.instanceNumber());
        maxLength(p, "$." + DcmqiNames.BODY_PART_EXAMINED, m.bodyPartExamined(), CS);
        maxLength(p, "$." + DcmqiNames.CONTENT_LABEL, m.contentLabel(), CS);
        maxLength(p, "$." + DcmqiNames.CONTENT_DESCRIPTION, m.contentDescription(), LO);
        List<List<LabeledSegment>> files = m.segmentAttributes();
        String path = "$." + DcmqiNames.SEGMENT_ATTRIBUTES;
        if (files.isEmpty()) {
            p.add(path + ": at least one input file with at least one segment is required");
        }
        if (!m.segmentAttributesFileMapping().isEmpty() && m.segmentAttributesFileMapping().size() != files.size()) {
            p.add("$." + DcmqiNames.SEGMENT_ATTRIBUTES_FILE_MAPPING + ": names " + m.segmentAttributesFileMapping().size()
                    + " files but segmentAttributes has " + files.size());
        }
        for (int f = 0; f < files.size(); f++) {
            String filePath = path + "[" + f + "]";
            if (files.get(f).isEmpty()) {
                p.add(filePath + ": an input file needs at least one segment");
            }
            Set<Integer> labels = new HashSet<>();
            for (int s = 0; s < files.get(f).size(); s++) {
                LabeledSegment segment = files.get(f).get(s);
                String here = filePath + "[" + s + "]";
                if (!labels.add(segment.labelValue())) {
                    p.add(here + "." + DcmqiNames.LABEL_ID + ": label value " + segment.labelValue()
                            + " is already used in this file");
                }
                segmentProblems(p, here, segment.description());
            }
        }
        return p;
    }

    private static void segmentProblems(List<String> p, String path, SegmentDescription d) {
        maxLength(p, path + "." + DcmqiNames.SEGMENT_LABEL, d.segmentLabel(), LO);
        maxLength(p, path + "." + DcmqiNames.SEGMENT_ALGORITHM_NAME, d.algorithmName(), LO);
        if (d.algorithmType() == null) {
            p.add(path + "." + DcmqiNames.SEGMENT_ALGORITHM_TYPE + ": required");
        }
        if (d.category() == null) {
            p.add(path + "." + DcmqiNames.CATEGORY + ": required");
        }
        if (d.type() == null) {
            p.add(path + "." + DcmqiNames.TYPE + ": required");
        }
        code(p, path + "." + DcmqiNames.CATEGORY, d.category());
        code(p, path + "." + DcmqiNames.TYPE, d.type());
        code(p, path + "." + DcmqiNames.ANATOMIC_REGION, d.anatomicRegion());
        single(p, path + "." + DcmqiNames.TYPE_MODIFIER, d.typeModifiers());
        single(p, path + "." + DcmqiNames.ANATOMIC_REGION_MODIFIER, d.anatomicRegionModifiers());
        if ((d.trackingId() == null) != (d.trackingUid() == null)) {
            p.add(path + ": " + DcmqiNames.TRACKING_ID + " and " + DcmqiNames.TRACKING_UID
                    + " go together (DICOM requires both or neither)");
        }
        if (d.trackingUid() != null && (d.trackingUid().length() > 64 || !UID.matcher(d.trackingUid()).matches())) {
            p.add(path + "." + DcmqiNames.TRACKING_UID + ": \"" + d.trackingUid()
                    + "\" is not a UID (digits and dots, at most 64 characters)");
        }
    }

    private static void single(List<String> p, String path, List<Code> codes) {
        if (codes.size() > 1) {
            p.add(path + ": dcmqi's schema holds one code here, not " + codes.size());
        }
        if (!codes.isEmpty()) {
            code(p, path, codes.get(0));
        }
    }

    private static void code(List<String> p, String path, Code code) {
        if (code != null) {
            maxLength(p, path + "." + DcmqiNames.CODE_VALUE, code.value(), SH);
            maxLength(p, path + "." + DcmqiNames.CODING_SCHEME, code.schemeDesignator(), SH);
            maxLength(p, path + "." + DcmqiNames.CODE_MEANING, code.meaning(), LO);
        }
    }

    private static void maxLength(List<String> p, String path, String value, int max) {
        if (value != null && value.length() > max) {
            p.add(path + ": " + value.length() + " characters, at most " + max + " allowed");
        }
    }

    private static void integerString(List<String> p, String path, String value) {
        if (value != null && (value.length() > IS || !INTEGER_STRING.matcher(value).matches())) {
            p.add(path + ": \"" + value + "\" is not an integer string (IS) of at most " + IS + " characters");
        }
    }

    /** Writes metadata that has no {@link #problems} as pretty-printed UTF-8 JSON. */
    static void write(SegmentationMetadata m, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("@schema", DcmqiNames.SCHEMA_URL);
            optional(g, DcmqiNames.CONTENT_CREATOR_NAME, m.contentCreatorName());
            optional(g, DcmqiNames.CLINICAL_TRIAL_SERIES_ID, m.clinicalTrialSeriesID());
            optional(g, DcmqiNames.CLINICAL_TRIAL_TIME_POINT_ID, m.clinicalTrialTimePointID());
            optional(g, DcmqiNames.CLINICAL_TRIAL_COORDINATING_CENTER_NAME, m.clinicalTrialCoordinatingCenterName());
            optional(g, DcmqiNames.SERIES_DESCRIPTION, m.seriesDescription());
            optional(g, DcmqiNames.SERIES_NUMBER, m.seriesNumber());
            optional(g, DcmqiNames.INSTANCE_NUMBER, m.instanceNumber());
            optional(g, DcmqiNames.BODY_PART_EXAMINED, m.bodyPartExamined());
            optional(g, DcmqiNames.CONTENT_LABEL, m.contentLabel());
            optional(g, DcmqiNames.CONTENT_DESCRIPTION, m.contentDescription());
            if (!m.segmentAttributesFileMapping().isEmpty()) {
                g.writeArrayFieldStart(DcmqiNames.SEGMENT_ATTRIBUTES_FILE_MAPPING);
                for (String name : m.segmentAttributesFileMapping()) {
                    g.writeString(name);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart(DcmqiNames.SEGMENT_ATTRIBUTES);
            for (List<LabeledSegment> file : m.segmentAttributes()) {
                g.writeStartArray();
                for (LabeledSegment segment : file) {
                    segment(g, segment);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void segment(JsonGenerator g, LabeledSegment segment) throws IOException {
        SegmentDescription d = segment.description();
        g.writeStartObject();
        g.writeNumberField(DcmqiNames.LABEL_ID, segment.labelValue());
        optional(g, DcmqiNames.SEGMENT_LABEL, d.segmentLabel());
        optional(g, DcmqiNames.SEGMENT_DESCRIPTION, d.segmentDescription());
        code(g, DcmqiNames.CATEGORY, d.category());
        code(g, DcmqiNames.TYPE, d.type());
        code(g, DcmqiNames.TYPE_MODIFIER, d.typeModifiers().isEmpty() ? null : d.typeModifiers().get(0));
        code(g, DcmqiNames.ANATOMIC_REGION, d.anatomicRegion());
        code(g, DcmqiNames.ANATOMIC_REGION_MODIFIER,
                d.anatomicRegionModifiers().isEmpty() ? null : d.anatomicRegionModifiers().get(0));
        g.writeStringField(DcmqiNames.SEGMENT_ALGORITHM_TYPE, d.algorithmType().name());
        optional(g, DcmqiNames.SEGMENT_ALGORITHM_NAME, d.algorithmName());
        int[] rgb = d.recommendedDisplayRgb();
        if (rgb != null) {
            g.writeArrayFieldStart(DcmqiNames.RGB);
            for (int c : rgb) {
                g.writeNumber(c);
            }
            g.writeEndArray();
        }
        optional(g, DcmqiNames.TRACKING_ID, d.trackingId());
        optional(g, DcmqiNames.TRACKING_UID, d.trackingUid());
        g.writeEndObject();
    }

    private static void code(JsonGenerator g, String name, Code code) throws IOException {
        if (code != null) {
            g.writeObjectFieldStart(name);
            g.writeStringField(DcmqiNames.CODE_VALUE, code.value());
            g.writeStringField(DcmqiNames.CODING_SCHEME, code.schemeDesignator());
            g.writeStringField(DcmqiNames.CODE_MEANING, code.meaning());
            g.writeEndObject();
        }
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
