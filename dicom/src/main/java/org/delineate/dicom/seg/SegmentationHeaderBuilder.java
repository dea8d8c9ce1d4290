package org.delineate.dicom.seg;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Builds the data set of a segmentation, everything but Pixel Data: the modules of the Segmentation IOD (PS3.3
 * A.51, Table A.51-1) that are mandatory or whose condition holds, plus the Type 3 attributes named in
 * docs/seg-writing.md.
 */
final class SegmentationHeaderBuilder {

    /** Patient and Patient Study Module attributes copied from the source when present. */
    private static final int[] PATIENT = {Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID,
        Tag.IssuerOfPatientIDQualifiersSequence, Tag.PatientBirthDate, Tag.PatientBirthTime, Tag.PatientSex,
        Tag.OtherPatientIDsSequence, Tag.PatientComments, Tag.PatientSpeciesDescription, Tag.PatientBreedDescription,
        Tag.PatientIdentityRemoved, Tag.DeidentificationMethod, Tag.DeidentificationMethodCodeSequence,
        Tag.PatientAge, Tag.PatientSize, Tag.PatientWeight};
    /** General Study Module attributes copied from the source when present. */
    private static final int[] STUDY = {Tag.StudyInstanceUID, Tag.StudyDate, Tag.StudyTime, Tag.ReferringPhysicianName,
        Tag.StudyID, Tag.AccessionNumber, Tag.IssuerOfAccessionNumberSequence, Tag.StudyDescription};
    /** Type 2 attributes of the Patient and General Study modules, written empty when the source lacks them. */
    private static final int[] TYPE_2 = {Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
        Tag.StudyDate, Tag.StudyTime, Tag.ReferringPhysicianName, Tag.StudyID, Tag.AccessionNumber};

    private SegmentationHeaderBuilder() {
    }

    /** Bits Allocated of a segmentation's frames. */
    static int bitsAllocated(SegmentationType type, int segmentCount) {
        return switch (type) {
            case BINARY -> 1;
            case FRACTIONAL -> 8;
            case LABELMAP -> segmentCount <= 0xFF ? 8 : 16;
        };
    }

    static DataSet build(SegmentationSource source, List<SegmentDescription> segments, SegWriteOptions options,
            SegFramePlan plan, String seriesUid, String sopUid) {
        DataSet src = source.header();
        DataSet d = new DataSet();
        if (src.getString(Tag.SpecificCharacterSet) != null) {
            copy(src, d, Tag.SpecificCharacterSet);
        }
        boolean labelMap = options.type() == SegmentationType.LABELMAP;
        LocalDateTime now = options.contentDateTime() != null ? options.contentDateTime() : LocalDateTime.now();
        String date = now.format(DateTimeFormatter.BASIC_ISO_DATE);
        String time = now.format(DateTimeFormatter.ofPattern("HHmmss"));
        // SOP Common
        d.setString(Tag.SOPClassUID, VR.UI, options.type().sopClassUid());
        d.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
        // Patient, Patient Study, General Study: copied from the source
        for (int tag : PATIENT) {
            copy(src, d, tag);
        }
        for (int tag : STUDY) {
            copy(src, d, tag);
        }
        for (int tag : TYPE_2) {
            if (!d.contains(tag)) {
                d.put(DataElement.of(tag, typeTwoVr(tag), new byte[0]));
            }
        }
        // General Series, Segmentation Series
        d.setString(Tag.Modality, VR.CS, "SEG");
        d.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        d.setInts(Tag.SeriesNumber, VR.IS, options.seriesNumber());
        d.setString(Tag.SeriesDate, VR.DA, date);
        d.setString(Tag.SeriesTime, VR.TM, time);
        if (options.seriesDescription() != null && !options.seriesDescription().isBlank()) {
            d.setString(Tag.SeriesDescription, VR.LO, options.seriesDescription());
        }
        if (options.bodyPartExamined() != null && !options.bodyPartExamined().isBlank()) {
            d.setString(Tag.BodyPartExamined, VR.CS, options.bodyPartExamined());
        }
        clinicalTrial(d, options);
        // Frame of Reference
        d.setString(Tag.FrameOfReferenceUID, VR.UI, source.frameOfReferenceUid());
        if (!copy(src, d, Tag.PositionReferenceIndicator)) {
            d.setString(Tag.PositionReferenceIndicator, VR.LO, "");
        }
        // General Equipment, Enhanced General Equipment
        d.setString(Tag.Manufacturer, VR.LO, SegWriteOptions.MANUFACTURER);
        d.setString(Tag.ManufacturerModelName, VR.LO, options.manufacturerModelName());
        d.setString(Tag.DeviceSerialNumber, VR.LO, options.deviceSerialNumber());
        d.setString(Tag.SoftwareVersions, VR.LO, options.softwareVersions());
        // General Image, Segmentation Image (with Content Identification), Multi-frame Functional Groups
        d.setString(Tag.ImageType, VR.CS, "DERIVED", "PRIMARY");
        d.setInts(Tag.InstanceNumber, VR.IS, options.instanceNumber());
        d.setString(Tag.ContentDate, VR.DA, date);
        d.setString(Tag.ContentTime, VR.TM, time);
        d.setString(Tag.ContentLabel, VR.CS, options.contentLabel());
        d.setString(Tag.ContentDescription, VR.LO, nullToEmpty(options.contentDescription()));
        d.setString(Tag.ContentCreatorName, VR.PN, nullToEmpty(options.contentCreatorName()));
        lossyCompression(src, d);
        d.setString(Tag.SegmentationType, VR.CS, options.type().name());
        if (options.type() == SegmentationType.FRACTIONAL) {
            d.setString(Tag.SegmentationFractionalType, VR.CS, options.fractionalType().name());
            d.setInts(Tag.MaximumFractionalValue, VR.US, options.maxFractionalValue());
        }
        SegmentSequenceWriter.write(d, segments, options.type());
        d.setString(Tag.SegmentsOverlap, VR.CS, plan.overlapping() ? "YES" : "NO");
        d.setInts(Tag.NumberOfFrames, VR.IS, plan.frameCount());
        FunctionalGroupWriter.writeShared(d, source);
        FunctionalGroupWriter.writePerFrame(d, source, plan, labelMap);
        // Image Pixel
        int bits = bitsAllocated(options.type(), segments.size());
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setInts(Tag.Rows, VR.US, source.rows());
        d.setInts(Tag.Columns, VR.US, source.columns());
        d.setInts(Tag.BitsAllocated, VR.US, bits);
        d.setInts(Tag.BitsStored, VR.US, bits);
        d.setInts(Tag.HighBit, VR.US, bits - 1);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        // Multi-frame Dimension
        FunctionalGroupWriter.writeDimensions(d, labelMap);
        // Common Instance Reference
        referencedSeries(d, source, plan);
        return d;
    }

