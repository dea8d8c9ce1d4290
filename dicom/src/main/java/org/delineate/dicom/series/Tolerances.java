package org.delineate.dicom.series;

/**
 * How far values may differ and still count as equal when frames are split into stacks and sorted.
 * Immutable. {@link #defaults()} documents the values used unless a caller chooses others.
 *
 * @param orientation largest difference of any direction cosine of ImageOrientationPatient between
 *        frames of one stack (default 1e-3, about 0.06 degrees)
 * @param pixelSpacing largest difference of PixelSpacing between frames of one stack, mm (default 1e-3)
 * @param position slice positions (projections of ImagePositionPatient on the slice normal) closer than
 *        this are the same position, mm (default 0.01)
 * @param spacing gaps between neighbouring slices that differ from the nominal gap by more than this are
 *        reported as non-uniform spacing, mm (default 0.01)
 * @param tiltDegrees a slice step further than this from the slice normal is reported as gantry tilt,
 *        degrees (default 0.01; the geometry keeps any shear regardless)
 * @param echoTime echo times closer than this are the same echo, ms (default 0.01)
 */
public record Tolerances(double orientation, double pixelSpacing, double position, double spacing, double tiltDegrees,
        double echoTime) {

    public Tolerances {
        for (double t : new double[] {orientation, pixelSpacing, position, spacing, tiltDegrees, echoTime}) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("tolerances must be finite and not negative, not " + t);
            }
        }
    }

    /** The defaults listed above. */
    public static Tolerances defaults() {
        return new Tolerances(1e-3, 1e-3, 0.01, 0.01, 0.01, 0.01);
    }
}
