package org.delineate.dicom.volume;

/**
 * A display window in modality units (e.g. HU): Window Center (0028,1050), Window Width (0028,1051)
 * and its explanation (0028,1055), or one of Delineate's presets.
 *
 * @param center window centre
 * @param width window width, positive
 * @param explanation what the window is for, e.g. "LUNG"; may be empty
 */
public record WindowPreset(double center, double width, String explanation) {

    public WindowPreset {
        if (!(width > 0)) {
            throw new IllegalArgumentException("window width must be positive: " + width);
        }
    }

    /** The lowest modality value shown (PS3.3 C.11.2.1.2, linear function, as a continuous range). */
    public double lower() {
        return center - width / 2;
    }

    /** The highest modality value shown. */
    public double upper() {
        return center + width / 2;
    }
}