    /** Referenced Series Sequence: the source series and exactly the instances the frames derive from. */
    private static void referencedSeries(DataSet d, SegmentationSource source, SegFramePlan plan) {
        DataSet series = d.newSequence(Tag.ReferencedSeriesSequence).addItem();
        Set<String> seen = new LinkedHashSet<>();
        var instances = series.newSequence(Tag.ReferencedInstanceSequence);
        for (int k : plan.referencedSlices()) {
            SourceFrame f = source.frames().get(k);
            if (seen.add(f.sopInstanceUid())) {
                DataSet item = instances.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, f.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, f.sopInstanceUid());
            }
        }
        series.setString(Tag.SeriesInstanceUID, VR.UI, source.seriesInstanceUid());
    }

    /**
     * The Clinical Trial Study and Series modules (PS3.3 C.7.2.3, C.7.3.2), each when a value of it is given, with
     * its Type 2 attribute (Time Point ID, Coordinating Center Name) empty when not given. The Clinical Trial
     * Subject module (sponsor, protocol, subject) is not written: dcmqi's metadata has none of it.
     */
    private static void clinicalTrial(DataSet d, SegWriteOptions options) {
        if (options.clinicalTrialTimePointId() != null) {
            d.setString(Tag.ClinicalTrialTimePointID, VR.LO, options.clinicalTrialTimePointId());
        }
        if (options.clinicalTrialCoordinatingCenterName() != null || options.clinicalTrialSeriesId() != null) {
            d.setString(Tag.ClinicalTrialCoordinatingCenterName, VR.LO,
                    nullToEmpty(options.clinicalTrialCoordinatingCenterName()));
            if (options.clinicalTrialSeriesId() != null) {
                d.setString(Tag.ClinicalTrialSeriesID, VR.LO, options.clinicalTrialSeriesId());
            }
        }
    }

    /** Lossy Image Compression: "01" with its ratio and method when the source was lossy, else "00". */
    private static void lossyCompression(DataSet src, DataSet d) {
        if ("01".equals(src.getString(Tag.LossyImageCompression))) {
            copy(src, d, Tag.LossyImageCompression);
            copy(src, d, Tag.LossyImageCompressionRatio);
            copy(src, d, Tag.LossyImageCompressionMethod);
        } else {
            d.setString(Tag.LossyImageCompression, VR.CS, "00");
        }
    }

    private static boolean copy(DataSet from, DataSet to, int tag) {
        DataElement e = from.get(tag);
        if (e == null) {
            return false;
        }
        to.put(e);
        return true;
    }

    private static VR typeTwoVr(int tag) {
        return switch (tag) {
            case Tag.PatientName, Tag.ReferringPhysicianName -> VR.PN;
            case Tag.PatientBirthDate, Tag.StudyDate -> VR.DA;
            case Tag.StudyTime -> VR.TM;
            case Tag.PatientSex -> VR.CS;
            case Tag.StudyID, Tag.AccessionNumber -> VR.SH;
            default -> VR.LO;
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
