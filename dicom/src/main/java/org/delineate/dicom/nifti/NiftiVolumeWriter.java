package org.delineate.dicom.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.StoredSlices;
import org.delineate.dicom.volume.Volume;

/**
 * Builds a {@link NiftiImage} from Delineate {@link Volume}s: one volume makes a 3D image, several of the
 * same shape, sample type and geometry a 4D one (dim[4] = their number). Stateless.
 *
 * <p>Datatype: UINT8 to uint8, UINT8 with stored offset 128 to int8, UINT16 to uint16, UINT16 with
 * offset 32768 to int16, FLOAT32 to float32, RGB to RGB24. A modality LUT shared by every slice becomes
 * scl_slope/scl_inter (NB: NIfTI-1 stores them as float32, so a slope like 0.1 is rounded there);
 * differing LUTs, or an unusual stored offset, make float32 modality values without scaling. The LPS
 * geometry is written, converted to RAS, as the sform and as the qform (its nearest rotation, qfac -1
 * when left-handed), both with the given code; pixdim[1..3] are the step lengths, xyzt_units mm.
 */
public final class NiftiVolumeWriter {

    private NiftiVolumeWriter() {
    }

    /**
     * The image of one or more volumes with sform and qform code {@code xformCode}.
     *
     * @param xformCode {@link NiftiHeader#XFORM_SCANNER_ANAT} (1) or {@link NiftiHeader#XFORM_ALIGNED_ANAT} (2), or
     *     another nifti1.h code 1..5
     * @throws IllegalArgumentException when the list is empty, the volumes differ in shape, type or geometry
     *     (beyond 1e-6 mm), or the code is not 1..5
     */
    public static NiftiImage toImage(List<Volume> volumes, int xformCode) {
        Plan plan = plan(volumes, xformCode);
        List<byte[]> data = new ArrayList<>();
        for (Volume v : volumes) {
            long size = (long) v.columns() * v.rows() * v.slices() * plan.encoding.type.bytesPerVoxel();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a volume of " + size + " bytes does not fit one array (2 GiB); "
                        + "write it with write(volumes, code, path)");
            }
            byte[] bytes = new byte[(int) size];
            int sliceBytes = v.columns() * v.rows() * plan.encoding.type.bytesPerVoxel();
            short[] scratch = new short[v.columns() * v.rows()];
            for (int k = 0; k < v.slices(); k++) {
                encodeSlice(v, k, plan.encoding, bytes, k * sliceBytes, scratch);
            }
            data.add(bytes);
        }
        return NiftiImage.owning(plan.header, data);
    }

    /**
     * Writes one or more volumes (as {@link #toImage}) straight to a .nii or .nii.gz file, one slice at a time,
     * so that writing needs one slice of memory beyond the volumes; NIfTI-1 when the image fits it, else NIfTI-2.
     * Atomic.
     */
    public static void write(List<Volume> volumes, int xformCode, Path target) throws IOException {
        Plan plan = plan(volumes, xformCode);
        NiftiWriter.write(plan.header, target, NiftiWriter.Version.AUTO, out -> {
            Volume first = volumes.get(0);
            byte[] slice = new byte[first.columns() * first.rows() * plan.encoding.type.bytesPerVoxel()];
            short[] scratch = new short[first.columns() * first.rows()];
            for (Volume v : volumes) {
                for (int k = 0; k < v.slices(); k++) {
                    encodeSlice(v, k, plan.encoding, slice, 0, scratch);
                    out.write(slice);
                }
            }
        });
    }

    /**
     * Writes the volumes of {@code stored} to a .nii or .nii.gz file with the header {@link #write(List, int, Path)}
     * would give the {@link Volume}s of the same frames, copying the voxel bytes from their files as they are,
     * without decoding (for .nii file to file by the operating system). Atomic.
     *
     * @throws java.io.EOFException when a source file ends inside a slice
     */
    public static void write(StoredSlices stored, int xformCode, Path target) throws IOException {
        Plan plan = plan(new Layout(stored.columns(), stored.rows(), stored.slicesPerVolume(), stored.volumes(),
                stored.type(), stored.storedOffset(), stored.geometry(), stored.modalityLut()), xformCode);
        if (!plan.encoding.scaled || plan.encoding.offset != stored.storedOffset()) {
            throw new IllegalStateException("stored slices planned as " + plan.encoding + ", not as stored values");
        }
        NiftiWriter.copy(plan.header, target, NiftiWriter.Version.AUTO, stored.slices());
    }

    /** The header and the sample encoding of an image of {@code volumes}. */
    private record Plan(NiftiHeader header, Encoding encoding) {
    }

    private static Plan plan(List<Volume> volumes, int xformCode) {
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("no volumes to write");
        }
        Volume first = volumes.get(0);
        for (Volume v : volumes) {
            if (v.columns() != first.columns() || v.rows() != first.rows() || v.slices() != first.slices()
                    || v.sampleType() != first.sampleType() || v.storedOffset() != first.storedOffset()) {
                throw new IllegalArgumentException("volumes of a 4D image need one shape and sample type; found "
                        + describe(first) + " and " + describe(v));
            }
            if (!first.geometry().sameWithin(v.geometry(), SAME_GEOMETRY_MM)) {
                throw new IllegalArgumentException("volumes of a 4D image need one geometry; found " + first.geometry()
                        + " and " + v.geometry());
            }
        }
        return plan(new Layout(first.columns(), first.rows(), first.slices(), volumes.size(), first.sampleType(),
                first.storedOffset(), first.geometry(), sharedLut(volumes)), xformCode);
    }

    /** How far (mm) the geometries of the volumes of a 4D image may differ. */
    public static final double SAME_GEOMETRY_MM = 1e-6;

    /**
     * What a header is planned from: the shape, the samples as a {@link Volume} holds them, the geometry, and the
     * modality LUT every slice shares (null when they differ).
     */
    private record Layout(int columns, int rows, int slices, int volumes, SampleType type, int storedOffset,
            VolumeGeometry geometry, ModalityLut sharedLut) {
    }

    private static Plan plan(Layout layout, int xformCode) {
        if (xformCode < 1 || xformCode > 5) {
            throw new IllegalArgumentException("the sform/qform code must be 1 (scanner) to 5, not " + xformCode);
        }
        Encoding encoding = encoding(layout.type, layout.storedOffset, layout.sharedLut);
        double[][] ras = layout.geometry.rasAffine();
        NiftiQuaternion q = NiftiQuaternion.fromAffine(ras);
        long[] shape = layout.volumes == 1 ? new long[] {layout.columns, layout.rows, layout.slices}
                : new long[] {layout.columns, layout.rows, layout.slices, layout.volumes};
        double[] spacing = q.spacing();
        double[] pixdim = {q.qfac(), spacing[0], spacing[1], spacing[2], 1, 1, 1, 1};
        NiftiHeader.Builder h = NiftiHeader.builder().shape(shape).dataType(encoding.type).pixdim(pixdim)
                .xyztUnits(2).qformCode(xformCode).sformCode(xformCode)
                .quatern(new double[] {q.b(), q.c(), q.d()}).qoffset(q.offset())
                .srow(new double[][] {ras[0], ras[1], ras[2]});
        if (encoding.scaled) {
            h.scaling(layout.sharedLut.slope(), layout.sharedLut.intercept());
        } else {
            h.scaling(1, 0);
        }
        return new Plan(h.build(), encoding);
    }

    private static String describe(Volume v) {
        return v.columns() + "x" + v.rows() + "x" + v.slices() + " " + v.sampleType() + " offset " + v.storedOffset();
    }

    /** The LUT of every slice of every volume, or null when they differ. */
    private static ModalityLut sharedLut(List<Volume> volumes) {
        ModalityLut lut = volumes.get(0).modalityLut(0);
        for (Volume v : volumes) {
            for (int k = 0; k < v.slices(); k++) {
                if (!v.modalityLut(k).equals(lut)) {
                    return null;
                }
            }
        }
        return lut;
    }

    /** How samples are written: the datatype, whether scaling is kept, and what is subtracted from samples. */
    private record Encoding(NiftiDataType type, boolean scaled, int offset) {
    }

    private static Encoding encoding(SampleType type, int storedOffset, ModalityLut lut) {
        boolean uniform = lut != null;
        switch (type) {
            case UINT8:
                if (uniform && (storedOffset == 0 || storedOffset == 128)) {
                    return new Encoding(storedOffset == 0 ? NiftiDataType.UINT8 : NiftiDataType.INT8, true, storedOffset);
                }
                break;
            case UINT16:
                if (uniform && (storedOffset == 0 || storedOffset == 0x8000)) {
                    return new Encoding(storedOffset == 0 ? NiftiDataType.UINT16 : NiftiDataType.INT16, true,
                            storedOffset);
                }
                break;
            case FLOAT32:
                if (uniform && storedOffset == 0) {
                    return new Encoding(NiftiDataType.FLOAT32, true, 0);
                }
                break;
            default:
                return new Encoding(NiftiDataType.RGB24, false, 0);
        }
        return new Encoding(NiftiDataType.FLOAT32, false, storedOffset);
    }

    /**
     * Writes slice k of {@code v} in encoding {@code e}, little endian, into {@code out} from {@code offset};
     * {@code scratch} (one slice of shorts) is reused for shifted 16-bit samples, so no slice-sized garbage is made.
     * NB: the common cases (8- and 16-bit samples, kept as they are or shifted by the stored offset) go in bulk;
     * subtracting 128 or 32768 is flipping the top bit.
     */
    private static void encodeSlice(Volume v, int k, Encoding e, byte[] out, int offset, short[] scratch) {
        int plane = v.columns() * v.rows();
        Object p = v.plane(k);
        ByteBuffer buffer = ByteBuffer.wrap(out, offset, plane * e.type.bytesPerVoxel()).order(ByteOrder.LITTLE_ENDIAN);
        switch (e.type) {
            case UINT8, INT8 -> {
                byte[] b = (byte[]) p;
                if (e.offset == 0) {
                    System.arraycopy(b, 0, out, offset, plane);
                } else {
                    for (int n = 0; n < plane; n++) {
                        out[offset + n] = (byte) ((b[n] & 0xFF) - e.offset);
                    }
                }
            }
            case UINT16, INT16 -> {
                short[] s = (short[]) p;
                if (e.offset == 0) {
                    buffer.asShortBuffer().put(s, 0, plane);
                } else if (e.offset == 0x8000) {
                    for (int n = 0; n < plane; n++) {
                        scratch[n] = (short) (s[n] ^ 0x8000);
                    }
                    buffer.asShortBuffer().put(scratch, 0, plane);
                } else {
                    for (int n = 0; n < plane; n++) {
                        buffer.putShort((short) ((s[n] & 0xFFFF) - e.offset));
                    }
                }
            }
            case RGB24 -> {
                int[] rgb = (int[]) p;
                for (int n = 0; n < plane; n++) {
                    buffer.put((byte) (rgb[n] >> 16)).put((byte) (rgb[n] >> 8)).put((byte) rgb[n]);
                }
            }
            default -> {
                ModalityLut lut = v.modalityLut(k);
                java.nio.FloatBuffer floats = buffer.asFloatBuffer();
                for (int n = 0; n < plane; n++) {
                    double sample = sample(p, n) - e.offset;
                    floats.put((float) (e.scaled ? sample : lut.apply(sample)));
                }
            }
        }
    }

    private static double sample(Object plane, int n) {
        if (plane instanceof byte[] b) {
            return b[n] & 0xFF;
        }
        if (plane instanceof short[] s) {
            return s[n] & 0xFFFF;
        }
        return ((float[]) plane)[n];
    }
}
