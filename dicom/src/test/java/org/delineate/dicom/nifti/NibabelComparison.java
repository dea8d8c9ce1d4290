package org.delineate.dicom.nifti;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Compares what we read with what nibabel read (a nibabel_dump.py entry); each method lists the differences. */
final class NibabelComparison {

    private NibabelComparison() {
    }

    /** Header fields as stored, extensions, shape and dtype. */
    @SuppressWarnings("unchecked")
    static List<String> header(NiftiHeader h, Map<String, Object> nib) {
        List<String> out = new ArrayList<>();
        Map<String, Object> fields = (Map<String, Object>) nib.get("header");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object ours = field(h, e.getKey());
            if (!same(ours, e.getValue())) {
                out.add(e.getKey() + ": ours " + show(ours) + ", nibabel " + show(e.getValue()));
            }
        }
        List<Object> exts = new ArrayList<>();
        for (NiftiExtension x : h.extensions()) {
            exts.add(List.of((long) x.code(), NiftiDigests.sha256(x.content())));
        }
        if (!exts.equals(nib.get("extensions"))) {
            out.add("extensions: ours " + exts + ", nibabel " + nib.get("extensions"));
        }
        List<Object> shape = new ArrayList<>();
        for (long s : h.shape()) {
            shape.add(s);
        }
        if (!shape.equals(nib.get("shape"))) {
            out.add("shape: ours " + shape + ", nibabel " + nib.get("shape"));
        }
        String dtype = dtype(h.dataType());
        if (!dtype.equals(nib.get("dtype"))) {
            out.add("dtype: ours " + dtype + ", nibabel " + nib.get("dtype"));
        }
        return out;
    }

    /** Our best affine against nibabel's img.affine, within {@code tolerance} mm. */
    @SuppressWarnings("unchecked")
    static List<String> affine(double[][] ours, Map<String, Object> nib, double tolerance) {
        List<Object> rows = (List<Object>) nib.get("affine");
        for (int r = 0; r < 4; r++) {
            List<Object> row = (List<Object>) rows.get(r);
            for (int c = 0; c < 4; c++) {
                if (!(Math.abs(ours[r][c] - number(row.get(c))) <= tolerance)) {
                    return List.of("affine: ours " + Arrays.deepToString(ours) + ", nibabel " + rows);
                }
            }
        }
        return List.of();
    }

    /** Raw and scaled data digests and sample voxels. */
    @SuppressWarnings("unchecked")
    static List<String> data(NiftiImage image, Map<String, Object> nib) {
        List<String> out = new ArrayList<>();
        String raw = NiftiDigests.raw(image);
        if (!raw.equals(nib.get("raw_sha256"))) {
            out.add("raw data sha256: ours " + raw + ", nibabel " + nib.get("raw_sha256"));
        }
        if (nib.containsKey("scaled_sha256")) {
            String scaled = NiftiDigests.scaledFloat32(image);
            if (!scaled.equals(nib.get("scaled_sha256"))) {
                out.add("scaled data sha256: ours " + scaled + ", nibabel " + nib.get("scaled_sha256"));
            }
        }
        long perVolume = NiftiImage.volumeVoxels(image.shape());
        for (Object s : (List<Object>) nib.get("samples")) {
            List<Object> sample = (List<Object>) s;
            long flat = ((Number) sample.get(0)).longValue();
            List<Object> values = (List<Object>) sample.get(1);
            for (int ch = 0; ch < values.size(); ch++) {
                double ours = image.value((int) (flat / perVolume), flat % perVolume, ch);
                if (!same(ours, values.get(ch))) {
                    out.add("voxel " + flat + " channel " + ch + ": ours " + ours + ", nibabel " + values.get(ch));
                }
            }
        }
        return out;
    }

    static String dtype(NiftiDataType t) {
        switch (t) {
            case RGB24: return "[('R', 'u1'), ('G', 'u1'), ('B', 'u1')]";
            case RGBA32: return "[('R', 'u1'), ('G', 'u1'), ('B', 'u1'), ('A', 'u1')]";
            default: return t.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static Object field(NiftiHeader h, String name) {
        double[] p = h.pixdim();
        switch (name) {
            case "endianness": return h.byteOrder() == ByteOrder.BIG_ENDIAN ? ">" : "<";
            case "sizeof_hdr": return h.version() == 1 ? 348L : 540L;
            case "dim": return h.dim();
            case "pixdim": return p;
            case "datatype": return h.datatype();
            case "bitpix": return h.bitpix();
            case "vox_offset": return h.voxOffset();
            case "scl_slope": return h.sclSlope();
            case "scl_inter": return h.sclInter();
            case "intent_code": return h.intentCode();
            case "intent_name": return h.intentName();
            case "intent_p1": return h.intentParameters()[0];
            case "intent_p2": return h.intentParameters()[1];
            case "intent_p3": return h.intentParameters()[2];
            case "slice_start": return h.sliceStart();
            case "slice_end": return h.sliceEnd();
            case "slice_code": return h.sliceCode();
            case "slice_duration": return h.sliceDuration();
            case "dim_info": return h.dimInfo();
            case "xyzt_units": return h.xyztUnits();
            case "cal_min": return h.calMin();
            case "cal_max": return h.calMax();
            case "toffset": return h.toffset();
            case "descrip": return h.descrip();
            case "aux_file": return h.auxFile();
            case "qform_code": return h.qformCode();
            case "sform_code": return h.sformCode();
            case "quatern_b": return h.quatern()[0];
            case "quatern_c": return h.quatern()[1];
            case "quatern_d": return h.quatern()[2];
            case "qoffset_x": return h.qoffset()[0];
            case "qoffset_y": return h.qoffset()[1];
            case "qoffset_z": return h.qoffset()[2];
            case "srow_x": return h.srow()[0];
            case "srow_y": return h.srow()[1];
            case "srow_z": return h.srow()[2];
            case "magic": return h.magic();
            case "glmax": return h.glmax();
            case "glmin": return h.glmin();
            case "extents": return h.extents();
            case "session_error": return h.sessionError();
            case "regular": return h.regular() == 0 ? "" : String.valueOf((char) (h.regular() & 0xFF));
            case "db_name": return h.dbName();
            case "data_type": return h.dataTypeName();
            default: return "(no such field here)";
        }
    }

    private static boolean same(Object ours, Object theirs) {
        if (ours instanceof long[] a) {
            return theirs instanceof List<?> l && l.size() == a.length
                    && java.util.stream.IntStream.range(0, a.length).allMatch(i -> same(a[i], l.get(i)));
        }
        if (ours instanceof double[] a) {
            return theirs instanceof List<?> l && l.size() == a.length
                    && java.util.stream.IntStream.range(0, a.length).allMatch(i -> same(a[i], l.get(i)));
        }
        if (ours instanceof Number n) {
            if (theirs instanceof String s && !s.matches("nan|inf|-inf")) {
                return false;
            }
            double t = number(theirs);
            return Double.compare(n.doubleValue(), t) == 0 || n.doubleValue() == t;
        }
        return ours.equals(theirs);
    }

    static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        switch (String.valueOf(v)) {
            case "nan": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: throw new IllegalArgumentException("not a number: " + v);
        }
    }

    private static String show(Object v) {
        if (v instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(v);
    }
}
