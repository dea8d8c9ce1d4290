package org.delineate.dicom.io;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;

/** Builds the File Meta Information (PS3.10 7.1) that Delineate writes. */
public final class FileMetaInformation {

    /** Delineate's Implementation Class UID (a UUID-derived UID under 2.25). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.211432769376178326441389567812385046529";
    /** Delineate's Implementation Version Name. */
    public static final String IMPLEMENTATION_VERSION_NAME = "DELINEATE_010";

    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;

    private FileMetaInformation() {
    }

    /**
     * New File Meta Information for a data set: SOP Class and Instance UIDs from (0008,0016) and
     * (0008,0018), which must be present; the transfer syntax; Delineate as the implementation.
     */
    public static DataSet create(DataSet dataSet, TransferSyntax ts) {
        String sopClass = dataSet.getString(SOP_CLASS_UID);
        String sopInstance = dataSet.getString(SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("cannot write a Part 10 file without "
                    + (sopClass == null ? "(0008,0016) SOPClassUID" : "(0008,0018) SOPInstanceUID"));
        }
        DataSet meta = new DataSet();
        meta.setInts(0x00020000, VR.UL, 0);
        meta.setBytes(0x00020001, VR.OB, new byte[] {0, 1});
        meta.setString(0x00020002, VR.UI, sopClass);
        meta.setString(0x00020003, VR.UI, sopInstance);
        meta.setString(0x00020010, VR.UI, ts.uid());
        meta.setString(0x00020012, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(0x00020013, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }
}
