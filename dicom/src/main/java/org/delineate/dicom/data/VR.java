package org.delineate.dicom.data;

/**
 * Value Representations of PS3.5 section 6.2, with what encoding needs to know about each.
 *
 * <p>{@link #longHeader()} tells whether an Explicit VR element of this VR has a 4-byte length
 * (after 2 reserved bytes) rather than a 2-byte one; {@link #unitSize()} is the size in bytes of
 * one binary value, used for byte swapping (1 for strings and OB/UN).
 */
public enum VR {
    AE(Kind.TEXT, false, 1), AS(Kind.TEXT, false, 1), AT(Kind.BINARY, false, 2), CS(Kind.TEXT, false, 1),
    DA(Kind.TEXT, false, 1), DS(Kind.TEXT, false, 1), DT(Kind.TEXT, false, 1), FD(Kind.BINARY, false, 8),
    FL(Kind.BINARY, false, 4), IS(Kind.TEXT, false, 1), LO(Kind.TEXT, false, 1), LT(Kind.TEXT, false, 1),
    OB(Kind.BINARY, true, 1), OD(Kind.BINARY, true, 8), OF(Kind.BINARY, true, 4), OL(Kind.BINARY, true, 4),
    OV(Kind.BINARY, true, 8), OW(Kind.BINARY, true, 2), PN(Kind.TEXT, false, 1), SH(Kind.TEXT, false, 1),
    SL(Kind.BINARY, false, 4), SQ(Kind.SEQUENCE, true, 1), SS(Kind.BINARY, false, 2), ST(Kind.TEXT, false, 1),
    SV(Kind.BINARY, true, 8), TM(Kind.TEXT, false, 1), UC(Kind.TEXT, true, 1), UI(Kind.TEXT, false, 1),
    UL(Kind.BINARY, false, 4), UN(Kind.BINARY, true, 1), UR(Kind.TEXT, true, 1), US(Kind.BINARY, false, 2),
    UT(Kind.TEXT, true, 1), UV(Kind.BINARY, true, 8);

    /** What kind of value an element of a VR holds. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private final Kind kind;
    private final boolean longHeader;
    private final int unitSize;

    VR(Kind kind, boolean longHeader, int unitSize) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.unitSize = unitSize;
    }

    public Kind kind() {
        return kind;
    }

    /** True for VRs whose Explicit VR header is 12 bytes with a 32-bit length (PS3.5 Table 7.1-1). */
    public boolean longHeader() {
        return longHeader;
    }

    /** Bytes per binary value (2 for US/SS/OW/AT, 4 for UL/SL/FL/OF/OL, 8 for FD/OD/SV/UV/OV), 1 otherwise. */
    public int unitSize() {
        return unitSize;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    /** True when values of this VR are decoded with the Specific Character Set (PS3.5 6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return this == SH || this == LO || this == ST || this == LT || this == UC || this == UT || this == PN;
    }

    /** True for text VRs that may hold several values separated by backslash. */
    public boolean isMultiValuedText() {
        return isText() && this != LT && this != ST && this != UT && this != UR;
    }

    /** The byte a value of this VR is padded with to even length: NUL for UI and binary VRs, space otherwise. */
    public byte paddingByte() {
        return isText() && this != UI ? (byte) ' ' : 0;
    }

    /** The VR of two ASCII letters, or null when they name no VR. */
    public static VR of(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_CODE[(first - 'A') * 26 + (second - 'A')];
    }

    /** The VR of a code such as "PN", or null when it names none. */
    public static VR of(String code) {
        return code != null && code.length() == 2 ? of(code.charAt(0), code.charAt(1)) : null;
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[(vr.name().charAt(0) - 'A') * 26 + (vr.name().charAt(1) - 'A')] = vr;
        }
    }
}
