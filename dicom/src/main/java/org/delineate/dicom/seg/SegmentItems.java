package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;

/**
 * Reads the Segment Sequence (0062,0002) into {@link SegmentDescription}s, tolerantly: an absent or
 * unreadable value becomes null and a note naming its attribute path. Only a missing sequence or a
 * missing or repeated Segment Number is an error, since frames cannot be attributed without them.
 */
final class SegmentItems {

    /** The descriptions in sequence order, the raw CIELab triple of each segment that has one, and notes. */
    record Result(List<SegmentDescription> segments, Map<Integer, int[]> cieLab, List<String> notes) {
    }

    private SegmentItems() {
    }

    static Result read(DataSet ds, String source) throws DicomFormatException {
        Sequence items = ds.getSequence(Tag.SegmentSequence);
        if (items == null || items.isEmpty()) {
            throw new DicomFormatException(source, -1, Tag.SegmentSequence, "missing or empty; expected one item per segment");
        }
        List<SegmentDescription> segments = new ArrayList<>();
        Map<Integer, int[]> lab = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            DataSet item = items.get(n);
            String path = Tags.toString(Tag.SegmentSequence) + "[" + (n + 1) + "].";
            int[] numbers = item.getInts(Tag.SegmentNumber);
            if (numbers.length == 0) {
                throw new DicomFormatException(source, -1, Tag.SegmentNumber, "missing at " + path
                        + Tags.toString(Tag.SegmentNumber) + "; expected the segment's number (1 to 65535)");
            }
            int number = numbers[0];
            if (segments.stream().anyMatch(s -> s.segmentNumber() == number)) {
                throw new DicomFormatException(source, -1, Tag.SegmentNumber, "Segment Number " + number + " at " + path
                        + Tags.toString(Tag.SegmentNumber) + " is used by an earlier item; expected unique numbers");
            }
            SegmentDescription.Builder b = SegmentDescription.builder().segmentNumber(number);
            b.segmentLabel(text(item, Tag.SegmentLabel, path, notes, true));
            b.segmentDescription(item.getString(Tag.SegmentDescription));
            b.algorithmType(algorithmType(item, path, notes));
            b.algorithmName(item.getString(Tag.SegmentAlgorithmName));
            b.category(code(item, Tag.SegmentedPropertyCategoryCodeSequence, path, notes, true));
            b.type(code(item, Tag.SegmentedPropertyTypeCodeSequence, path, notes, true));
            b.typeModifiers(typeModifiers(item, path, notes));
            b.anatomicRegion(code(item, Tag.AnatomicRegionSequence, path, notes, false));
            b.anatomicRegionModifiers(anatomicModifiers(item, path, notes));
            int[] cieLab = item.getInts(Tag.RecommendedDisplayCIELabValue);
            if (cieLab.length == 3) {
                lab.put(number, cieLab);
                b.recommendedDisplayRgb(DisplayColor.dicomLabToRgb(cieLab));
            } else if (cieLab.length != 0) {
                notes.add(path + Tags.toString(Tag.RecommendedDisplayCIELabValue) + " has " + cieLab.length
                        + " values, expected 3; the segment has no display color");
            }
            b.trackingId(item.getString(Tag.TrackingID));
            b.trackingUid(item.getString(Tag.TrackingUID));
            segments.add(b.build());
        }
        return new Result(segments, lab, notes);
    }

    private static String text(DataSet item, int tag, String path, List<String> notes, boolean required) {
        String value = item.getString(tag);
        if ((value == null || value.isBlank()) && required) {
            notes.add(path + Tags.toString(tag) + " is missing; read as null");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SegmentAlgorithmType algorithmType(DataSet item, String path, List<String> notes) {
        String value = text(item, Tag.SegmentAlgorithmType, path, notes, true);
        if (value == null) {
            return null;
        }
        try {
            return SegmentAlgorithmType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            notes.add(path + Tags.toString(Tag.SegmentAlgorithmType) + " is \"" + value
                    + "\", expected AUTOMATIC, SEMIAUTOMATIC or MANUAL; read as null");
            return null;
        }
    }

    private static Code code(DataSet item, int tag, String path, List<String> notes, boolean required) {
        Sequence seq = item.getSequence(tag);
        if (seq == null || seq.isEmpty()) {
            if (required) {
                notes.add(path + Tags.toString(tag) + " is missing; read as null");
            }
            return null;
        }
        Code code = Code.fromItem(seq.get(0));
        if (code == null) {
            notes.add(path + Tags.toString(tag) + "[1] lacks a code value, scheme or meaning; read as null");
        }
        return code;
    }

    private static List<Code> codes(DataSet item, int tag, String path, List<String> notes) {
        Sequence seq = item.getSequence(tag);
        List<Code> codes = new ArrayList<>();
        if (seq == null) {
            return codes;
        }
        for (int i = 0; i < seq.size(); i++) {
            Code code = Code.fromItem(seq.get(i));
            if (code == null) {
                notes.add(path + Tags.toString(tag) + "[" + (i + 1) + "] lacks a code value, scheme or meaning; left out");
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * Segmented Property Type Modifier Code Sequence (0062,0011), nested in the first Segmented Property Type Code
     * Sequence item (PS3.3 Table 10-26); found at the segment item's top level instead, it is read with a note.
     */
    private static List<Code> typeModifiers(DataSet item, String path, List<String> notes) {
        Sequence type = item.getSequence(Tag.SegmentedPropertyTypeCodeSequence);
        if (type != null && !type.isEmpty() && type.get(0).getSequence(Tag.SegmentedPropertyTypeModifierCodeSequence) != null) {
            return codes(type.get(0), Tag.SegmentedPropertyTypeModifierCodeSequence,
                    path + Tags.toString(Tag.SegmentedPropertyTypeCodeSequence) + "[1].", notes);
        }
        if (item.getSequence(Tag.SegmentedPropertyTypeModifierCodeSequence) == null) {
            return List.of();
        }
        notes.add(path + Tags.toString(Tag.SegmentedPropertyTypeModifierCodeSequence) + " is in the segment item, "
                + "expected inside " + Tags.toString(Tag.SegmentedPropertyTypeCodeSequence) + "[1]; read from there");
        return codes(item, Tag.SegmentedPropertyTypeModifierCodeSequence, path, notes);
    }

    /** Anatomic Region Modifier Sequence (0008,2220) nested in the first Anatomic Region Sequence item. */
    private static List<Code> anatomicModifiers(DataSet item, String path, List<String> notes) {
        Sequence region = item.getSequence(Tag.AnatomicRegionSequence);
        if (region == null || region.isEmpty()) {
            return List.of();
        }
        return codes(region.get(0), Tag.AnatomicRegionModifierSequence,
                path + Tags.toString(Tag.AnatomicRegionSequence) + "[1].", notes);
    }
}
