package org.delineate.dicom.nifti;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every field of a NIfTI-1 (nifti1.h, 348 bytes) or NIfTI-2 (nifti2.h, 540 bytes) header as stored,
 * plus the header extensions. Immutable; build with {@link #builder()} or {@link #toBuilder()}.
 *
 * <p>Fields keep the names of the C structs; numbers are widened to NIfTI-2's types (64-bit integers,
 * doubles) and nothing is corrected here (a zero pixdim or an invalid qfac stays as read; see
 * {@link NiftiAffines} for how the affine is derived). World coordinates of qform and sform are RAS,
 * millimetres when {@code xyzt_units} says so. Strings are ISO-8859-1 without trailing NULs; a NUL inside
 * is kept, as nibabel keeps it (C readers stop there: use {@link #text(String)} to show them).
 * The NIfTI-1-only Analyze leftovers ({@code data_type}, {@code db_name}, {@code extents},
 * {@code session_error}, {@code regular}, {@code glmax}, {@code glmin}) are kept for round trips.
 */
public final class NiftiHeader {

    /** The qform and sform codes nifti1.h defines (NIFTI_XFORM_UNKNOWN .. NIFTI_XFORM_TEMPLATE_OTHER). */
    public static final int XFORM_UNKNOWN = 0, XFORM_SCANNER_ANAT = 1, XFORM_ALIGNED_ANAT = 2, XFORM_TALAIRACH = 3,
            XFORM_MNI_152 = 4, XFORM_TEMPLATE_OTHER = 5;

    private final Builder b;

    private NiftiHeader(Builder source) {
        this.b = source.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding a copy of every field of this header. */
    public Builder toBuilder() {
        return b.copy();
    }

    /** 1 or 2: which header layout was read (and its sizeof_hdr: 348 or 540). */
    public int version() { return b.version; }
    /** The byte order the header was stored in (detected from sizeof_hdr). */
    public ByteOrder byteOrder() { return b.byteOrder; }
    /** The magic string without NULs, e.g. "n+1" (header and data in one file) or "ni1" (a pair). */
    public String magic() { return b.magic; }
    /** dim[0..7]: dim[0] is the number of dimensions, dim[1..] the sizes, i fastest. */
    public long[] dim() { return b.dim.clone(); }
    /** The sizes dim[1..dim[0]], an empty array when dim[0] is outside 1..7. */
    public long[] shape() {
        long n = b.dim[0];
        return n >= 1 && n <= 7 ? Arrays.copyOfRange(b.dim, 1, (int) n + 1) : new long[0];
    }
    /** pixdim[0..7]: pixdim[0] is qfac, pixdim[1..3] voxel sizes, pixdim[4] the time step. */
    public double[] pixdim() { return b.pixdim.clone(); }
    /** The datatype code as stored; see {@link #dataType()}. */
    public int datatype() { return b.datatype; }
    /** The datatype, or null when the code is not one {@link NiftiDataType} supports. */
    public NiftiDataType dataType() { return NiftiDataType.ofCode(b.datatype); }
    public int bitpix() { return b.bitpix; }
    /** Byte offset of the voxel data in the .nii file (or in the .img file of a pair). */
    public long voxOffset() { return b.voxOffset; }
    /** scl_slope as stored; 0 or not finite means no scaling (nifti1.h, as nibabel). */
    public double sclSlope() { return b.sclSlope; }
    public double sclInter() { return b.sclInter; }
    /** True when scl_slope asks for scaling: finite and not 0. */
    public boolean hasScaling() { return b.sclSlope != 0 && Double.isFinite(b.sclSlope); }
    public int intentCode() { return b.intentCode; }
    public String intentName() { return b.intentName; }
    /** intent_p1, intent_p2, intent_p3. */
    public double[] intentParameters() { return b.intentP.clone(); }
    public long sliceStart() { return b.sliceStart; }
    public long sliceEnd() { return b.sliceEnd; }
    public int sliceCode() { return b.sliceCode; }
    public double sliceDuration() { return b.sliceDuration; }
    public int dimInfo() { return b.dimInfo; }
    /** xyzt_units: spatial unit in bits 0-2 (1 m, 2 mm, 3 um), temporal in bits 3-5 (8 s, 16 ms, 24 us). */
    public int xyztUnits() { return b.xyztUnits; }
    public double calMax() { return b.calMax; }
    public double calMin() { return b.calMin; }
    public double toffset() { return b.toffset; }
    public String descrip() { return b.descrip; }
    public String auxFile() { return b.auxFile; }
    public int qformCode() { return b.qformCode; }
    public int sformCode() { return b.sformCode; }
    /** quatern_b, quatern_c, quatern_d. */
    public double[] quatern() { return b.quatern.clone(); }
    /** qoffset_x, qoffset_y, qoffset_z (RAS). */
    public double[] qoffset() { return b.qoffset.clone(); }
    /** srow_x, srow_y, srow_z: the first three rows of the sform (RAS). */
    public double[][] srow() { return new double[][] {b.srow[0].clone(), b.srow[1].clone(), b.srow[2].clone()}; }
    public List<NiftiExtension> extensions() { return b.extensions; }
    /** NIfTI-1 only: data_type[10]. */
    public String dataTypeName() { return b.dataTypeName; }
    /** NIfTI-1 only: db_name[18]. */
    public String dbName() { return b.dbName; }
    public int extents() { return b.extents; }
    public int sessionError() { return b.sessionError; }
    public int regular() { return b.regular; }
    public int glmax() { return b.glmax; }
    public int glmin() { return b.glmin; }

    /** The affine nibabel reports (sform, else qform, else pixdim only), voxel to RAS mm; see {@link NiftiAffines#best}. */
    public double[][] bestAffine() {
        return NiftiAffines.best(this);
    }

    /** A header string as C code reads it: up to its first NUL. */
    public static String text(String field) {
        int nul = field.indexOf('\0');
        return nul < 0 ? field : field.substring(0, nul);
    }

    /** The number of voxels in all dimensions, or -1 when dim is invalid or the count overflows. */
    public long voxelCount() {
        long[] shape = shape();
        if (shape.length == 0) {
            return -1;
        }
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "NiftiHeader[NIfTI-" + b.version + " " + b.magic + ", dim " + Arrays.toString(b.dim) + ", datatype "
                + b.datatype + ", qform_code " + b.qformCode + ", sform_code " + b.sformCode + "]";
    }

    /** Sets header fields; unset fields keep nifti1.h's neutral values (dims 0, pixdim 1, codes 0). */
    public static final class Builder {
        private int version = 1;
        private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
        private String magic = "n+1";
        private long[] dim = new long[8];
        private double[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
        private int datatype;
        private int bitpix;
        private long voxOffset;
        private double sclSlope;
        private double sclInter;
        private int intentCode;
        private String intentName = "";
        private double[] intentP = new double[3];
        private long sliceStart;
        private long sliceEnd;
        private int sliceCode;
        private double sliceDuration;
        private int dimInfo;
        private int xyztUnits;
        private double calMax;
        private double calMin;
        private double toffset;
        private String descrip = "";
        private String auxFile = "";
        private int qformCode;
        private int sformCode;
        private double[] quatern = new double[3];
        private double[] qoffset = new double[3];
        private double[][] srow = new double[3][4];
        private List<NiftiExtension> extensions = List.of();
        private String dataTypeName = "";
        private String dbName = "";
        private int extents;
        private int sessionError;
        private int regular;
        private int glmax;
        private int glmin;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.version = version; c.byteOrder = byteOrder; c.magic = magic; c.dim = dim.clone();
            c.pixdim = pixdim.clone(); c.datatype = datatype; c.bitpix = bitpix; c.voxOffset = voxOffset;
            c.sclSlope = sclSlope; c.sclInter = sclInter; c.intentCode = intentCode; c.intentName = intentName;
            c.intentP = intentP.clone(); c.sliceStart = sliceStart; c.sliceEnd = sliceEnd; c.sliceCode = sliceCode;
            c.sliceDuration = sliceDuration; c.dimInfo = dimInfo; c.xyztUnits = xyztUnits; c.calMax = calMax;
            c.calMin = calMin; c.toffset = toffset; c.descrip = descrip; c.auxFile = auxFile; c.qformCode = qformCode;
            c.sformCode = sformCode; c.quatern = quatern.clone(); c.qoffset = qoffset.clone();
            c.srow = new double[][] {srow[0].clone(), srow[1].clone(), srow[2].clone()};
            c.extensions = List.copyOf(extensions); c.dataTypeName = dataTypeName; c.dbName = dbName;
            c.extents = extents; c.sessionError = sessionError; c.regular = regular; c.glmax = glmax; c.glmin = glmin;
            return c;
        }

        public Builder version(int v) {
            if (v != 1 && v != 2) {
                throw new IllegalArgumentException("NIfTI version must be 1 or 2, not " + v);
            }
            version = v;
            return this;
        }

        public Builder byteOrder(ByteOrder v) { byteOrder = v; return this; }
        public Builder magic(String v) { magic = v; return this; }
        /** Sets dim[0] = shape.length and dim[1..] = shape, the rest 1 (as nibabel). */
        public Builder shape(long... shape) {
            if (shape.length < 1 || shape.length > 7) {
                throw new IllegalArgumentException("NIfTI has 1 to 7 dimensions, not " + shape.length);
            }
            long[] d = {shape.length, 1, 1, 1, 1, 1, 1, 1};
            System.arraycopy(shape, 0, d, 1, shape.length);
            return dim(d);
        }
        public Builder dim(long[] v) { dim = fixed(v, 8, "dim"); return this; }
        public Builder pixdim(double[] v) { pixdim = fixed(v, 8, "pixdim"); return this; }
        public Builder datatype(int v) { datatype = v; return this; }
        /** Sets datatype and bitpix together. */
        public Builder dataType(NiftiDataType v) { datatype = v.code(); bitpix = 8 * v.bytesPerVoxel(); return this; }
        public Builder bitpix(int v) { bitpix = v; return this; }
        public Builder voxOffset(long v) { voxOffset = v; return this; }
        public Builder scaling(double slope, double inter) { sclSlope = slope; sclInter = inter; return this; }
        public Builder intentCode(int v) { intentCode = v; return this; }
        public Builder intentName(String v) { intentName = v; return this; }
        public Builder intentParameters(double[] v) { intentP = fixed(v, 3, "intent parameters"); return this; }
        public Builder sliceStart(long v) { sliceStart = v; return this; }
        public Builder sliceEnd(long v) { sliceEnd = v; return this; }
        public Builder sliceCode(int v) { sliceCode = v; return this; }
        public Builder sliceDuration(double v) { sliceDuration = v; return this; }
        public Builder dimInfo(int v) { dimInfo = v; return this; }
        public Builder xyztUnits(int v) { xyztUnits = v; return this; }
        public Builder calibration(double min, double max) { calMin = min; calMax = max; return this; }
        public Builder toffset(double v) { toffset = v; return this; }
        public Builder descrip(String v) { descrip = v; return this; }
        public Builder auxFile(String v) { auxFile = v; return this; }
        public Builder qformCode(int v) { qformCode = v; return this; }
        public Builder sformCode(int v) { sformCode = v; return this; }
        public Builder quatern(double[] v) { quatern = fixed(v, 3, "quatern"); return this; }
        public Builder qoffset(double[] v) { qoffset = fixed(v, 3, "qoffset"); return this; }
        public Builder srow(double[][] v) {
            if (v.length != 3) {
                throw new IllegalArgumentException("srow has 3 rows, not " + v.length);
            }
            srow = new double[][] {fixed(v[0], 4, "srow_x"), fixed(v[1], 4, "srow_y"), fixed(v[2], 4, "srow_z")};
            return this;
        }
        public Builder extensions(List<NiftiExtension> v) { extensions = List.copyOf(new ArrayList<>(v)); return this; }
        public Builder dataTypeName(String v) { dataTypeName = v; return this; }
        public Builder dbName(String v) { dbName = v; return this; }
        public Builder extents(int v) { extents = v; return this; }
        public Builder sessionError(int v) { sessionError = v; return this; }
        public Builder regular(int v) { regular = v; return this; }
        public Builder glmax(int v) { glmax = v; return this; }
        public Builder glmin(int v) { glmin = v; return this; }

        public NiftiHeader build() {
            return new NiftiHeader(this);
        }

        private static long[] fixed(long[] v, int n, String name) {
            if (v.length != n) {
                throw new IllegalArgumentException(name + " has " + n + " values, not " + v.length);
            }
            return v.clone();
        }

        private static double[] fixed(double[] v, int n, String name) {
            if (v.length != n) {
                throw new IllegalArgumentException(name + " has " + n + " values, not " + v.length);
            }
            return v.clone();
        }
    }
}
