package org.delineate.dicom.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.volume.Volume;

/**
 * A NIfTI image in memory: its header and its voxel data as stored (unscaled), held as one little-endian
 * byte array per 3D volume. Immutable (arrays are copied in and out).
 *
 * <p>Voxel order is NIfTI's: index i fastest, then j, then k; volumes are numbered over dimensions 4 to 7
 * in the same way (dim[4] fastest). A 1D or 2D image is one volume with the missing sizes 1. Each 3D
 * volume must fit one Java array (under 2 GiB).
 */
public final class NiftiImage {

    private final NiftiHeader header;
    private final List<byte[]> volumes;
    /** Little-endian views of the volumes, read only with absolute gets (so safe to share between threads). */
    private final List<ByteBuffer> views;

    private NiftiImage(NiftiHeader header, List<byte[]> volumes) {
        this.header = header;
        this.volumes = volumes;
        List<ByteBuffer> v = new ArrayList<>(volumes.size());
        for (byte[] b : volumes) {
            v.add(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
        }
        this.views = List.copyOf(v);
    }

    /**
     * An image of a header and its data, one little-endian array per 3D volume.
     *
     * @throws IllegalArgumentException when the header's datatype is not supported, its dim is not valid,
     *     or the arrays do not match them
     */
    public static NiftiImage of(NiftiHeader header, List<byte[]> volumes) {
        List<byte[]> copies = new ArrayList<>(volumes.size());
        for (byte[] v : volumes) {
            copies.add(v.clone());
        }
        return owning(header, copies);
    }

    /** Like {@link #of} without copying the arrays: the caller hands them over. */
    static NiftiImage owning(NiftiHeader header, List<byte[]> volumes) {
        NiftiDataType type = header.dataType();
        if (type == null) {
            throw new IllegalArgumentException("unsupported datatype " + header.datatype());
        }
        long[] shape = header.shape();
        if (shape.length == 0 || header.voxelCount() <= 0) {
            throw new IllegalArgumentException("dim " + java.util.Arrays.toString(header.dim()) + " is not a valid shape");
        }
        long expected = volumeVoxels(shape) * type.bytesPerVoxel();
        if (volumes.size() != volumeCount(shape)) {
            throw new IllegalArgumentException("dim asks for " + volumeCount(shape) + " volumes, not " + volumes.size());
        }
        for (byte[] v : volumes) {
            if (v.length != expected) {
                throw new IllegalArgumentException("a volume of dim " + java.util.Arrays.toString(header.dim()) + " and "
                        + type + " has " + expected + " bytes, not " + v.length);
            }
        }
        return new NiftiImage(header, List.copyOf(volumes));
    }

    /** Voxels of one 3D volume: dim[1] * dim[2] * dim[3] (missing sizes count as 1). */
    static long volumeVoxels(long[] shape) {
        long n = 1;
        for (int a = 0; a < Math.min(3, shape.length); a++) {
            n *= shape[a];
        }
        return n;
    }

    /** Volumes: the product of dim[4..dim[0]], 1 for images of 3 or fewer dimensions. */
    static long volumeCount(long[] shape) {
        long n = 1;
        for (int a = 3; a < shape.length; a++) {
            n *= shape[a];
        }
        return n;
    }

    public NiftiHeader header() {
        return header;
    }

    public NiftiDataType dataType() {
        return header.dataType();
    }

    /** The sizes dim[1..dim[0]]. */
    public long[] shape() {
        return header.shape();
    }

    /** Columns, rows and slices of each 3D volume: dim[1..3], 1 where the image has fewer dimensions. */
    public int[] volumeShape() {
        long[] s = header.shape();
        return new int[] {(int) s[0], s.length > 1 ? (int) s[1] : 1, s.length > 2 ? (int) s[2] : 1};
    }

    /** The number of 3D volumes (time points, vector components, ...). */
    public int volumeCount() {
        return volumes.size();
    }

    /**
     * This image's data with another header, e.g. a header edited with {@link NiftiHeader#toBuilder()} or
     * carrying the extensions of the image it was derived from; the arrays are shared, not copied.
     *
     * @throws IllegalArgumentException when the header's datatype or dim do not match the data
     */
    public NiftiImage withHeader(NiftiHeader other) {
        return owning(other, volumes);
    }

    /** A copy of volume t's bytes: little-endian, i fastest. */
    public byte[] volumeBytes(int t) {
        return volumes.get(t).clone();
    }

    /** Volume t's bytes, shared; for this package only. */
    byte[] sharedVolumeBytes(int t) {
        return volumes.get(t);
    }

    /**
     * The stored (unscaled) value of one channel of a voxel: 0-based indices, {@code index} counting i
     * fastest within volume {@code t}; channel 0 for scalar types, 0/1 real/imaginary for complex,
     * 0..2 (3) R, G, B (A) for RGB(A). 64-bit integers above 2^53 lose precision.
     */
    public double value(int t, long index, int channel) {
        NiftiDataType type = header.dataType();
        ByteBuffer buf = views.get(t);
        int at = Math.toIntExact(index * type.bytesPerVoxel() + (long) channel * type.bytesPerValue());
        switch (type) {
            case UINT8: case RGB24: case RGBA32: return buf.get(at) & 0xFF;
            case INT8: return buf.get(at);
            case INT16: return buf.getShort(at);
            case UINT16: return buf.getShort(at) & 0xFFFF;
            case INT32: return buf.getInt(at);
            case UINT32: return buf.getInt(at) & 0xFFFFFFFFL;
            case INT64: return buf.getLong(at);
            case UINT64: {
                long v = buf.getLong(at);
                return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
            }
            case FLOAT32: case COMPLEX64: return buf.getFloat(at);
            default: return buf.getDouble(at);
        }
    }

    /** {@link #value} with scl_slope and scl_inter applied when the header asks for scaling. */
    public double scaledValue(int t, long index, int channel) {
        double v = value(t, index, channel);
        return header.hasScaling() ? v * header.sclSlope() + header.sclInter() : v;
    }

    /**
     * Volume t as a Delineate {@link Volume} in LPS; see {@link NiftiVolumes#toVolume} for how types,
     * scaling and the affine map. Complex images need {@link #toVolume(int, int)}.
     */
    public Volume toVolume(int t) throws NiftiFormatException {
        return NiftiVolumes.toVolume(this, t, 0);
    }

    /** Volume t, channel {@code channel} (0 real, 1 imaginary) of a complex image, as a FLOAT32 {@link Volume}. */
    public Volume toVolume(int t, int channel) throws NiftiFormatException {
        return NiftiVolumes.toVolume(this, t, channel);
    }
}
