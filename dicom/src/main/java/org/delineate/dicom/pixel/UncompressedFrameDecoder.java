package org.delineate.dicom.pixel;

/**
 * Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98): each frame is a native
 * little-endian frame in its own fragment(s), byte aligned even for BitsAllocated 1. Stateless.
 */
final class UncompressedFrameDecoder implements FrameDecoder {

    @Override
    public PixelFrame decode(byte[] encoded, PixelDescription d, int frameIndex, String source)
            throws org.delineate.dicom.io.DicomFormatException {
        long expected = (d.nativeFrameBits() + 7) / 8;
        if (encoded.length < expected) {
            throw RleFrameDecoder.error(source, frameIndex, "the uncompressed frame is " + encoded.length
                    + " bytes, expected " + expected);
        }
        return NativeSamples.decode(encoded, 0, 0, false, d, frameIndex);
    }
}
