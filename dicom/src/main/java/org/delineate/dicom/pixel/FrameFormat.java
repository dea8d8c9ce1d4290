package org.delineate.dicom.pixel;

/**
 * How the values of a {@link PixelFrame} are to be read. Immutable.
 *
 * @param rows the number of rows
 * @param columns the number of columns
 * @param samplesPerPixel samples per pixel; samples are interleaved (R1G1B1R2G2B2...) in the frame
 * @param bitsStored the significant bits of each value (values are already shifted down and masked or sign-extended)
 * @param signed true when values are two's complement (or floating point)
 * @param photometricInterpretation the interpretation of the returned values, which may differ from the data
 *        set's (a decoder returns YBR_FULL for YBR_FULL_422 JPEG, whose chroma it has upsampled, and RGB for
 *        the JPEG 2000 YBR_ICT and YBR_RCT)
 * @param originalPlanarConfiguration the Planar Configuration of the encoded data (the frame is always interleaved)
 */
public record FrameFormat(int rows, int columns, int samplesPerPixel, int bitsStored, boolean signed,
        PhotometricInterpretation photometricInterpretation, int originalPlanarConfiguration) {

    public FrameFormat {
        if (rows < 1 || columns < 1 || samplesPerPixel < 1 || bitsStored < 1 || bitsStored > 64) {
            throw new IllegalArgumentException("invalid frame format " + rows + "x" + columns + "x" + samplesPerPixel
                    + " bits " + bitsStored);
        }
    }

    /** The format of frames decoded as described, before any decoder-specific change of interpretation. */
    static FrameFormat of(PixelDescription d) {
        return new FrameFormat(d.rows(), d.columns(), d.samplesPerPixel(), d.bitsStored(), d.signed(),
                d.photometricInterpretation(), d.planarConfiguration());
    }

    /** The same format with another Photometric Interpretation. */
    public FrameFormat withPhotometricInterpretation(PhotometricInterpretation pi) {
        return new FrameFormat(rows, columns, samplesPerPixel, bitsStored, signed, pi, originalPlanarConfiguration);
    }

    /** The number of values in a frame: Rows * Columns * SamplesPerPixel. */
    public int length() {
        return rows * columns * samplesPerPixel;
    }
}
