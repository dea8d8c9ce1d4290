package org.delineate.dicom.seg;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.data.Values;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Writes the Multi-frame Functional Groups and Multi-frame Dimension modules of a segmentation (PS3.3 A.51.5):
 * Pixel Measures and Plane Orientation (Patient) shared; Plane Position (Patient), Frame Content, Segment
 * Identification (not for LABELMAP) and Derivation Image per frame; no group is both.
 */
final class FunctionalGroupWriter {

    static final Code DERIVATION_SEGMENTATION = Code.dcm("113076", "Segmentation");
    static final Code SOURCE_IMAGE_PURPOSE = Code.dcm("121322", "Source image for image processing operation");

    private FunctionalGroupWriter() {
    }

    static void writeShared(DataSet dataSet, SegmentationSource source) {
        DataSet shared = dataSet.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        DataSet measures = shared.newSequence(Tag.PixelMeasuresSequence).addItem();
        String thickness = source.sliceThickness();
        double spacing = source.spacingBetweenSlices();
        if (thickness != null && !thickness.isBlank()) {
            measures.setString(Tag.SliceThickness, VR.DS, thickness);
        } else if (spacing > 0) {
            // NB: a source without Slice Thickness gets the slice spacing, the thickness its voxels stand for.
            measures.setString(Tag.SliceThickness, VR.DS, Values.formatDecimalString(spacing));
        }
        if (spacing > 0) {
            measures.setString(Tag.SpacingBetweenSlices, VR.DS, Values.formatDecimalString(spacing));
        }
        measures.setString(Tag.PixelSpacing, VR.DS, source.pixelSpacing());
        shared.newSequence(Tag.PlaneOrientationSequence).addItem()
                .setString(Tag.ImageOrientationPatient, VR.DS, source.imageOrientationPatient());
    }

    static void writePerFrame(DataSet dataSet, SegmentationSource source, SegFramePlan plan, boolean labelMap) {
        Sequence perFrame = dataSet.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        // NB: the Derivation Image and Plane Position items depend on the slice only, and Segment Identification on
        // the segment only: each is built once and the same (immutable once written) element is put into every frame
        // item that needs it, instead of new data sets and formatted strings per frame.
        DataElement[] derivations = new DataElement[source.slices()];
        DataElement[] positions = new DataElement[source.slices()];
        java.util.Map<Integer, DataElement> identifications = new java.util.HashMap<>();
        for (int f = 0; f < plan.frameCount(); f++) {
            int k = plan.slice(f);
            if (derivations[k] == null) {
                DataSet scratch = new DataSet();
                derivation(scratch, source.frames().get(k));
                scratch.newSequence(Tag.PlanePositionSequence).addItem()
                        .setString(Tag.ImagePositionPatient, VR.DS, source.imagePositionStrings(k));
                derivations[k] = scratch.get(Tag.DerivationImageSequence);
                positions[k] = scratch.get(Tag.PlanePositionSequence);
            }
            DataSet item = perFrame.addItem();
            item.put(derivations[k]);
            DataSet content = item.newSequence(Tag.FrameContentSequence).addItem();
            if (labelMap) {
                content.setInts(Tag.DimensionIndexValues, VR.UL, k + 1);
            } else {
                content.setInts(Tag.DimensionIndexValues, VR.UL, plan.segment(f), k + 1);
            }
            item.put(positions[k]);
            if (!labelMap) {
                item.put(identifications.computeIfAbsent(plan.segment(f), s -> {
                    DataSet scratch = new DataSet();
                    scratch.newSequence(Tag.SegmentIdentificationSequence).addItem()
                            .setInts(Tag.ReferencedSegmentNumber, VR.US, s);
                    return scratch.get(Tag.SegmentIdentificationSequence);
                }));
            }
        }
    }

    private static void derivation(DataSet item, SourceFrame frame) {
        DataSet derivation = item.newSequence(Tag.DerivationImageSequence).addItem();
        DataSet image = derivation.newSequence(Tag.SourceImageSequence).addItem();
        image.setString(Tag.ReferencedSOPClassUID, VR.UI, frame.sopClassUid());
        image.setString(Tag.ReferencedSOPInstanceUID, VR.UI, frame.sopInstanceUid());
        if (frame.frameNumber() > 0) {
            image.setInts(Tag.ReferencedFrameNumber, VR.IS, frame.frameNumber());
        }
        SegmentSequenceWriter.code(image, Tag.PurposeOfReferenceCodeSequence, SOURCE_IMAGE_PURPOSE);
        image.setString(Tag.SpatialLocationsPreserved, VR.CS, "YES");
        SegmentSequenceWriter.code(derivation, Tag.DerivationCodeSequence, DERIVATION_SEGMENTATION);
    }

    /**
     * The Multi-frame Dimension Module: a fresh Dimension Organization UID; dimensions Referenced Segment Number
     * (not for LABELMAP) and Image Position (Patient).
     */
    static void writeDimensions(DataSet dataSet, boolean labelMap) {
        String organization = Uids.newUid();
        dataSet.newSequence(Tag.DimensionOrganizationSequence).addItem()
                .setString(Tag.DimensionOrganizationUID, VR.UI, organization);
        Sequence index = dataSet.newSequence(Tag.DimensionIndexSequence);
        if (!labelMap) {
            dimension(index.addItem(), organization, Tag.ReferencedSegmentNumber, Tag.SegmentIdentificationSequence,
                    "Segment Number");
        }
        dimension(index.addItem(), organization, Tag.ImagePositionPatient, Tag.PlanePositionSequence,
                "Image Position Patient");
    }

    private static void dimension(DataSet item, String organization, int pointer, int group, String label) {
        item.setString(Tag.DimensionOrganizationUID, VR.UI, organization);
        item.setInts(Tag.DimensionIndexPointer, VR.AT, pointer);
        item.setInts(Tag.FunctionalGroupPointer, VR.AT, group);
        item.setString(Tag.DimensionDescriptionLabel, VR.LO, label);
    }
}
