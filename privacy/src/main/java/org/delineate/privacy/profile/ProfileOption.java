package org.delineate.privacy.profile;

/**
 * The options of the Basic Application Level Confidentiality Profile (PS3.15 E.3), each with its code in PS3.16
 * CID 7050 "De-identification Method" (scheme DCM) and, where it has one, its column in Table E.1-1.
 *
 * <p>The two pixel options have no column: they are about Pixel Data, which the engine leaves untouched and the
 * pixel redaction step cleans. The codes and meanings were checked against pydicom 2.3.1's copy of PS3.16 (a test
 * compares them).
 */
public enum ProfileOption {
    CLEAN_PIXEL_DATA("cleanPixelData", "113101", "Clean Pixel Data Option", null),
    CLEAN_RECOGNIZABLE_VISUAL_FEATURES("cleanRecognizableVisualFeatures", "113102",
            "Clean Recognizable Visual Features Option", null),
    CLEAN_GRAPHICS("cleanGraphics", "113103", "Clean Graphics Option", "cleanGraphOpt"),
    CLEAN_STRUCTURED_CONTENT("cleanStructuredContent", "113104", "Clean Structured Content Option",
            "cleanStructContOpt"),
    CLEAN_DESCRIPTORS("cleanDescriptors", "113105", "Clean Descriptors Option", "cleanDescOpt"),
    RETAIN_LONGITUDINAL_FULL_DATES("retainLongitudinalFullDates", "113106",
            "Retain Longitudinal Temporal Information Full Dates Option", "rtnLongFullDatesOpt"),
    RETAIN_LONGITUDINAL_MODIFIED_DATES("retainLongitudinalModifiedDates", "113107",
            "Retain Longitudinal Temporal Information Modified Dates Option", "rtnLongModifDatesOpt"),
    RETAIN_PATIENT_CHARACTERISTICS("retainPatientCharacteristics", "113108",
            "Retain Patient Characteristics Option", "rtnPatCharsOpt"),
    RETAIN_DEVICE_IDENTITY("retainDeviceIdentity", "113109", "Retain Device Identity Option", "rtnDevIdOpt"),
    RETAIN_UIDS("retainUids", "113110", "Retain UIDs Option", "rtnUIDsOpt"),
    RETAIN_SAFE_PRIVATE("retainSafePrivate", "113111", "Retain Safe Private Option", "rtnSafePrivOpt"),
    RETAIN_INSTITUTION_IDENTITY("retainInstitutionIdentity", "113112", "Retain Institution Identity Option",
            "rtnInstIdOpt");

    /** The code of the Basic Application Confidentiality Profile itself in CID 7050. */
    public static final String BASIC_PROFILE_CODE = "113100";
    /** Its code meaning. */
    public static final String BASIC_PROFILE_MEANING = "Basic Application Confidentiality Profile";

    private final String jsonName;
    private final String codeValue;
    private final String codeMeaning;
    private final String column;

    ProfileOption(String jsonName, String codeValue, String codeMeaning, String column) {
        this.jsonName = jsonName;
        this.codeValue = codeValue;
        this.codeMeaning = codeMeaning;
        this.column = column;
    }

    /** The name used in policy files, e.g. "retainUids". */
    public String jsonName() {
        return jsonName;
    }

    /** The CID 7050 code value (scheme DCM), e.g. "113110". */
    public String codeValue() {
        return codeValue;
    }

    /** The CID 7050 code meaning, e.g. "Retain UIDs Option" (at most 64 characters, a valid LO). */
    public String codeMeaning() {
        return codeMeaning;
    }

    /** The column of Table E.1-1 in the standard's JSON, e.g. "rtnUIDsOpt"; null for the pixel options. */
    public String column() {
        return column;
    }

    /** The option of a policy-file name, or null. */
    public static ProfileOption ofJsonName(String name) {
        for (ProfileOption option : values()) {
            if (option.jsonName.equals(name)) {
                return option;
            }
        }
        return null;
    }
}
