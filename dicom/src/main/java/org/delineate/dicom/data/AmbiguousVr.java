package org.delineate.dicom.data;

/**
 * Resolution of the dictionary's ambiguous VRs ("US or SS", "OB or OW", "US or SS or OW", "US or
 * OW") for values whose encoding does not say (Implicit VR, or UN).
 */
public final class AmbiguousVr {

    private static final int PIXEL_REPRESENTATION = 0x00280103;

    private AmbiguousVr() {
    }

    /**
     * NB: OB-or-OW elements are OW in Implicit VR (PS3.5 A.1 c); US-or-SS ones follow Pixel
     * Representation (0028,0103) of the nearest enclosing data set that has it, US when none does;
     * LUT Data (US or OW, US or SS or OW) is OW, which decodes the same as US.
     *
     * @param ambiguous the dictionary's VR text, e.g. "US or SS"
     * @param context the data set holding the element, or null
     */
    public static VR resolve(String ambiguous, DataSet context) {
        if (ambiguous.startsWith("US or SS") && !ambiguous.endsWith("OW")) {
            for (DataSet d = context; d != null; d = d.parent()) {
                if (d.contains(PIXEL_REPRESENTATION)) {
                    return d.getInt(PIXEL_REPRESENTATION, 0) == 1 ? VR.SS : VR.US;
                }
            }
            return VR.US;
        }
        return VR.OW;
    }
}
