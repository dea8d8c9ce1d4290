package org.delineate.privacy.deid;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;

/**
 * A generated CT data set full of made-up PHI: in the usual places, in private elements (and a private sequence),
 * in an SR content tree three levels deep, in overlay and curve groups, in UN elements, in Original Attributes and
 * Icon Image Sequences, and echoed in free text the table does not cover.
 */
public final class PhiDataSets {

    public static final String PATIENT_NAME = "Doe^Johnathan";
    public static final String PATIENT_ID = "MRN0012345";
    public static final String STUDY_UID = "1.2.826.0.1.3680043.99.1";
    public static final String SERIES_UID = "1.2.826.0.1.3680043.99.2";
    public static final String INSTANCE_UID = "1.2.826.0.1.3680043.99.3";
    public static final String REFERENCED_UID = "1.2.826.0.1.3680043.99.4";
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    /** The identifying values put in, for checks on the Java side. */
    public static final List<String> IDENTIFIERS = List.of("DOE", "JOHNATHAN", PATIENT_ID, "SPRINGFIELD", "HOUSE",
            "GREGORY", "CUDDY", "WILSON", "ACC998877", "20200315", "19700315", STUDY_UID, SERIES_UID, INSTANCE_UID,
            REFERENCED_UID);

    private PhiDataSets() {
    }

