package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Checks everything a segmentation is made of before it is written and returns every problem at once, each with
 * the attribute path where it would show in the written object ({@code (0062,0002)[1].(0062,0009)}, items
 * 1-based). Stateless; the checks of the pixel content read every frame once.
 */
public final class SegmentationValidator {

    /** DICOM's retired designator for SNOMED; segmentations must use {@code SCT}. */
    static final String RETIRED_SNOMED = "SRT";

    private SegmentationValidator() {
    }

    /**
     * All problems of writing {@code frames} with {@code segments} (segment s = {@code segments.get(s - 1)}) on
     * {@code source} with {@code options}; empty when the segmentation can be written.
     */
    public static List<SegmentationProblem> validate(SegmentationSource source, SegmentationFrames frames,
            List<SegmentDescription> segments, SegWriteOptions options) {
        List<SegmentationProblem> problems = checkMetadata(source, frames, segments, options);
        if (problems.stream().noneMatch(p -> p.path().isEmpty())) {
            SegFramePlan.scan(frames, options, problems);
        }
        return problems;
    }

    /** The checks that do not read pixels; grid mismatches get an empty path (and stop the pixel checks). */
    static List<SegmentationProblem> checkMetadata(SegmentationSource source, SegmentationFrames frames,
            List<SegmentDescription> segments, SegWriteOptions options) {
        List<SegmentationProblem> problems = new ArrayList<>();
        checkGrid(source, frames, segments, problems);
        checkSource(source, problems);
        checkOptions(options, segments.size(), problems);
        for (int s = 0; s < segments.size(); s++) {
            checkSegment(segments.get(s), "(0062,0002)[" + (s + 1) + "]", problems);
        }
        return problems;
    }

    static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    private static void checkGrid(SegmentationSource source, SegmentationFrames frames, List<SegmentDescription> segments,
            List<SegmentationProblem> problems) {
        if (frames.columns() != source.columns() || frames.rows() != source.rows() || frames.slices() != source.slices()) {
            problems.add(new SegmentationProblem("", "the segmentation is " + frames.columns() + " x " + frames.rows()
                    + " x " + frames.slices() + " (columns x rows x slices), but its source is " + source.columns()
                    + " x " + source.rows() + " x " + source.slices()));
        }
        if (segments.isEmpty()) {
            problems.add(new SegmentationProblem(tag(Tag.SegmentSequence), "a segmentation needs at least one segment"));
        } else if (frames.segmentCount() != segments.size()) {
            problems.add(new SegmentationProblem("", "the frames hold " + frames.segmentCount() + " segments, but "
                    + segments.size() + " segment descriptions were given"));
        }
    }

    private static void checkSource(SegmentationSource source, List<SegmentationProblem> problems) {
        if (!Uids.isValid(source.studyInstanceUid())) {
            problems.add(new SegmentationProblem(tag(Tag.StudyInstanceUID), "the source has no valid Study Instance UID"));
        }
        if (!Uids.isValid(source.frameOfReferenceUid())) {
            problems.add(new SegmentationProblem(tag(Tag.FrameOfReferenceUID),
                    "the source has no valid Frame of Reference UID; a segmentation must share its source's"));
        }
        if (!Uids.isValid(source.seriesInstanceUid())) {
            problems.add(new SegmentationProblem(tag(Tag.ReferencedSeriesSequence) + "[1]." + tag(Tag.SeriesInstanceUID),
                    "the source has no valid Series Instance UID"));
        }
        checkPlane(source, problems);
        for (int k = 0; k < source.slices(); k++) {
            SourceFrame f = source.frames().get(k);
            if (f == null || !Uids.isValid(f.sopInstanceUid())) {
                problems.add(new SegmentationProblem(sourceImagePath(k) + tag(Tag.ReferencedSOPInstanceUID),
                        "source slice " + k + " has no valid SOP Instance UID"));
            }
            if (f == null || !Uids.isValid(f.sopClassUid())) {
                problems.add(new SegmentationProblem(sourceImagePath(k) + tag(Tag.ReferencedSOPClassUID),
                        "source slice " + k + " has no valid SOP Class UID"));
            }
        }
    }

