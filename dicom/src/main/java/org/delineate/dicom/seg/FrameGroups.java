package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Reads the Shared and Per-Frame Functional Groups Sequences (5200,9229) and (5200,9230) of a
 * segmentation into one {@link SegmentFrame} per frame. A functional group macro in the per-frame item
 * wins over the shared one.
 */
final class FrameGroups {

    private FrameGroups() {
    }

    /**
     * The description of each of {@code frames} frames.
     *
     * @param labelMap true for LABELMAP, whose frames need no Segment Identification Sequence
     * @param notes receives what was tolerated
     * @throws DicomFormatException when a BINARY or FRACTIONAL frame lacks its Referenced Segment Number, or
     *     there are fewer per-frame items than frames
     */
    static List<SegmentFrame> read(DataSet ds, int frames, boolean labelMap, String source, List<String> notes)
            throws DicomFormatException {
        Sequence sharedSeq = ds.getSequence(Tag.SharedFunctionalGroupsSequence);
        DataSet shared = sharedSeq == null || sharedSeq.isEmpty() ? new DataSet() : sharedSeq.get(0);
        Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        int items = perFrame == null ? 0 : perFrame.size();
        if (items < frames) {
            throw new DicomFormatException(source, -1, Tag.PerFrameFunctionalGroupsSequence, "has " + items
                    + " items, expected one per frame: NumberOfFrames " + frames);
        }
        if (items > frames) {
            notes.add(Tags.toString(Tag.PerFrameFunctionalGroupsSequence) + " has " + items + " items but NumberOfFrames is "
                    + frames + "; the items after frame " + frames + " are ignored");
        }
        List<SegmentFrame> result = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            DataSet item = perFrame.get(f);
            String path = Tags.toString(Tag.PerFrameFunctionalGroupsSequence) + "[" + (f + 1) + "].";
            int segment = 0;
            DataSet id = group(item, shared, Tag.SegmentIdentificationSequence);
            if (id != null) {
                segment = id.getInt(Tag.ReferencedSegmentNumber, 0);
            }
            if (!labelMap && segment < 1) {
                throw new DicomFormatException(source, -1, Tag.ReferencedSegmentNumber, "missing or 0 at " + path
                        + Tags.toString(Tag.SegmentIdentificationSequence) + "[1]." + Tags.toString(Tag.ReferencedSegmentNumber)
                        + "; expected the number of the segment frame " + (f + 1) + " belongs to");
            }
            DataSet position = group(item, shared, Tag.PlanePositionSequence);
            DataSet orientation = group(item, shared, Tag.PlaneOrientationSequence);
            DataSet measures = group(item, shared, Tag.PixelMeasuresSequence);
            double[] ipp = vector(position, Tag.ImagePositionPatient, 3, path, notes);
            double[] iop = vector(orientation, Tag.ImageOrientationPatient, 6, path, notes);
            double[] spacing = vector(measures, Tag.PixelSpacing, 2, path, notes);
            double between = measures == null ? Double.NaN : measures.getDouble(Tag.SpacingBetweenSlices, Double.NaN);
            double thickness = measures == null ? Double.NaN : measures.getDouble(Tag.SliceThickness, Double.NaN);
            result.add(new SegmentFrame(f + 1, segment, ipp, iop, spacing, between, thickness, sources(item, shared)));
        }
        return result;
    }

    /** The first item of a functional group macro's sequence, per-frame first, else shared; or null. */
    private static DataSet group(DataSet perFrame, DataSet shared, int tag) {
        Sequence seq = perFrame.getSequence(tag);
        if (seq == null || seq.isEmpty()) {
            seq = shared.getSequence(tag);
        }
        return seq == null || seq.isEmpty() ? null : seq.get(0);
    }

    private static double[] vector(DataSet item, int tag, int length, String path, List<String> notes) {
        if (item == null || !item.contains(tag)) {
            return null;
        }
        double[] v = item.getDoubles(tag);
        boolean finite = v.length == length;
        for (double d : v) {
            finite &= Double.isFinite(d);
        }
        if (!finite) {
            notes.add(path + Tags.toString(tag) + " has " + v.length + " values (expected " + length
                    + " finite numbers); ignored");
            return null;
        }
        return v;
    }

    /** Derivation Image Sequence > Source Image Sequence references, from the per-frame item, else the shared one. */
    private static List<SourceFrame> sources(DataSet item, DataSet shared) {
        Sequence derivation = item.getSequence(Tag.DerivationImageSequence);
        if (derivation == null || derivation.isEmpty()) {
            derivation = shared.getSequence(Tag.DerivationImageSequence);
        }
        List<SourceFrame> sources = new ArrayList<>();
        if (derivation == null) {
            return sources;
        }
        for (DataSet d : derivation) {
            Sequence images = d.getSequence(Tag.SourceImageSequence);
            if (images == null) {
                continue;
            }
            for (DataSet image : images) {
                String uid = image.getString(Tag.ReferencedSOPInstanceUID);
                if (uid == null) {
                    continue;
                }
                int[] frameNumbers = image.getInts(Tag.ReferencedFrameNumber);
                String sopClass = image.getString(Tag.ReferencedSOPClassUID);
                if (frameNumbers.length == 0) {
                    sources.add(new SourceFrame(sopClass, uid.strip(), 0));
                }
                for (int n : frameNumbers) {
                    sources.add(new SourceFrame(sopClass, uid.strip(), n));
                }
            }
        }
        return sources;
    }
}
