package org.delineate.dicom.pixel;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.pixel.jpeg.JpegDecoder;
import org.delineate.dicom.pixel.jpeg.JpegFormatException;
import org.delineate.dicom.pixel.jpeg.JpegImage;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50), Extended (4.51), Lossless (4.57) and Lossless SV1 (4.70): 8-bit DCT
 * and lossless frames decoded by TwelveMonkeys' {@code JPEGImageReader}, chosen explicitly among the ImageIO
 * readers; 12-bit sequential DCT frames (SOF1), which TwelveMonkeys hands to the JDK's 8-bit libjpeg, by
 * Delineate's own {@link JpegDecoder}.
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
        boolean ours = header.precision() > 8 && !header.lossless();
        if (ours && header.process() > 1) {
            throw new UnsupportedTransferSyntaxException(source, transferSyntax, "frame " + (frameIndex + 1)
                    + " is " + header.precision() + "-bit DCT JPEG (SOF" + header.process()
                    + "); only the sequential Huffman-coded processes (SOF0, SOF1) are decoded at that precision");
        }
        if ((header.rows() != 0 && header.rows() != d.rows()) || header.columns() != d.columns()) {
            // NB: checked before decoding, so that a hostile header cannot make the reader allocate a huge image.
            throw RleFrameDecoder.error(source, frameIndex, "the JPEG frame is " + header.columns() + " columns x "
                    + header.rows() + " rows, expected Columns " + d.columns() + " x Rows " + d.rows());
        }
        if (ours) {
            return decodeOwn(encoded, d, header, frameIndex, source);
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

    /**
     * Decodes a 12-bit sequential DCT frame with Delineate's {@link JpegDecoder}.
     *
     * <p>NB: 8-bit frames stay with TwelveMonkeys (libjpeg), the decoder the pydicom comparison was made with;
     * ours agrees with it to within 1 on the 8-bit corpus (see docs/pixel-data.md).
     */
    private static PixelFrame decodeOwn(byte[] encoded, PixelDescription d, JpegHeader header, int frameIndex,
            String source) throws DicomFormatException {
        JpegImage image;
        try {
            image = JpegDecoder.decode(encoded, d.columns(), d.rows());
        } catch (JpegFormatException e) {
            DicomFormatException error = RleFrameDecoder.error(source, frameIndex, "JPEG decoding failed: "
                    + e.getMessage());
            error.initCause(e);
            throw error;
        }
        if (image.components() != d.samplesPerPixel()) {
            throw RleFrameDecoder.error(source, frameIndex, "the JPEG frame has " + image.components()
                    + " components, expected SamplesPerPixel " + d.samplesPerPixel());
        }
        return RasterSamples.toFrame(image.samples(), d, interpretation(d, header), frameIndex);
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
