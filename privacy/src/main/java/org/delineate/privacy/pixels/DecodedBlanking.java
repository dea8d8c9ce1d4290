package org.delineate.privacy.pixels;

import java.io.IOException;
import java.util.List;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.pixel.PhotometricInterpretation;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.pixel.PixelDescription;
import org.delineate.dicom.pixel.PixelFrame;

/**
 * Decodes every frame of encapsulated Pixel Data, blanks the rectangles in the decoded values and
 * encodes the frames as native little-endian bytes, color-by-pixel. Stateless.
 */
final class DecodedBlanking {

    /** The native bytes and the Photometric Interpretation the decoder returned them in. */
    record Result(byte[] bytes, PhotometricInterpretation photometricInterpretation) {
    }

    private DecodedBlanking() {
    }

    /** Why {@code d} cannot be decoded and re-encoded natively here, or null when it can. */
    static String unsupported(PixelDescription d) {
        if (d.floatingPoint() || d.bitsAllocated() != 8 && d.bitsAllocated() != 16 && d.bitsAllocated() != 32) {
            return "BitsAllocated " + d.bitsAllocated() + " (8, 16 or 32 can be redacted)";
        }
        long length = (long) d.pixelsPerFrame() * d.samplesPerPixel() * (d.bitsAllocated() / 8) * d.numberOfFrames();
        if (length > BulkData.MAX_ARRAY) {
            return "decoded Pixel Data of " + length + " bytes, more than one array holds";
        }
        return null;
    }

    static Result blank(PixelData pixels, List<Rectangle> rectangles) throws IOException {
        PixelDescription d = pixels.description();
        int bytesPerSample = d.bitsAllocated() / 8;
        int frameValues = d.pixelsPerFrame() * d.samplesPerPixel();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(frameValues, bytesPerSample), d.numberOfFrames())];
        PhotometricInterpretation pi = d.photometricInterpretation();
        for (int f = 0; f < d.numberOfFrames(); f++) {
            PixelFrame frame = pixels.frame(f);
            pi = frame.photometricInterpretation();
            blank(frame, rectangles, d);
            int base = f * frameValues * bytesPerSample;
            for (int i = 0; i < frameValues; i++) {
                long raw = SampleFill.raw(frame.value(i), d.bitsStored(), d.highBit(), d.bitsAllocated());
                for (int b = 0; b < bytesPerSample; b++) {
                    out[base + i * bytesPerSample + b] = (byte) (raw >>> (8 * b));
                }
            }
        }
        return new Result(out, pi);
    }

    /** Blanks the rectangles in the frame's own (interleaved) array. */
    private static void blank(PixelFrame frame, List<Rectangle> rectangles, PixelDescription d) {
        int samples = frame.samplesPerPixel();
        int columns = frame.columns();
        long[] fill = new long[samples];
        for (int s = 0; s < samples; s++) {
            fill[s] = SampleFill.value(s, d.bitsStored(), d.signed(), frame.photometricInterpretation());
        }
        Object data = frame.data();
        for (Rectangle r : rectangles) {
            int rowEnd = (int) Math.min(frame.rows(), (long) r.y() + r.height());
            int columnEnd = (int) Math.min(columns, (long) r.x() + r.width());
            for (int y = r.y(); y < rowEnd; y++) {
                for (int x = r.x(); x < columnEnd; x++) {
                    for (int s = 0; s < samples; s++) {
                        int i = (y * columns + x) * samples + s;
                        if (data instanceof byte[] b) {
                            b[i] = (byte) fill[s];
                        } else if (data instanceof short[] v) {
                            v[i] = (short) fill[s];
                        } else {
                            ((int[]) data)[i] = (int) fill[s];
                        }
                    }
                }
            }
        }
    }
}