    /** The path of the Source Image Sequence item of slice k's frame, up to the attribute. */
    private static String sourceImagePath(int k) {
        return tag(Tag.PerFrameFunctionalGroupsSequence) + "[" + (k + 1) + "]." + tag(Tag.DerivationImageSequence)
                + "[1]." + tag(Tag.SourceImageSequence) + "[1].";
    }

    private static void checkPlane(SegmentationSource source, List<SegmentationProblem> problems) {
        String shared = tag(Tag.SharedFunctionalGroupsSequence) + "[1].";
        String iopPath = shared + tag(Tag.PlaneOrientationSequence) + "[1]." + tag(Tag.ImageOrientationPatient);
        double[] iop = numbers(source.imageOrientationPatient(), 6);
        if (iop == null) {
            problems.add(new SegmentationProblem(iopPath, "the source has no Image Orientation (Patient) of 6 numbers"));
        } else {
            double[] row = {iop[0], iop[1], iop[2]};
            double[] column = {iop[3], iop[4], iop[5]};
            if (Math.abs(norm(row) - 1) > 1e-3 || Math.abs(norm(column) - 1) > 1e-3 || Math.abs(dot(row, column)) > 1e-3) {
                problems.add(new SegmentationProblem(iopPath, "the source's Image Orientation (Patient) is not two "
                        + "orthogonal unit vectors"));
            } else if (!parallel(row, source.geometry().columnStep()) || !parallel(column, source.geometry().rowStep())) {
                problems.add(new SegmentationProblem(iopPath, "the source header's Image Orientation (Patient) does "
                        + "not match the source geometry: header and volume are not of the same series"));
            }
        }
        String psPath = shared + tag(Tag.PixelMeasuresSequence) + "[1]." + tag(Tag.PixelSpacing);
        double[] spacing = numbers(source.pixelSpacing(), 2);
        if (spacing == null || spacing[0] <= 0 || spacing[1] <= 0) {
            problems.add(new SegmentationProblem(psPath, "the source has no Pixel Spacing of 2 positive numbers"));
        }
        if (source.slices() > 1 && source.spacingBetweenSlices() < 1e-6) {
            problems.add(new SegmentationProblem(shared + tag(Tag.PixelMeasuresSequence) + "[1]."
                    + tag(Tag.SpacingBetweenSlices), "the source slices do not advance along the slice normal"));
        }
    }

