package org.delineate.dicom.io;

import java.util.Objects;

import org.delineate.dicom.dict.UidRegistry;

/**
 * A Transfer Syntax (PS3.5 section 10): how the data set is encoded. Immutable.
 *
 * <p>Any UID other than the three native ones and Deflated is taken as Explicit VR Little Endian
 * with encapsulated Pixel Data, as PS3.5 requires of all compressed transfer syntaxes.
 */
public final class TransferSyntax {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);
    /** RLE Lossless. */
    public static final TransferSyntax RLE_LOSSLESS = new TransferSyntax("1.2.840.10008.1.2.5", true, false, false, true);

    private final String uid;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    /** The transfer syntax of a UID; unknown UIDs are Explicit VR Little Endian, encapsulated. */
    public static TransferSyntax of(String uid) {
        Objects.requireNonNull(uid, "uid");
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
                DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN, RLE_LOSSLESS}) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        return new TransferSyntax(uid, true, false, false, true);
    }

    public String uid() {
        return uid;
    }

    /** The registered name, e.g. "JPEG Lossless, Non-Hierarchical, First-Order Prediction", or the UID. */
    public String name() {
        String name = UidRegistry.standard().nameOf(uid);
        return name.isEmpty() ? uid : name;
    }

    public boolean explicitVr() {
        return explicitVr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean deflated() {
        return deflated;
    }

    /** True when Pixel Data is encapsulated (compressed) in this transfer syntax. */
    public boolean encapsulated() {
        return encapsulated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax && ((TransferSyntax) o).uid.equals(uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return uid;
    }
}
