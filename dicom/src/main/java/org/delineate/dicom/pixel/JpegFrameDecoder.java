package org.delineate.dicom.pixel;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.delineate.dicom.io.TransferSyntax;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50), Extended (4.51, 8-bit only), Lossless (4.57) and Lossless SV1
 * (4.70), decoded by TwelveMonkeys' {@code JPEGImageReader}, chosen explicitly among the ImageIO readers.
 *
 * <p>Frames are read as rasters, without color conversion: the values are the JPEG components as coded.
 * For YBR_FULL_422 and YBR_FULL these are Y, Cb, Cr (the decoder upsamples the chroma), reported as
 * YBR_FULL; for RGB they are R, G, B, as PS3.5 8.2.1 requires of JPEG with RGB (no color transform),
 * unless an Adobe APP14 marker says the components were transformed to YCbCr, when they are reported as
 * YBR_FULL. {@link ColorConversion} turns YBR_FULL into RGB. Stateless.
 */
final class JpegFrameDecoder implements FrameDecoder {

    private static final String READER_CLASS = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader";

    private final TransferSyntax transferSyntax;

    JpegFrameDecoder(TransferSyntax transferSyntax) {
        this.transferSyntax = transferSyntax;
    }

    @Override
    public PixelFrame decode(byte[] encoded, PixelDescription d, int frameIndex, String source) throws IOException {
        JpegHeader header = JpegHeader.parse(encoded, source, frameIndex);
        if (header.precision() > 8 && !header.lossless()) {
            throw new UnsupportedTransferSyntaxException(source, transferSyntax, "frame " + (frameIndex + 1)
                    + " is " + header.precision() + "-bit DCT JPEG (SOF" + header.process()
                    + "), which the JPEG decoder (TwelveMonkeys over the JDK's 8-bit libjpeg) cannot decode");
        }
        if ((header.rows() != 0 && header.rows() != d.rows()) || header.columns() != d.columns()) {
            // NB: checked before decoding, so that a hostile header cannot make the reader allocate a huge image.
            throw RleFrameDecoder.error(source, frameIndex, "the JPEG frame is " + header.columns() + " columns x "
                    + header.rows() + " rows, expected Columns " + d.columns() + " x Rows " + d.rows());
        }
        byte[] stream = encoded;
        if (header.shortAdobeAt() >= 0) {
            // NB: libjpeg ignores an APP14 "Adobe" segment shorter than its 12 data bytes, TwelveMonkeys fails on
            // it ("Bad segment length"); renamed to APP15 it is skipped. Seen in pydicom's SC_rgb_jpeg.dcm.
            stream = encoded.clone();
            stream[header.shortAdobeAt() + 1] = (byte) 0xEF;
        }
        ImageReader reader = reader(source);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            return RasterSamples.toFrame(raster, d, interpretation(d, header), frameIndex, source);
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.delineate.dicom.io.DicomFormatException) {
                throw (IOException) e;
            }
            // NB: ImageIO readers signal corrupt streams with IIOException and, often, runtime exceptions.
            throw RleFrameDecoder.error(source, frameIndex, "JPEG decoding failed: " + e);
        } finally {
            reader.dispose();
        }
    }

    private static PhotometricInterpretation interpretation(PixelDescription d, JpegHeader header) {
        PhotometricInterpretation pi = d.photometricInterpretation();
        if (pi == PhotometricInterpretation.YBR_FULL_422) {
            return PhotometricInterpretation.YBR_FULL;
        }
        if (pi == PhotometricInterpretation.RGB && header.adobeTransform() == 1) {
            return PhotometricInterpretation.YBR_FULL;
        }
        return pi;
    }

    private ImageReader reader(String source) throws UnsupportedTransferSyntaxException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().equals(READER_CLASS)) {
                return candidate;
            }
            candidate.dispose();
        }
        throw new UnsupportedTransferSyntaxException(source, transferSyntax,
                "TwelveMonkeys' JPEG reader is not registered with ImageIO");
    }
}
