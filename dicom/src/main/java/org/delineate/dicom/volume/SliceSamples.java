package org.delineate.dicom.volume;

import org.delineate.dicom.pixel.ColorConversion;
import org.delineate.dicom.pixel.PhotometricInterpretation;
import org.delineate.dicom.pixel.PixelFrame;

/**
 * Turns a decoded frame into a volume plane of a {@link SampleType}, reusing the frame's array where
 * the layout already fits (unsigned 8/16-bit, float), shifting signed 8/16-bit values in place.
 */
final class SliceSamples {

    private SliceSamples() {
    }

    /** The sample type for frames like this one. */
    static SampleType typeOf(PixelFrame frame) {
        if (frame.samplesPerPixel() == 3) {
            return SampleType.RGB;
        }
        switch (frame.type()) {
            case BYTE: return SampleType.UINT8;
            case SHORT: return SampleType.UINT16;
            default: return SampleType.FLOAT32;
        }
    }

    /** The value added to stored values: 128 or 32768 for signed 8/16-bit frames, else 0. */
    static int storedOffset(PixelFrame frame) {
        if (!frame.signed() || frame.samplesPerPixel() != 1) {
            return 0;
        }
        return frame.type() == PixelFrame.Type.BYTE ? 128 : frame.type() == PixelFrame.Type.SHORT ? 32768 : 0;
    }

    /** The plane of {@code frame} in {@code type}; may be the frame's own array, modified. */
    static Object plane(PixelFrame frame, SampleType type) {
        switch (type) {
            case UINT8: {
                byte[] b = frame.bytes();
                if (frame.signed()) {
                    for (int i = 0; i < b.length; i++) {
                        b[i] ^= (byte) 0x80;
                    }
                }
                return b;
            }
            case UINT16: {
                short[] s = frame.shorts();
                if (frame.signed()) {
                    for (int i = 0; i < s.length; i++) {
                        s[i] ^= (short) 0x8000;
                    }
                }
                return s;
            }
            case FLOAT32:
                return floats(frame);
            default:
                return rgb(frame);
        }
    }

    private static float[] floats(PixelFrame frame) {
        if (frame.type() == PixelFrame.Type.FLOAT) {
            return frame.floats();
        }
        float[] f = new float[frame.length()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) frame.doubleValue(i);
        }
        return f;
    }

    /** Packs R, G, B (converting YBR first) into 0xRRGGBB ints; 16-bit samples keep their top 8 bits. */
    private static int[] rgb(PixelFrame frame) {
        PixelFrame rgb = frame.photometricInterpretation() == PhotometricInterpretation.RGB ? frame
                : ColorConversion.ybrToRgb(frame);
        int shift = Math.max(0, rgb.bitsStored() - 8);
        int pixels = rgb.rows() * rgb.columns();
        int[] packed = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            int r = (int) (rgb.value(3 * p) >> shift) & 0xFF;
            int g = (int) (rgb.value(3 * p + 1) >> shift) & 0xFF;
            int b = (int) (rgb.value(3 * p + 2) >> shift) & 0xFF;
            packed[p] = r << 16 | g << 8 | b;
        }
        return packed;
    }
}
