package org.delineate.dicom.pixel;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.dict.Tag;

/**
 * The linear Modality LUT (PS3.3 C.11.1): output = RescaleSlope * stored value + RescaleIntercept, in the
 * units of RescaleType (e.g. "HU"). Never applied by the decoders; callers apply it when they want
 * modality values. Immutable.
 *
 * <p>Reads Rescale Slope / Intercept / Type from the data set, or, for enhanced multi-frame objects,
 * from the Pixel Value Transformation Sequence of the frame's Per-frame or the Shared Functional Groups.
 * A Modality LUT Sequence (a non-linear table) is not read.
 *
 * @param slope RescaleSlope, 1 when absent
 * @param intercept RescaleIntercept, 0 when absent
 * @param rescaleType RescaleType, or "" when absent
 */
public record ModalityLut(double slope, double intercept, String rescaleType) {

    /** The identity: slope 1, intercept 0. */
    public static final ModalityLut IDENTITY = new ModalityLut(1, 0, "");

    // NB: equals and hashCode written out, as a record's would be (doubles compared as Double.compare does): the
    // record's own are bootstrapped through method handles, which a new JVM runs interpreted for every slice of a
    // volume whose Modality LUTs are compared.
    @Override
    public boolean equals(Object o) {
        return o instanceof ModalityLut m && Double.compare(slope, m.slope) == 0
                && Double.compare(intercept, m.intercept) == 0 && java.util.Objects.equals(rescaleType, m.rescaleType);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(slope) + Double.hashCode(intercept)) + java.util.Objects.hashCode(rescaleType);
    }

    /** The Modality LUT of frame {@code frameIndex} (0-based) of {@code ds}. */
    public static ModalityLut of(DataSet ds, int frameIndex) {
        DataSet perFrame = item(ds.getSequence(Tag.PerFrameFunctionalGroupsSequence), frameIndex);
        DataSet shared = item(ds.getSequence(Tag.SharedFunctionalGroupsSequence), 0);
        for (DataSet group : new DataSet[] {perFrame, shared}) {
            DataSet transformation = group == null ? null
                    : item(group.getSequence(Tag.PixelValueTransformationSequence), 0);
            if (transformation != null && transformation.contains(Tag.RescaleSlope)) {
                return read(transformation);
            }
        }
        return read(ds);
    }

    /** The Modality LUT of a single-frame data set (or of its first frame). */
    public static ModalityLut of(DataSet ds) {
        return of(ds, 0);
    }

    private static ModalityLut read(DataSet ds) {
        String type = ds.getString(Tag.RescaleType);
        return new ModalityLut(ds.getDouble(Tag.RescaleSlope, 1), ds.getDouble(Tag.RescaleIntercept, 0),
                type == null ? "" : type.trim());
    }

    private static DataSet item(Sequence sequence, int index) {
        return sequence == null || index >= sequence.size() ? null : sequence.get(index);
    }

    /** True when slope is 1 and intercept 0. */
    public boolean isIdentity() {
        return slope == 1 && intercept == 0;
    }

    /** slope * stored + intercept. */
    public double apply(double stored) {
        return slope * stored + intercept;
    }

    /**
     * The modality values of a one-sample frame, as floats.
     *
     * @throws IllegalArgumentException for a frame with more than one sample per pixel
     */
    public float[] apply(PixelFrame frame) {
        if (frame.samplesPerPixel() != 1) {
            throw new IllegalArgumentException("the Modality LUT applies to one sample per pixel, not "
                    + frame.samplesPerPixel());
        }
        float[] out = new float[frame.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) apply(frame.doubleValue(i));
        }
        return out;
    }
}
