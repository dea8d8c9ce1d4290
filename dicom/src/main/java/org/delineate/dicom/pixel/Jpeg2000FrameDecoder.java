package org.delineate.dicom.pixel;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.delineate.dicom.io.DicomFormatException;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;

/**
 * JPEG 2000 Lossless (1.2.840.10008.1.2.4.90) and JPEG 2000 (4.91), codestreams or JP2 files, decoded by
 * jai-imageio's {@code J2KImageReader} (JJ2000), instantiated from its provider rather than looked up.
 *
 * <p>The reader undoes the multiple component transform, so YBR_RCT and YBR_ICT come back as RGB. Signed
 * data coded as unsigned (or with another precision) is normalized to BitsStored and PixelRepresentation
 * like native data: the DICOM attributes, not the codestream, say how to read the values. Stateless.
 */
final class Jpeg2000FrameDecoder implements FrameDecoder {

    @Override
    public PixelFrame decode(byte[] encoded, PixelDescription d, int frameIndex, String source) throws IOException {
        ImageReader reader = new J2KImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            return RasterSamples.toFrame(raster, d, interpretation(d), frameIndex, source);
        } catch (DicomFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // NB: JJ2000 reports corrupt codestreams with runtime exceptions of many kinds.
            throw RleFrameDecoder.error(source, frameIndex, "JPEG 2000 decoding failed: " + e);
        } finally {
            reader.dispose();
        }
    }

    private static PhotometricInterpretation interpretation(PixelDescription d) {
        PhotometricInterpretation pi = d.photometricInterpretation();
        return pi == PhotometricInterpretation.YBR_RCT || pi == PhotometricInterpretation.YBR_ICT
                ? PhotometricInterpretation.RGB : pi;
    }
}
