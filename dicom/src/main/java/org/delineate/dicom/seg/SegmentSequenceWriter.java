package org.delineate.dicom.seg;

import java.util.List;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;

/** Writes the Segment Sequence (0062,0002): one item per segment (PS3.3 C.8.20.2, Segment Description Macro). */
final class SegmentSequenceWriter {

    private SegmentSequenceWriter() {
    }

    /**
     * Adds the Segment Sequence: segment s = {@code segments.get(s - 1)} numbered s; for a LABELMAP first an item
     * with Segment Number 0 for the background.
     */
    static void write(DataSet dataSet, List<SegmentDescription> segments, SegmentationType type) {
        Sequence sequence = dataSet.newSequence(Tag.SegmentSequence);
        if (type == SegmentationType.LABELMAP) {
            // NB: in a LABELMAP every pixel value written must be described by a Segment Sequence item
            // (PS3.3 C.8.20.2.3.3); 0 is written for background, so it gets an item of its own (as dcmqi writes it).
            DataSet background = sequence.addItem();
            code(background, Tag.SegmentedPropertyCategoryCodeSequence,
                    Code.sct("309825002", "Spatial and Relational Concept"));
            background.setInts(Tag.SegmentNumber, VR.US, 0);
            background.setString(Tag.SegmentLabel, VR.LO, "Background");
            background.setString(Tag.SegmentAlgorithmType, VR.CS, SegmentAlgorithmType.MANUAL.name());
            code(background, Tag.SegmentedPropertyTypeCodeSequence, Code.dcm("125040", "Background"));
        }
        for (int s = 0; s < segments.size(); s++) {
            item(sequence.addItem(), segments.get(s), s + 1);
        }
    }

    private static void item(DataSet item, SegmentDescription d, int number) {
        code(item, Tag.SegmentedPropertyCategoryCodeSequence, d.category());
        item.setInts(Tag.SegmentNumber, VR.US, number);
        item.setString(Tag.SegmentLabel, VR.LO, d.segmentLabel());
        if (d.segmentDescription() != null && !d.segmentDescription().isBlank()) {
            item.setString(Tag.SegmentDescription, VR.ST, d.segmentDescription());
        }
        item.setString(Tag.SegmentAlgorithmType, VR.CS, d.algorithmType().name());
        if (d.algorithmName() != null && !d.algorithmName().isBlank()) {
            item.setString(Tag.SegmentAlgorithmName, VR.LO, d.algorithmName());
        }
        if (d.recommendedDisplayRgb() != null) {
            item.setInts(Tag.RecommendedDisplayCIELabValue, VR.US, DisplayColor.rgbToDicomLab(d.recommendedDisplayRgb()));
        }
        DataSet type = code(item, Tag.SegmentedPropertyTypeCodeSequence, d.type());
        codes(type, Tag.SegmentedPropertyTypeModifierCodeSequence, d.typeModifiers());
        if (d.anatomicRegion() != null) {
            DataSet region = code(item, Tag.AnatomicRegionSequence, d.anatomicRegion());
            codes(region, Tag.AnatomicRegionModifierSequence, d.anatomicRegionModifiers());
        }
        if (d.trackingId() != null && !d.trackingId().isBlank()) {
            item.setString(Tag.TrackingID, VR.UT, d.trackingId());
            item.setString(Tag.TrackingUID, VR.UI, d.trackingUid());
        }
    }

    /** Adds a one-item code sequence and returns its item. */
    static DataSet code(DataSet dataSet, int tag, Code code) {
        return code.writeTo(dataSet.newSequence(tag).addItem());
    }

    private static void codes(DataSet dataSet, int tag, List<Code> codes) {
        if (codes.isEmpty()) {
            return;
        }
        Sequence sequence = dataSet.newSequence(tag);
        for (Code c : codes) {
            c.writeTo(sequence.addItem());
        }
    }
}
