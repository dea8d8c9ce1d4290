package org.delineate.dicom.pixel;

import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;

/**
 * RLE Lossless (1.2.840.10008.1.2.5), PS3.5 Annex G: a header of 16 little-endian 32-bit values (the
 * number of segments, then the offset of each), and one PackBits segment per byte of each sample, most
 * significant byte first, samples in order. Stateless.
 */
final class RleFrameDecoder implements FrameDecoder {

    private static final int HEADER = 64;

    @Override
    public PixelFrame decode(byte[] encoded, PixelDescription d, int frameIndex, String source)
            throws DicomFormatException {
        int bytesPerSample = Math.max(1, d.bitsAllocated() / 8);
        int expected = d.samplesPerPixel() * bytesPerSample;
        if (encoded.length < HEADER) {
            throw error(source, frameIndex, "the frame is " + encoded.length + " bytes, shorter than the 64-byte RLE header");
        }
        int segments = (int) le32(encoded, 0);
        if (segments != expected) {
            throw error(source, frameIndex, "the RLE header declares " + segments + " segments, expected " + expected
                    + " = SamplesPerPixel " + d.samplesPerPixel() + " * " + bytesPerSample + " byte(s) per sample");
        }
        // NB: 1-bit frames are RLE-coded as their packed bytes; all others as one byte per pixel per segment.
        int segmentLength = d.bitsAllocated() == 1 ? (d.pixelsPerFrame() + 7) / 8 : d.pixelsPerFrame();
        // Decoded into color-by-plane order, little endian within a sample.
        byte[] out = new byte[segmentLength * expected];
        for (int s = 0; s < segments; s++) {
            long start = le32(encoded, 4 + 4 * s);
            long end = s + 1 < segments ? le32(encoded, 8 + 4 * s) : encoded.length;
            if (start < HEADER || end > encoded.length || start > end) {
                throw error(source, frameIndex, "RLE segment " + (s + 1) + " spans bytes " + start + " to " + end
                        + ", expected within 64 to " + encoded.length);
            }
            int sample = s / bytesPerSample;
            int significance = bytesPerSample - 1 - s % bytesPerSample;
            unpack(encoded, (int) start, (int) end, out, sample * segmentLength * bytesPerSample + significance,
                    bytesPerSample, segmentLength, source, frameIndex, s + 1);
        }
        return NativeSamples.decode(out, 0, 0, false, NativeSamples.Layout.PLANAR, d, frameIndex);
    }

    /** PackBits: n in 0..127 copies n + 1 bytes, n in -127..-1 repeats the next byte 1 - n times, -128 is a no-op. */
    private static void unpack(byte[] in, int pos, int end, byte[] out, int outPos, int stride, int length,
            String source, int frameIndex, int segment) throws DicomFormatException {
        int written = 0;
        while (written < length && pos < end) {
            int n = in[pos++];
            if (n >= 0) {
                int count = n + 1;
                if (pos + count > end || written + count > length) {
                    throw error(source, frameIndex, "RLE segment " + segment + " has a literal run of " + count
                            + " bytes that overruns the segment or the " + length + " bytes expected");
                }
                for (int k = 0; k < count; k++) {
                    out[outPos + (written++) * stride] = in[pos++];
                }
            } else if (n != -128) {
                int count = 1 - n;
                if (pos >= end || written + count > length) {
                    throw error(source, frameIndex, "RLE segment " + segment + " has a repeat run of " + count
                            + " bytes that overruns the segment or the " + length + " bytes expected");
                }
                byte value = in[pos++];
                for (int k = 0; k < count; k++) {
                    out[outPos + (written++) * stride] = value;
                }
            }
        }
        if (written < length) {
            throw error(source, frameIndex, "RLE segment " + segment + " decodes to " + written + " bytes, expected "
                    + length + " = Rows * Columns");
        }
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static DicomFormatException error(String source, int frameIndex, String problem) {
        return new DicomFormatException(source, -1, Tag.PixelData, "frame " + (frameIndex + 1) + ": " + problem);
    }
}
