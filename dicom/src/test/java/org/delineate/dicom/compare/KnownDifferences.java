package org.delineate.dicom.compare;

import java.util.Map;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.io.TransferSyntax;

/**
 * The files on which Delineate and pydicom knowingly disagree, each with the reason. Keyed by the
 * corpus name of the file ({@link Corpus.Entry#name()}) without its leading set, e.g.
 * "test_files/no_meta.dcm" matches "pydicom/test_files/no_meta.dcm" and the copy under testdata.
 */
final class KnownDifferences {

    private KnownDifferences() {
    }

    /** A deliberate difference: Delineate refuses a file pydicom reads, with the tag its message must name. */
    record Refusal(int tag, String reason) {
    }

    /**
     * Files pydicom reads and Delineate deliberately refuses. pydicom reads a value that runs past
     * the end of the file as whatever bytes are left; Delineate refuses it (STYLE.md: "a length
     * larger than what remains in the file is an error"), and its message names file, offset and tag.
     */
    static final Map<String, Refusal> DELIBERATE_REFUSALS = Map.of(
            "test_files/MR_truncated.dcm", new Refusal(0x7FE00010,
                    "the file ends 62 bytes into the 8192 bytes of Pixel Data"),
            "test_files/rtplan_truncated.dcm", new Refusal(0x300A00B0,
                    "the file ends inside an item of (300A,00B0) BeamSequence, whose length says 968 bytes"),
            "test_files/dicomdirtests/DICOMDIR-nooffset", new Refusal(0x00041220,
                    "made by deleting elements from DICOMDIR without updating the lengths: the last directory"
                            + " record's item length (248) runs 24 bytes past the end of the file"),
            "test_files/no_meta.dcm", new Refusal(0x08200500,
                    "a stray byte (20H) precedes the data set, so the first tag read is (0820,0500) with a length"
                            + " of 173228800 bytes; pydicom keeps the 38863 bytes left as its value"));

    /**
     * Why pydicom 2.3 cannot read what Delineate writes for this data set in this transfer syntax,
     * or null. Then only dcmdump checks the output. The one case: a UN value of undefined length (a
     * sequence, PS3.5 6.2.2) in Explicit VR Big Endian; Delineate writes its items, as the standard
     * says, "in implicit VR form" (Little Endian), which dcmtk reads, while pydicom reads them in
     * the enclosing big-endian encoding and runs off the end of the file.
     */
    static String pydicomCannotRead(DataSet dataSet, TransferSyntax ts) {
        if (ts.bigEndian() && hasUndefinedLengthUnSequence(dataSet)) {
            return "pydicom 2.3 reads the Implicit VR Little Endian items of a UN sequence of undefined length"
                    + " in the enclosing Big Endian encoding";
        }
        return null;
    }

    private static boolean hasUndefinedLengthUnSequence(DataSet dataSet) {
        for (DataElement e : dataSet) {
            if (e.isSequence()) {
                if (e.vr() == VR.UN && e.sequence().undefinedLength()) {
                    return true;
                }
                for (DataSet item : e.sequence()) {
                    if (hasUndefinedLengthUnSequence(item)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static <T> T lookup(Map<String, T> list, Corpus.Entry file) {
        for (Map.Entry<String, T> e : list.entrySet()) {
            if (file.name().endsWith("/" + e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
