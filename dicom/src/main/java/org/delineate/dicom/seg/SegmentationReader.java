package org.delineate.dicom.seg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UID;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;

/**
 * Reads Segmentation Storage (1.2.840.10008.5.1.4.1.1.66.4, BINARY and FRACTIONAL) and Label Map
 * Segmentation Storage (1.2.840.10008.5.1.4.1.1.66.7, LABELMAP, Supplement 243) instances into a
 * {@link SegmentationFile}. Tolerant where the frames can still be understood (absent descriptive values
 * become null with a note); strict where they cannot (a DicomFormatException naming the file, the tag and
 * keyword, and what was expected). Stateless; thread-safe.
 */
public final class SegmentationReader {

    private SegmentationReader() {
    }

    /**
     * Reads a segmentation file (Pixel Data into memory; Deflated and encapsulated transfer syntaxes included).
     *
     * @throws DicomFormatException when the file is not a segmentation or a required attribute is missing or wrong
     */
    public static SegmentationFile read(Path file) throws IOException {
        DicomFile dicom = new DicomReader(ReadOptions.defaults()).readFile(file);
        return read(dicom, file.toString());
    }

    /** Reads a segmentation from a parsed file; {@code source} names it in messages. */
    public static SegmentationFile read(DicomFile dicom, String source) throws IOException {
        DataSet ds = dicom.dataSet();
        List<String> notes = new ArrayList<>();
        dicom.deviations().forEach(d -> notes.add("Encoding deviation: " + d));
        String sopClass = ds.getString(Tag.SOPClassUID);
        boolean labelMapClass = SegmentationType.LABEL_MAP_SEGMENTATION_STORAGE.equals(sopClass);
        if (!UID.SegmentationStorage.equals(sopClass) && !labelMapClass) {
            throw new DicomFormatException(source, -1, Tag.SOPClassUID, "found " + sopClass + ", expected Segmentation Storage "
                    + UID.SegmentationStorage + " or Label Map Segmentation Storage " + SegmentationType.LABEL_MAP_SEGMENTATION_STORAGE);
        }
        SegmentationType type = segmentationType(ds, source, labelMapClass, notes);
        SegmentationFractionalType fractionalType = null;
        int maxFractional = 1;
        if (type == SegmentationType.FRACTIONAL) {
            String ft = ds.getString(Tag.SegmentationFractionalType);
            try {
                fractionalType = ft == null ? null : SegmentationFractionalType.valueOf(ft.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fractionalType = null;
            }
            if (fractionalType == null) {
                notes.add("(0062,0010) SegmentationFractionalType is " + (ft == null ? "missing" : "\"" + ft + "\"")
                        + ", expected PROBABILITY or OCCUPANCY; read as null");
            }
            maxFractional = ds.getInt(Tag.MaximumFractionalValue, -1);
            if (maxFractional < 1 || maxFractional > 255) {
                notes.add("(0062,000E) MaximumFractionalValue is " + (maxFractional < 0 ? "missing" : maxFractional)
                        + ", expected 1 to 255; taken as 255");
                maxFractional = 255;
            }
        }
        SegmentItems.Result items = SegmentItems.read(ds, source);
        notes.addAll(items.notes());
        int declared = ds.getInt(Tag.NumberOfFrames, 1);
        if (declared < 0) {
            throw new DicomFormatException(source, -1, Tag.NumberOfFrames, "found " + declared + ", expected 1 or more");
        }
        // NB: the per-frame items are checked against NumberOfFrames before any decoder sizes anything by it.
        List<SegmentFrame> frames = FrameGroups.read(ds, Math.max(1, declared), type == SegmentationType.LABELMAP, source,
                notes);
        FramePixels pixels = FramePixels.of(dicom, type, source);
        Integer padding = null;
        if (type == SegmentationType.LABELMAP && ds.contains(Tag.PixelPaddingValue)) {
            padding = ds.getInt(Tag.PixelPaddingValue, 0);
        }
        List<SegmentDescription> segments = new ArrayList<>(items.segments());
        for (SegmentFrame f : frames) {
            int n = f.segmentNumber();
            if (n > 0 && segments.stream().noneMatch(s -> s.segmentNumber() == n)) {
                notes.add("Frame " + f.frameNumber() + " refers to segment " + n + ", which the Segment Sequence does not "
                        + "describe; it is read as an unnamed segment.");
                segments.add(SegmentDescription.builder().segmentNumber(n).build());
            }
        }
        String frameOfReference = ds.getString(Tag.FrameOfReferenceUID);
        if (frameOfReference == null && frames.stream().anyMatch(SegmentFrame::hasPlane)) {
            notes.add("(0020,0052) FrameOfReferenceUID is missing although frames have positions; it is not checked.");
        }
        return new SegmentationFile(source, info(ds, sopClass, notes), type, fractionalType, maxFractional, padding,
                segments, items.cieLab(), frames, pixels, notes);
    }

    private static SegmentationType segmentationType(DataSet ds, String source, boolean labelMapClass, List<String> notes)
            throws DicomFormatException {
        String value = ds.getString(Tag.SegmentationType);
        if (value == null && labelMapClass) {
            notes.add("(0062,0001) SegmentationType is missing; LABELMAP is implied by the SOP class");
            return SegmentationType.LABELMAP;
        }
        SegmentationType type;
        try {
            type = value == null ? null : SegmentationType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null) {
            throw new DicomFormatException(source, -1, Tag.SegmentationType, (value == null ? "missing" : "found \"" + value
                    + "\"") + ", expected BINARY, FRACTIONAL or LABELMAP");
        }
        if (labelMapClass != (type == SegmentationType.LABELMAP)) {
            throw new DicomFormatException(source, -1, Tag.SegmentationType, "found " + type + " in "
                    + (labelMapClass ? "Label Map Segmentation Storage, expected LABELMAP" : "Segmentation Storage, "
                    + "expected BINARY or FRACTIONAL (LABELMAP needs Label Map Segmentation Storage)"));
        }
        return type;
    }

    private static SegmentationInfo info(DataSet ds, String sopClass, List<String> notes) {
        List<String> series = new ArrayList<>();
        Sequence referenced = ds.getSequence(Tag.ReferencedSeriesSequence);
        if (referenced == null) {
            notes.add("(0008,1115) ReferencedSeriesSequence is missing; frames are matched by position or their own references.");
        } else {
            for (DataSet item : referenced) {
                String uid = item.getString(Tag.SeriesInstanceUID);
                if (uid != null) {
                    series.add(uid.strip());
                }
            }
        }
        return new SegmentationInfo(sopClass, ds.getString(Tag.SOPInstanceUID), ds.getString(Tag.StudyInstanceUID),
                ds.getString(Tag.SeriesInstanceUID), integer(ds, Tag.SeriesNumber), integer(ds, Tag.InstanceNumber),
                ds.getString(Tag.SeriesDescription), ds.getString(Tag.ContentLabel), ds.getString(Tag.ContentDescription),
                ds.getString(Tag.FrameOfReferenceUID), series, ds.getString(Tag.ContentCreatorName),
                ds.getString(Tag.BodyPartExamined), ds.getString(Tag.ClinicalTrialTimePointID),
                ds.getString(Tag.ClinicalTrialCoordinatingCenterName), ds.getString(Tag.ClinicalTrialSeriesID));
    }

    private static Integer integer(DataSet ds, int tag) {
        long[] v = ds.getLongs(tag);
        return v.length == 0 ? null : (int) v[0];
    }
}
