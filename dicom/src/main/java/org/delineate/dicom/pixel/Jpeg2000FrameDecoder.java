package org.delineate.dicom.pixel;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.TransferSyntax;

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

    /** Selective arithmetic coding bypass and termination on each coding pass (A.6.1, Table A.19). */
    private static final int BYPASS_AND_TERMALL = 0x01 | 0x04;

    private final TransferSyntax transferSyntax;

    Jpeg2000FrameDecoder(TransferSyntax transferSyntax) {
        this.transferSyntax = transferSyntax;
    }

    @Override
    public PixelFrame decode(byte[] encoded, PixelDescription d, int frameIndex, String source) throws IOException {
        encoded = codestream(encoded);
        int[] offset = checkSize(encoded, d, frameIndex, source);
        if ((Jpeg2000TileParts.codeBlockStyles(encoded) & BYPASS_AND_TERMALL) == BYPASS_AND_TERMALL) {
            // NB: JJ2000 differs from OpenJPEG (GDCM's and pydicom's decoder, which gives back what OpenJPEG
            // encoded) by 1 or 2 in some values of code-blocks coded with both styles: refused, not guessed.
            throw new UnsupportedTransferSyntaxException(source, transferSyntax, "frame " + (frameIndex + 1)
                    + " has code-blocks with both selective arithmetic coding bypass and termination on each "
                    + "coding pass (ISO 15444-1 Table A.19), which JJ2000 does not decode exactly");
        }
        encoded = Jpeg2000TileParts.normalize(encoded);
        ImageReader reader = new J2KImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            if (raster.getWidth() == offset[0] + d.columns() && raster.getHeight() == offset[1] + d.rows()) {
                // NB: JJ2000 returns the reference grid from (0, 0); the image starts at (XOsiz, YOsiz), A.5.1.
                raster = raster.createChild(raster.getMinX() + offset[0], raster.getMinY() + offset[1], d.columns(),
                        d.rows(), 0, 0, null);
            }
            return RasterSamples.toFrame(raster, d, interpretation(d), frameIndex, source);
        } catch (DicomFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // NB: JJ2000 reports corrupt codestreams with runtime exceptions of many kinds.
            throw RleFrameDecoder.error(source, frameIndex, "JPEG 2000 decoding failed: " + e);
        } catch (Error e) {
            // NB: and with java.lang.Error itself ("Corrupted Bitstream: Could not parse EPH marker !").
            if (e.getClass() != Error.class) {
                throw e;
            }
            throw RleFrameDecoder.error(source, frameIndex, "JPEG 2000 decoding failed: " + e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Compares the image size of the SIZ marker (ISO 15444-1 A.5.1) with Rows and Columns before decoding, so
     * that a hostile header cannot make the reader allocate a huge image, and returns the image offset
     * {XOsiz, YOsiz} ({0, 0} when no SIZ is found). JJ2000 allocates the reference grid from (0, 0), so an
     * offset that makes it more than 4 times the image and more than 2^24 points is refused too.
     */
    private static int[] checkSize(byte[] encoded, PixelDescription d, int frameIndex, String source)
            throws DicomFormatException {
        int limit = Math.min(encoded.length - 22, 4096);
        for (int i = 0; i < limit; i++) {
            if ((encoded[i] & 0xFF) == 0xFF && encoded[i + 1] == 0x4F && (encoded[i + 2] & 0xFF) == 0xFF
                    && encoded[i + 3] == 0x51) {
                long columns = u32(encoded, i + 8) - u32(encoded, i + 16);
                long rows = u32(encoded, i + 12) - u32(encoded, i + 20);
                if (columns != d.columns() || rows != d.rows()) {
                    throw RleFrameDecoder.error(source, frameIndex, "the JPEG 2000 frame is " + columns + " columns x "
                            + rows + " rows, expected Columns " + d.columns() + " x Rows " + d.rows());
                }
                long x = u32(encoded, i + 16);
                long y = u32(encoded, i + 20);
                if ((x + columns) * (y + rows) > Math.max(4 * columns * rows, 1 << 24)) {
                    throw RleFrameDecoder.error(source, frameIndex, "the JPEG 2000 image offset is XOsiz " + x
                            + ", YOsiz " + y + ": its reference grid would be more than 4 times the image and 2^24 points");
                }
                return new int[] {(int) x, (int) y};
            }
        }
        return new int[2];
    }

    /**
     * The contiguous codestream of a JP2 file (its jp2c box, ISO 15444-1 I.5.4), or the input when it
     * is a bare codestream. NB: DICOM asks for bare codestreams (PS3.5 A.4.4); some writers put whole
     * JP2 files in, and a JP2 decoder would then apply the file's colour specification (an ICC profile,
     * say) while the Photometric Interpretation alone must say what the values are.
     */
    static byte[] codestream(byte[] encoded) {
        boolean jp2 = encoded.length >= 12 && u32(encoded, 0) == 12 && u32(encoded, 4) == 0x6A502020L;
        int at = 0;
        while (jp2 && at + 8 <= encoded.length) {
            long length = u32(encoded, at);
            long type = u32(encoded, at + 4);
            int header = 8;
            if (length == 1 && at + 16 <= encoded.length) {
                length = u32(encoded, at + 8) << 32 | u32(encoded, at + 12);
                header = 16;
            } else if (length == 0) {
                length = encoded.length - at;
            }
            if (length < header || at + length > encoded.length) {
                return encoded;
            }
            if (type == 0x6A703263L) {
                return Arrays.copyOfRange(encoded, at + header, (int) (at + length));
            }
            at += (int) length;
        }
        return encoded;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static PhotometricInterpretation interpretation(PixelDescription d) {
        PhotometricInterpretation pi = d.photometricInterpretation();
        return pi == PhotometricInterpretation.YBR_RCT || pi == PhotometricInterpretation.YBR_ICT
                ? PhotometricInterpretation.RGB : pi;
    }
}
