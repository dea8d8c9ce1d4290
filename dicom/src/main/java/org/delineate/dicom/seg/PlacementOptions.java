package org.delineate.dicom.seg;

/**
 * How closely a segmentation's frames must match the target grid to be placed in it. Immutable; start from
 * {@link #defaults()}.
 *
 * @param orientationTolerance largest difference of any direction cosine between a frame's
 *     ImageOrientationPatient and the target's axes (default 1e-3, about 0.06 degrees)
 * @param spacingTolerance largest difference between a frame's PixelSpacing and the target's, mm (default 1e-3)
 * @param positionTolerance largest distance of a frame's ImagePositionPatient from a slice plane, and from a
 *     whole-pixel in-plane offset, mm (default 0.01)
 * @param skipMisfits true to leave out frames that do not fit (each is noted) instead of failing
 */
public record PlacementOptions(double orientationTolerance, double spacingTolerance, double positionTolerance,
        boolean skipMisfits) {

    public PlacementOptions {
        for (double t : new double[] {orientationTolerance, spacingTolerance, positionTolerance}) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("tolerances must be finite and not negative, not " + t);
            }
        }
    }

    /** The defaults listed above; misfits fail. */
    public static PlacementOptions defaults() {
        return new PlacementOptions(1e-3, 1e-3, 0.01, false);
    }

    /** These options, leaving out (true) or failing on (false) frames that do not fit. */
    public PlacementOptions withSkipMisfits(boolean skip) {
        return new PlacementOptions(orientationTolerance, spacingTolerance, positionTolerance, skip);
    }

    /** These options with another position tolerance, mm. */
    public PlacementOptions withPositionTolerance(double mm) {
        return new PlacementOptions(orientationTolerance, spacingTolerance, mm, skipMisfits);
    }
}
