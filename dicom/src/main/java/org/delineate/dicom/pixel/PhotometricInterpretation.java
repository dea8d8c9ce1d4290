package org.delineate.dicom.pixel;

import java.util.Optional;

/**
 * The values of Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2: how the samples of a pixel
 * are to be interpreted. Includes the retired HSV, ARGB and CMYK so that old files can be read.
 */
public enum PhotometricInterpretation {
    /** One sample; the minimum value is white. Delineate keeps the stored values: inversion is a display concern. */
    MONOCHROME1("MONOCHROME1", 1),
    /** One sample; the minimum value is black. */
    MONOCHROME2("MONOCHROME2", 1),
    /** One sample, an index into the Red, Green and Blue Palette Color Lookup Tables. */
    PALETTE_COLOR("PALETTE COLOR", 1),
    RGB("RGB", 3),
    /** Luminance and two chrominance samples, full range (JPEG's YCbCr). */
    YBR_FULL("YBR_FULL", 3),
    /** YBR_FULL with Cb and Cr horizontally subsampled by two. */
    YBR_FULL_422("YBR_FULL_422", 3),
    YBR_PARTIAL_422("YBR_PARTIAL_422", 3),
    YBR_PARTIAL_420("YBR_PARTIAL_420", 3),
    /** JPEG 2000 irreversible color transform; decoders return RGB. */
    YBR_ICT("YBR_ICT", 3),
    /** JPEG 2000 reversible color transform; decoders return RGB. */
    YBR_RCT("YBR_RCT", 3),
    XYB("XYB", 3),
    HSV("HSV", 3),
    ARGB("ARGB", 4),
    CMYK("CMYK", 4);

    private final String value;
    private final int samplesPerPixel;

    PhotometricInterpretation(String value, int samplesPerPixel) {
        this.value = value;
        this.samplesPerPixel = samplesPerPixel;
    }

    /** The value as written in the data set, e.g. "PALETTE COLOR". */
    public String value() {
        return value;
    }

    /** The Samples per Pixel (0028,0002) this interpretation requires. */
    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    /** True for MONOCHROME1 and MONOCHROME2. */
    public boolean isMonochrome() {
        return this == MONOCHROME1 || this == MONOCHROME2;
    }

    /** The interpretation of a value as written (trailing spaces ignored), or empty for an unknown value. */
    public static Optional<PhotometricInterpretation> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        for (PhotometricInterpretation pi : values()) {
            if (pi.value.equals(trimmed)) {
                return Optional.of(pi);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