    private static void checkOptions(SegWriteOptions o, int segmentCount, List<SegmentationProblem> problems) {
        if (o.type() == null) {
            problems.add(new SegmentationProblem(tag(Tag.SegmentationType), "no Segmentation Type was given"));
        } else if (o.type() == SegmentationType.FRACTIONAL) {
            if (o.fractionalType() == null) {
                problems.add(new SegmentationProblem(tag(Tag.SegmentationFractionalType),
                        "a FRACTIONAL segmentation needs PROBABILITY or OCCUPANCY"));
            }
            if (o.maxFractionalValue() < 1 || o.maxFractionalValue() > 255) {
                problems.add(new SegmentationProblem(tag(Tag.MaximumFractionalValue),
                        "Maximum Fractional Value must be 1 to 255 (8-bit frames), not " + o.maxFractionalValue()));
            }
        } else if (o.type() == SegmentationType.LABELMAP && segmentCount > 0xFFFF) {
            problems.add(new SegmentationProblem(tag(Tag.SegmentSequence), "a LABELMAP holds at most 65535 segments"));
        }
        if (o.contentLabel() == null || !o.contentLabel().matches("[A-Z0-9_ ]{1,16}")) {
            problems.add(new SegmentationProblem(tag(Tag.ContentLabel), "Content Label must be 1 to 16 upper-case "
                    + "letters, digits, spaces or underscores (CS), not " + quoted(o.contentLabel())));
        }
        checkLength(o.seriesDescription(), 64, tag(Tag.SeriesDescription), "Series Description", problems);
        if (o.bodyPartExamined() != null && !o.bodyPartExamined().isBlank()
                && !o.bodyPartExamined().matches("[A-Z0-9_ ]{1,16}")) {
            problems.add(new SegmentationProblem(tag(Tag.BodyPartExamined), "Body Part Examined must be 1 to 16 "
                    + "upper-case letters, digits, spaces or underscores (CS), not " + quoted(o.bodyPartExamined())));
        }
        checkLength(o.clinicalTrialTimePointId(), 64, tag(Tag.ClinicalTrialTimePointID), "Clinical Trial Time Point ID",
                problems);
        checkLength(o.clinicalTrialCoordinatingCenterName(), 64, tag(Tag.ClinicalTrialCoordinatingCenterName),
                "Clinical Trial Coordinating Center Name", problems);
        checkLength(o.clinicalTrialSeriesId(), 64, tag(Tag.ClinicalTrialSeriesID), "Clinical Trial Series ID", problems);
        checkLength(o.contentDescription(), 64, tag(Tag.ContentDescription), "Content Description", problems);
        checkRequired(o.manufacturerModelName(), 64, tag(Tag.ManufacturerModelName), "Manufacturer's Model Name", problems);
        checkRequired(o.deviceSerialNumber(), 64, tag(Tag.DeviceSerialNumber), "Device Serial Number", problems);
        checkRequired(o.softwareVersions(), 64, tag(Tag.SoftwareVersions), "Software Versions", problems);
        if (o.threads() < 1) {
            problems.add(new SegmentationProblem("", "the writer needs at least 1 thread, not " + o.threads()));
        }
        if (o.seriesNumber() < 0 || o.instanceNumber() < 0) {
            problems.add(new SegmentationProblem(tag(o.seriesNumber() < 0 ? Tag.SeriesNumber : Tag.InstanceNumber),
                    "series and instance numbers are not negative"));
        }
        if (o.seriesInstanceUid() != null && !Uids.isValid(o.seriesInstanceUid())) {
            problems.add(new SegmentationProblem(tag(Tag.SeriesInstanceUID), "not a valid UID: " + o.seriesInstanceUid()));
        }
        if (o.sopInstanceUid() != null && !Uids.isValid(o.sopInstanceUid())) {
            problems.add(new SegmentationProblem(tag(Tag.SOPInstanceUID), "not a valid UID: " + o.sopInstanceUid()));
        }
    }

