package org.delineate.privacy.pixels;

import java.util.List;

import org.delineate.dicom.pixel.PixelDescription;

/**
 * Blanks rectangles in native (uncompressed) Pixel Data given as its raw bytes: 8, 16 or 32 bits
 * allocated, 1 to 4 samples per pixel, color-by-pixel or color-by-plane, any number of frames, either
 * byte order. Works on the caller's array; stateless.
 */
final class NativeBlanking {

    private NativeBlanking() {
    }

    /**
     * Why {@code d} cannot be blanked natively, or null when it can.
     */
    static String unsupported(PixelDescription d) {
        if (d.floatingPoint()) {
            return "Float or Double Float Pixel Data";
        }
        if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16 && d.bitsAllocated() != 32) {
            return "BitsAllocated " + d.bitsAllocated() + " (8, 16 or 32 can be redacted)";
        }
        if (d.nativeFrameBits() != (long) d.pixelsPerFrame() * d.samplesPerPixel() * d.bitsAllocated()) {
            return "native " + d.photometricInterpretation() + " with subsampled chrominance";
        }
        return null;
    }

    /**
     * Sets every sample of the pixels inside {@code rectangles} (clipped to the image) in every frame of
     * {@code bytes} to {@link SampleFill}.
     *
     * @param bigEndian true for Explicit VR Big Endian
     * @param swappedPairs true when 8-bit values were written as OW in big endian, each byte pair swapped
     */
    static void blank(byte[] bytes, PixelDescription d, List<Rectangle> rectangles, boolean bigEndian,
            boolean swappedPairs) {
        int bytesPerSample = d.bitsAllocated() / 8;
        int rows = d.rows();
        int columns = d.columns();
        int samples = d.samplesPerPixel();
        long frameSamples = (long) rows * columns * samples;
        boolean planar = d.planarConfiguration() == 1;
        long[] raw = new long[samples];
        for (int s = 0; s < samples; s++) {
            raw[s] = SampleFill.raw(SampleFill.value(s, d.bitsStored(), d.signed(), d.photometricInterpretation()),
                    d.bitsStored(), d.highBit(), d.bitsAllocated());
        }
        for (int f = 0; f < d.numberOfFrames(); f++) {
            for (Rectangle r : rectangles) {
                int rowEnd = (int) Math.min(rows, (long) r.y() + r.height());
                int columnEnd = (int) Math.min(columns, (long) r.x() + r.width());
                for (int y = r.y(); y < rowEnd; y++) {
                    for (int x = r.x(); x < columnEnd; x++) {
                        long pixel = (long) y * columns + x;
                        for (int s = 0; s < samples; s++) {
                            long index = f * frameSamples + (planar ? (long) s * rows * columns + pixel : pixel * samples + s);
                            put(bytes, index * bytesPerSample, bytesPerSample, raw[s], bigEndian, swappedPairs);
                        }
                    }
                }
            }
        }
    }

    private static void put(byte[] bytes, long offset, int size, long value, boolean bigEndian, boolean swappedPairs) {
        for (int b = 0; b < size; b++) {
            int shift = 8 * (bigEndian ? size - 1 - b : b);
            long at = offset + b;
            if (swappedPairs) {
                at ^= 1;
            }
            bytes[(int) at] = (byte) (value >>> shift);
        }
    }
}