    public static DataSet create() {
        DataSet ds = new DataSet();
        ds.setString(0x00080005, VR.CS, "ISO_IR 100");
        ds.setString(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(0x00080016, VR.UI, CT_IMAGE_STORAGE);
        ds.setString(0x00080018, VR.UI, INSTANCE_UID);
        ds.setString(0x00080020, VR.DA, "20200315");
        ds.setString(0x00080021, VR.DA, "20200315");
        ds.setString(0x00080030, VR.TM, "101500");
        ds.setString(0x0008002A, VR.DT, "20200315101500.000000");
        ds.setString(0x00080050, VR.SH, "ACC998877");
        ds.setString(0x00080060, VR.CS, "CT");
        ds.setString(0x00080070, VR.LO, "ACME");
        ds.setString(0x00080080, VR.LO, "Springfield General");
        ds.setString(0x00080090, VR.PN, "House^Gregory");
        ds.setString(0x00081030, VR.LO, "CT HEAD");
        ds.setString(0x00081090, VR.LO, "Scanner 9000");
        Sequence refs = ds.newSequence(0x00081140);
        DataSet ref = refs.addItem();
        ref.setString(0x00081150, VR.UI, CT_IMAGE_STORAGE);
        ref.setString(0x00081155, VR.UI, REFERENCED_UID);
        ds.setString(0x00100010, VR.PN, PATIENT_NAME);
        ds.setString(0x00100020, VR.LO, PATIENT_ID);
        ds.setString(0x00100030, VR.DA, "19700315");
        ds.setString(0x00100040, VR.CS, "M");
        ds.setString(0x00101010, VR.AS, "050Y");
        ds.setString(0x00101030, VR.DS, "80");
        // Not in Table E.1-1 (kept by default) but echoing the institution: must not survive.
        ds.setString(0x00181020, VR.LO, "v1 for Springfield General");
        ds.setString(0x00180050, VR.DS, "1.25");
        ds.setString(0x0020000D, VR.UI, STUDY_UID);
        ds.setString(0x0020000E, VR.UI, SERIES_UID);
        ds.setString(0x00200052, VR.UI, "1.2.826.0.1.3680043.99.5");
        ds.setString(0x00200010, VR.SH, "STUDY4711");
        ds.setString(0x00204000, VR.LT, "Johnathan Doe, MRN0012345, seen by Dr House");
        // Unknown standard tag read as UN: one holding the name, one harmless.
        ds.put(DataElement.of(0x00189998, VR.UN, "DOE^JOHNATHAN ".getBytes(StandardCharsets.ISO_8859_1)));
        ds.put(DataElement.of(0x00189996, VR.UN, "HELLO WORLD ".getBytes(StandardCharsets.ISO_8859_1)));
        srContent(ds);
        privates(ds);
        // Overlay with a description naming the patient, and a curve.
        ds.setInts(0x60000010, VR.US, 2);
        ds.setInts(0x60000011, VR.US, 2);
        ds.setString(0x60000022, VR.LO, "Doe overlay");
        ds.setString(0x60000040, VR.CS, "G");
        ds.setInts(0x60000100, VR.US, 1);
        ds.setInts(0x60000102, VR.US, 0);
        ds.setLongs(0x60000050, VR.SS, 1, 1);
        ds.setBytes(0x60003000, VR.OW, new byte[2]);
        ds.setInts(0x50000005, VR.US, 1);
        ds.setString(0x50002500, VR.LO, "Wilson curve");
        Sequence original = ds.newSequence(0x04000561);
        DataSet modified = original.addItem().newSequence(0x04000550).addItem();
        modified.setString(0x00100010, VR.PN, "Doe^Johnathan^Q");
        Sequence icon = ds.newSequence(0x00880200);
        icon.addItem().setInts(0x00280010, VR.US, 1);
        pixels(ds);
        return ds;
    }

    /** ContentSequence three deep: CONTAINER > TEXT naming the patient > PNAME, DATETIME and UIDREF. */
    private static void srContent(DataSet ds) {
        DataSet container = ds.newSequence(0x0040A730).addItem();
        container.setString(0x0040A010, VR.CS, "CONTAINS");
        container.setString(0x0040A040, VR.CS, "CONTAINER");
        DataSet text = container.newSequence(0x0040A730).addItem();
        text.setString(0x0040A010, VR.CS, "CONTAINS");
        text.setString(0x0040A040, VR.CS, "TEXT");
        text.setString(0x0040A160, VR.UT, "Johnathan Doe reported to Dr Cuddy");
        DataSet deepest = text.newSequence(0x0040A730).addItem();
        deepest.setString(0x0040A040, VR.CS, "PNAME");
        deepest.setString(0x0040A123, VR.PN, "Cuddy^Lisa");
        deepest.setString(0x0040A120, VR.DT, "20200316120000");
        deepest.setString(0x0040A124, VR.UI, REFERENCED_UID);
        deepest.setString(0x0040A121, VR.DA, "20200316");
        deepest.setString(0x0040A122, VR.TM, "120000");
    }

    /** The value of a safe private UI element (NQHeader Analyzed Series UID). */
    static final String SAFE_PRIVATE_UID = "1.2.826.0.1.3680043.8.498.77";

    /**
     * A private block with the name and ID, a private sequence, and safe private elements (GE Table Speed, NQHeader
     * Analyzed Series UID).
     */
    private static void privates(DataSet ds) {
        ds.setString(0x00090010, VR.LO, "ACME PHI 1.0");
        ds.setString(0x00091001, VR.PN, "Doe^Johnathan");
        ds.setString(0x00091002, VR.LO, PATIENT_ID);
        DataSet item = ds.newSequence(0x00091003).addItem();
        item.setString(0x00090010, VR.LO, "ACME PHI 1.0");
        item.setString(0x00091001, VR.LO, "Springfield General");
        ds.put(DataElement.of(0x00091004, VR.UN, "WILSON^JAMES".getBytes(StandardCharsets.ISO_8859_1)));
        ds.setString(0x00190010, VR.LO, "GEMS_ACQU_01");
        ds.setString(0x00191023, VR.DS, "39.375");
        ds.setString(0x00191002, VR.LO, "Johnathan");
        ds.setString(0x00990010, VR.LO, "NQHeader");
        ds.setString(0x00991002, VR.UI, SAFE_PRIVATE_UID);
    }

    /** A 2 x 2 MONOCHROME2 image of 12 bits in 16 (the Image Pixel module), pixel values 1 to 4. */
    public static void pixels(DataSet ds) {
        ds.setInts(0x00280002, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInts(0x00280010, VR.US, 2);
        ds.setInts(0x00280011, VR.US, 2);
        ds.setInts(0x00280100, VR.US, 16);
        ds.setInts(0x00280101, VR.US, 12);
        ds.setInts(0x00280102, VR.US, 11);
        ds.setInts(0x00280103, VR.US, 0);
        ds.setBytes(0x7FE00010, VR.OW, new byte[] {1, 0, 2, 0, 3, 0, 4, 0});
    }
}
