package org.delineate.privacy.pixels;

import org.delineate.dicom.pixel.PhotometricInterpretation;

/**
 * The stored value blanked pixels get, per sample: the smallest value BitsStored can hold (0 unsigned,
 * -2^(BitsStored-1) signed), except the chrominance samples (Cb, Cr) of YBR interpretations, which get
 * the neutral 2^(BitsStored-1) so that blanked color pixels are black rather than green. Stateless.
 */
final class SampleFill {

    private SampleFill() {
    }

    /** The stored value of {@code sample} (0-based) of a blanked pixel. */
    static long value(int sample, int bitsStored, boolean signed, PhotometricInterpretation pi) {
        boolean ybr = pi.value().startsWith("YBR_") && pi != PhotometricInterpretation.YBR_ICT
                && pi != PhotometricInterpretation.YBR_RCT;
        if (ybr && sample > 0) {
            return 1L << (bitsStored - 1);
        }
        return signed ? -(1L << (bitsStored - 1)) : 0;
    }

    /**
     * The raw bits of {@code stored} in a sample cell of {@code bitsAllocated} bits whose high bit is
     * {@code highBit}: shifted up to the high bit, masked to the cell (two's complement for negatives).
     */
    static long raw(long stored, int bitsStored, int highBit, int bitsAllocated) {
        long shifted = stored << (highBit - bitsStored + 1);
        return bitsAllocated >= 64 ? shifted : shifted & ((1L << bitsAllocated) - 1);
    }
}
