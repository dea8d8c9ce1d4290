package org.delineate.privacy.deid;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;

/**
 * The dummy values of action D (PS3.15 Table E.1-1a: "a non-zero length value that may be a dummy value and
 * consistent with the VR"). NB: the standard prescribes none; these are fixed, obviously artificial values, the
 * same for every instance, so they carry no information.
 */
final class DummyValues {

    /** The dummy text for names and free text; a valid PN, LO, SH, CS and AE value. */
    static final String TEXT = "ANONYMOUS";
    static final String DATE = "19000101";
    static final String TIME = "000000";
    static final String DATE_TIME = "19000101000000";

    private DummyValues() {
    }

    /** Puts the dummy value of {@code vr} for {@code tag} into {@code item} (not for SQ and UI). */
    static void put(DataSet item, int tag, VR vr) {
        switch (vr) {
            case DA -> item.setString(tag, vr, DATE);
            case TM -> item.setString(tag, vr, TIME);
            case DT -> item.setString(tag, vr, DATE_TIME);
            case AS -> item.setString(tag, vr, "000Y");
            case IS, DS -> item.setString(tag, vr, "0");
            case UR -> item.setString(tag, vr, "urn:anonymous");
            case AE, CS, LO, LT, PN, SH, ST, UC, UT -> item.setString(tag, vr, TEXT);
            case AT -> item.setBytes(tag, vr, new byte[4]);
            default -> item.setBytes(tag, vr, new byte[Math.max(2, vr.unitSize())]);
        }
    }
}
