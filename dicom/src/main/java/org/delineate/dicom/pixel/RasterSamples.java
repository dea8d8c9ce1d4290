package org.delineate.dicom.pixel;

import java.awt.image.Raster;

import org.delineate.dicom.io.DicomFormatException;

/**
 * Copies the samples of a decoded {@link Raster} or array (no color conversion) into a {@link PixelFrame} typed by
 * BitsAllocated, with the values normalized to BitsStored like native ones. Stateless.
 */
final class RasterSamples {

    private RasterSamples() {
    }

    /**
     * @param raster the decoded raster, one band per sample
     * @param pi the interpretation of the decoded values
     * @throws DicomFormatException when the raster's size or bands differ from the description
     */
    static PixelFrame toFrame(Raster raster, PixelDescription d, PhotometricInterpretation pi, int frameIndex,
            String source) throws DicomFormatException {
        if (raster.getWidth() != d.columns() || raster.getHeight() != d.rows()
                || raster.getNumBands() != d.samplesPerPixel()) {
            throw RleFrameDecoder.error(source, frameIndex, "decoded " + raster.getWidth() + " columns x "
                    + raster.getHeight() + " rows x " + raster.getNumBands() + " samples, expected Columns "
                    + d.columns() + " x Rows " + d.rows() + " x SamplesPerPixel " + d.samplesPerPixel());
        }
        int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), d.columns(), d.rows(), (int[]) null);
        return toFrame(samples, d, pi, frameIndex);
    }

    /**
     * @param samples Rows * Columns * SamplesPerPixel decoded values, samples interleaved, rows top to bottom
     * @param pi the interpretation of the decoded values
     */
    static PixelFrame toFrame(int[] samples, PixelDescription d, PhotometricInterpretation pi, int frameIndex) {
        NativeSamples.Normalizer norm = new NativeSamples.Normalizer(d);
        FrameFormat format = FrameFormat.of(d).withPhotometricInterpretation(pi);
        int n = samples.length;
        switch (d.bitsAllocated()) {
            case 1:
            case 8: {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) norm.apply(samples[i]);
                }
                return new PixelFrame(frameIndex, format, out);
            }
            case 16: {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (short) norm.apply(samples[i]);
                }
                return new PixelFrame(frameIndex, format, out);
            }
            default: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = norm.apply(samples[i]);
                }
                return new PixelFrame(frameIndex, format, out);
            }
        }
    }
}
