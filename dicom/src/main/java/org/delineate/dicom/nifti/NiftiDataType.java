package org.delineate.dicom.nifti;

/**
 * The NIfTI {@code datatype} codes (nifti1.h {@code NIFTI_TYPE_*}) this package reads and writes, with
 * their size in bytes per voxel (all channels). FLOAT128, COMPLEX256 and BINARY are not supported
 * (nibabel cannot read them portably either).
 */
public enum NiftiDataType {
    UINT8(2, 1, 1),
    INT16(4, 2, 1),
    INT32(8, 4, 1),
    FLOAT32(16, 4, 1),
    /** Two float32 per voxel: real, imaginary. */
    COMPLEX64(32, 8, 2),
    FLOAT64(64, 8, 1),
    /** Three uint8 per voxel: red, green, blue. */
    RGB24(128, 3, 3),
    INT8(256, 1, 1),
    UINT16(512, 2, 1),
    UINT32(768, 4, 1),
    INT64(1024, 8, 1),
    UINT64(1280, 8, 1),
    /** Two float64 per voxel: real, imaginary. */
    COMPLEX128(1792, 16, 2),
    /** Four uint8 per voxel: red, green, blue, alpha. */
    RGBA32(2304, 4, 4);

    private final int code;
    private final int bytesPerVoxel;
    private final int channels;

    NiftiDataType(int code, int bytesPerVoxel, int channels) {
        this.code = code;
        this.bytesPerVoxel = bytesPerVoxel;
        this.channels = channels;
    }

    /** The nifti1.h code, e.g. 4 for INT16. */
    public int code() {
        return code;
    }

    /** Bytes per voxel, all channels together (also bitpix / 8). */
    public int bytesPerVoxel() {
        return bytesPerVoxel;
    }

    /** Values per voxel: 1, 2 (complex), 3 (RGB) or 4 (RGBA). */
    public int channels() {
        return channels;
    }

    /** Bytes of one channel value, the unit that is byte-swapped. */
    public int bytesPerValue() {
        return bytesPerVoxel / channels;
    }

    /** The type of a nifti1.h code, or null when it is not one of these. */
    public static NiftiDataType ofCode(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
