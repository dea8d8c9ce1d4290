package org.delineate.dicom.pixel.jpeg;

/**
 * A decoded JPEG frame: the components as coded (no color conversion), each upsampled to the full frame
 * size, as unsigned samples of {@code precision} bits.
 *
 * @param columns the samples per line X of the frame header
 * @param rows the number of lines Y (from the frame header, or from a DNL marker)
 * @param components the number of image components Nf
 * @param precision the sample precision P in bits (8 or 12)
 * @param samples {@code rows * columns * components} values from 0 to 2^P - 1, rows top to bottom, components
 *        interleaved in the order of the frame header; owned by the caller (not copied, not shared)
 */
public record JpegImage(int columns, int rows, int components, int precision, int[] samples) {

    /** The value of component {@code c} (0-based, frame header order) of the pixel at 0-based row and column. */
    public int sample(int row, int column, int c) {
        return samples[(row * columns + column) * components + c];
    }
}
