package org.delineate.dicom.seg;

import java.util.List;

import org.delineate.dicom.volume.SourceFrame;

/**
 * What a segmentation's functional groups say about one of its frames: the per-frame item, or the
 * shared item where the frame has none (per-frame wins). Immutable.
 *
 * @param frameNumber the frame, 1-based as in DICOM
 * @param segmentNumber Referenced Segment Number (0062,000B) of the Segment Identification Sequence; 0 for
 *     a LABELMAP frame, whose pixel values are the segment numbers, or when absent
 * @param imagePositionPatient Image Position (Patient) (0020,0032) of the Plane Position Sequence, LPS mm of
 *     the first pixel's centre; null when absent
 * @param imageOrientationPatient Image Orientation (Patient) (0020,0037) of the Plane Orientation Sequence,
 *     row then column direction cosines; null when absent
 * @param pixelSpacing Pixel Spacing (0028,0030) of the Pixel Measures Sequence, row spacing then column
 *     spacing in mm; null when absent
 * @param spacingBetweenSlices Spacing Between Slices (0018,0088) of the Pixel Measures Sequence, mm; NaN when absent
 * @param sliceThickness Slice Thickness (0018,0050) of the Pixel Measures Sequence, mm; NaN when absent
 * @param sourceImages the images the frame was derived from (Derivation Image Sequence > Source Image
 *     Sequence): Referenced SOP Class and Instance UID, Referenced Frame Number (0 when absent)
 */
public record SegmentFrame(int frameNumber, int segmentNumber, double[] imagePositionPatient,
        double[] imageOrientationPatient, double[] pixelSpacing, double spacingBetweenSlices, double sliceThickness,
        List<SourceFrame> sourceImages) {

    public SegmentFrame {
        imagePositionPatient = imagePositionPatient == null ? null : imagePositionPatient.clone();
        imageOrientationPatient = imageOrientationPatient == null ? null : imageOrientationPatient.clone();
        pixelSpacing = pixelSpacing == null ? null : pixelSpacing.clone();
        sourceImages = List.copyOf(sourceImages);
    }

    @Override
    public double[] imagePositionPatient() {
        return imagePositionPatient == null ? null : imagePositionPatient.clone();
    }

    @Override
    public double[] imageOrientationPatient() {
        return imageOrientationPatient == null ? null : imageOrientationPatient.clone();
    }

    @Override
    public double[] pixelSpacing() {
        return pixelSpacing == null ? null : pixelSpacing.clone();
    }

    /** True when the frame has a position and an orientation, so that it can be placed by geometry. */
    public boolean hasPlane() {
        return imagePositionPatient != null && imageOrientationPatient != null;
    }
}
