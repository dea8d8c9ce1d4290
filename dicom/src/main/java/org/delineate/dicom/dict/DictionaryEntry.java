package org.delineate.dicom.dict;

import org.delineate.dicom.data.VR;

/**
 * One row of the PS3.6 data dictionary.
 *
 * @param tag the tag, with the x digits of repeating groups as 0 (e.g. 0x60003000 for (60xx,3000))
 * @param vrText the VR as the standard writes it: "PN", or an ambiguous "US or SS", "OB or OW"; "NONE" for items
 * @param vm the value multiplicity, e.g. "1", "2-n", "3-3n"
 * @param keyword the keyword, e.g. "PatientName"; empty for a few retired rows
 * @param retired true for retired attributes
 * @param name the attribute name, e.g. "Patient's Name"
 */
public record DictionaryEntry(int tag, String vrText, String vm, String keyword, boolean retired, String name) {

    /** The VR when the dictionary gives exactly one, otherwise null (ambiguous, or no VR). */
    public VR vr() {
        return VR.of(vrText);
    }

    /** True when the dictionary lists alternatives ("US or SS", "OB or OW", "US or SS or OW", "US or OW"). */
    public boolean isAmbiguous() {
        return vrText.contains(" or ");
    }
}