    private static void checkSegment(SegmentDescription d, String item, List<SegmentationProblem> problems) {
        if (d == null) {
            problems.add(new SegmentationProblem(item, "the segment has no description"));
            return;
        }
        if (d.segmentLabel() == null || d.segmentLabel().isBlank()) {
            problems.add(new SegmentationProblem(item + "." + tag(Tag.SegmentLabel), "the segment has no label"));
        } else {
            checkLength(d.segmentLabel(), 64, item + "." + tag(Tag.SegmentLabel), "Segment Label", problems);
        }
        checkLength(d.segmentDescription(), 1024, item + "." + tag(Tag.SegmentDescription), "Segment Description", problems);
        if (d.algorithmType() == null) {
            problems.add(new SegmentationProblem(item + "." + tag(Tag.SegmentAlgorithmType),
                    "the segment has no algorithm type (AUTOMATIC, SEMIAUTOMATIC or MANUAL)"));
        } else if (d.algorithmType() != SegmentAlgorithmType.MANUAL
                && (d.algorithmName() == null || d.algorithmName().isBlank())) {
            problems.add(new SegmentationProblem(item + "." + tag(Tag.SegmentAlgorithmName),
                    "a " + d.algorithmType() + " segment needs the name of its algorithm"));
        }
        checkLength(d.algorithmName(), 64, item + "." + tag(Tag.SegmentAlgorithmName), "Segment Algorithm Name", problems);
        checkCode(d.category(), true, item + "." + tag(Tag.SegmentedPropertyCategoryCodeSequence) + "[1]",
                "Segmented Property Category", problems);
        checkCode(d.type(), true, item + "." + tag(Tag.SegmentedPropertyTypeCodeSequence) + "[1]",
                "Segmented Property Type", problems);
        for (int m = 0; m < d.typeModifiers().size(); m++) {
            checkCode(d.typeModifiers().get(m), true, item + "." + tag(Tag.SegmentedPropertyTypeCodeSequence) + "[1]."
                    + tag(Tag.SegmentedPropertyTypeModifierCodeSequence) + "[" + (m + 1) + "]", "type modifier", problems);
        }
        String region = item + "." + tag(Tag.AnatomicRegionSequence) + "[1]";
        checkCode(d.anatomicRegion(), false, region, "Anatomic Region", problems);
        if (d.anatomicRegion() == null && !d.anatomicRegionModifiers().isEmpty()) {
            problems.add(new SegmentationProblem(region, "anatomic region modifiers need an anatomic region"));
        }
        for (int m = 0; m < d.anatomicRegionModifiers().size(); m++) {
            checkCode(d.anatomicRegionModifiers().get(m), true, region + "." + tag(Tag.AnatomicRegionModifierSequence)
                    + "[" + (m + 1) + "]", "anatomic region modifier", problems);
        }
        boolean hasId = d.trackingId() != null && !d.trackingId().isBlank();
        boolean hasUid = d.trackingUid() != null && !d.trackingUid().isBlank();
        if (hasId && !hasUid) {
            problems.add(new SegmentationProblem(item + "." + tag(Tag.TrackingUID),
                    "Tracking ID " + quoted(d.trackingId()) + " needs a Tracking UID"));
        } else if (hasUid && !hasId) {
            problems.add(new SegmentationProblem(item + "." + tag(Tag.TrackingID), "a Tracking UID needs a Tracking ID"));
        } else if (hasUid && !Uids.isValid(d.trackingUid())) {
            problems.add(new SegmentationProblem(item + "." + tag(Tag.TrackingUID), "not a valid UID: " + d.trackingUid()));
        }
    }

    private static void checkCode(Code code, boolean required, String path, String what, List<SegmentationProblem> problems) {
        if (code == null) {
            if (required) {
                problems.add(new SegmentationProblem(path, "the segment has no " + what + " code"));
            }
            return;
        }
        if (RETIRED_SNOMED.equals(code.schemeDesignator())) {
            problems.add(new SegmentationProblem(path + "." + tag(Tag.CodingSchemeDesignator), "the " + what + " code "
                    + code + " uses the retired scheme SRT; convert it to SCT"));
        }
        if (code.meaning().length() > 64) {
            problems.add(new SegmentationProblem(path + "." + tag(Tag.CodeMeaning), "Code Meaning is longer than 64 characters"));
        }
        if (code.schemeDesignator().length() > 16) {
            problems.add(new SegmentationProblem(path + "." + tag(Tag.CodingSchemeDesignator),
                    "Coding Scheme Designator is longer than 16 characters"));
        }
    }

    private static void checkLength(String value, int max, String path, String what, List<SegmentationProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new SegmentationProblem(path, what + " is longer than " + max + " characters"));
        }
    }

    private static void checkRequired(String value, int max, String path, String what, List<SegmentationProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new SegmentationProblem(path, what + " is required"));
        } else {
            checkLength(value, max, path, what, problems);
        }
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    private static double[] numbers(String[] values, int count) {
        if (values == null || values.length != count) {
            return null;
        }
        double[] d = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                d[i] = Double.parseDouble(values[i].strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return d;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static boolean parallel(double[] unit, double[] step) {
        double n = norm(step);
        return n > 0 && dot(unit, step) / n > 1 - 1e-4;
    }
}
