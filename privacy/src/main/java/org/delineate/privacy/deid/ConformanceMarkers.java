package org.delineate.privacy.deid;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;
import org.delineate.privacy.profile.ProfileOption;

/**
 * The attributes that declare an instance de-identified (PS3.15 E.1.1, PS3.3 C.12.1): Patient Identity Removed
 * (0012,0062) YES, De-identification Method (0012,0063) naming the profile, edition, options and policy,
 * De-identification Method Code Sequence (0012,0064) with the PS3.16 CID 7050 codes, and Longitudinal Temporal
 * Information Modified (0028,0303). Stateless; the data sets passed are modified.
 */
public final class ConformanceMarkers {

    static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    static final int DEIDENTIFICATION_METHOD = 0x00120063;
    static final int DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
    static final int LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
    private static final int CODE_VALUE = 0x00080100;
    private static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    private static final int CODE_MEANING = 0x00080104;
    private static final int MAX_LO = 64;

    private ConformanceMarkers() {
    }

    /**
     * Writes the markers for the Basic Profile and {@code options}, replacing any earlier ones.
     *
     * @param edition the edition of Table E.1-1 applied, e.g. "2024e"
     * @param policyName the policy's name, recorded as one value of De-identification Method
     * @param temporal UNMODIFIED, MODIFIED or REMOVED
     */
    static void write(DataSet dataSet, String edition, String policyName, List<ProfileOption> options,
            String temporal) {
        dataSet.setString(PATIENT_IDENTITY_REMOVED, VR.CS, "YES");
        List<String> method = new ArrayList<>();
        method.add(fit("DICOM PS3.15 " + edition + " " + ProfileOption.BASIC_PROFILE_MEANING));
        Sequence codes = dataSet.newSequence(DEIDENTIFICATION_METHOD_CODE_SEQUENCE);
        addCode(codes, ProfileOption.BASIC_PROFILE_CODE, ProfileOption.BASIC_PROFILE_MEANING);
        for (ProfileOption option : options) {
            method.add(option.codeMeaning());
            addCode(codes, option.codeValue(), option.codeMeaning());
        }
        method.add(fit("Delineate policy " + policyName));
        dataSet.setString(DEIDENTIFICATION_METHOD, VR.LO, method.toArray(String[]::new));
        dataSet.setString(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, VR.CS, temporal);
    }

    /**
     * Records a pixel option ({@link ProfileOption#CLEAN_PIXEL_DATA} or
     * {@link ProfileOption#CLEAN_RECOGNIZABLE_VISUAL_FEATURES}) after the caller has performed it on the Pixel
     * Data of a data set already de-identified: adds its code and its meaning to the method. Idempotent.
     *
     * @throws IllegalArgumentException if the data set carries no De-identification Method Code Sequence
     */
    public static void recordPerformed(DataSet dataSet, ProfileOption option) {
        Sequence codes = dataSet.getSequence(DEIDENTIFICATION_METHOD_CODE_SEQUENCE);
        if (codes == null) {
            throw new IllegalArgumentException("the data set has not been de-identified: no "
                    + "(0012,0064) DeidentificationMethodCodeSequence");
        }
        for (DataSet item : codes) {
            if (option.codeValue().equals(item.getString(CODE_VALUE))) {
                return;
            }
        }
        addCode(codes, option.codeValue(), option.codeMeaning());
        List<String> method = new ArrayList<>(List.of(dataSet.getStrings(DEIDENTIFICATION_METHOD)));
        method.add(option.codeMeaning());
        dataSet.setString(DEIDENTIFICATION_METHOD, VR.LO, method.toArray(String[]::new));
    }

    private static void addCode(Sequence codes, String value, String meaning) {
        DataSet item = codes.addItem();
        item.setString(CODE_VALUE, VR.SH, value);
        item.setString(CODING_SCHEME_DESIGNATOR, VR.SH, "DCM");
        item.setString(CODE_MEANING, VR.LO, meaning);
    }

    private static String fit(String text) {
        String t = text.replace('\\', '/');
        return t.length() <= MAX_LO ? t : t.substring(0, MAX_LO);
    }
}
