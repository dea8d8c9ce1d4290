package org.delineate.dicom.nifti;

import java.util.Arrays;

/**
 * One NIfTI header extension: its {@code ecode} (e.g. 2 DICOM, 4 AFNI, 6 comment) and its
 * {@code edata}, the {@code esize - 8} bytes after the code as stored, including any zero padding.
 * Immutable.
 *
 * @param code ecode
 * @param data edata as stored (copied in and out)
 */
public record NiftiExtension(int code, byte[] data) {

    public NiftiExtension {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The edata without trailing zero bytes, as nibabel keeps it. */
    public byte[] content() {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(data, end);
    }

    /** The esize this extension takes on disk: 8 + the data, rounded up to a multiple of 16. */
    public int sizeOnDisk() {
        return (8 + data.length + 15) / 16 * 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NiftiExtension e && e.code == code && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NiftiExtension[code " + code + ", " + data.length + " bytes]";
    }
}
