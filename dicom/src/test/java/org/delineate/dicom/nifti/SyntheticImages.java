package org.delineate.dicom.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small NIfTI images of every datatype and of the header cases the shared files lack (scaling, qform only,
 * sform only, left-handed and near-180-degree qforms, NIfTI-2, dims over 32767), made in memory to be
 * written and then read by nibabel. Values are deterministic and include each type's extremes.
 */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Name (used as the file stem) to image. */
    static Map<String, NiftiImage> all() {
        Map<String, NiftiImage> m = new LinkedHashMap<>();
        double[][] oblique = oblique(false);
        for (NiftiDataType type : NiftiDataType.values()) {
            m.put("type_" + type.name().toLowerCase(java.util.Locale.ROOT), image(type, new long[] {7, 5, 3, 2}, oblique, 1, 1, 0, 0));
        }
        m.put("int32_small_values", image(NiftiDataType.INT32, new long[] {6, 4, 3}, oblique, 1, 1, 0, 0, -300, 300));
        m.put("int32_label_values", image(NiftiDataType.INT32, new long[] {6, 4, 3}, oblique, 1, 1, 0, 0, 0, 60000));
        m.put("int16_scaled", image(NiftiDataType.INT16, new long[] {6, 4, 3}, oblique, 1, 1, 2.5, -1024));
        m.put("uint8_scaled_fraction", image(NiftiDataType.UINT8, new long[] {6, 4, 3}, oblique, 1, 1, 0.1, 0.25));
        m.put("float32_scaled", image(NiftiDataType.FLOAT32, new long[] {6, 4, 3}, oblique, 1, 1, -3, 7));
        m.put("qform_only_left_handed", image(NiftiDataType.UINT8, new long[] {6, 4, 3}, oblique(true), 1, 0, 0, 0));
        m.put("qform_only_near_180", image(NiftiDataType.UINT8, new long[] {6, 4, 3}, near180(), 2, 0, 0, 0));
        m.put("sform_only_sheared", image(NiftiDataType.UINT8, new long[] {6, 4, 3}, sheared(), 0, 4, 0, 0));
        m.put("neither_form", image(NiftiDataType.INT16, new long[] {6, 4, 3}, oblique, 0, 0, 0, 0));
        m.put("dim_over_32767", image(NiftiDataType.UINT8, new long[] {40000, 1, 2}, oblique, 1, 1, 0, 0));
        m.put("five_dimensions", image(NiftiDataType.FLOAT32, new long[] {4, 3, 2, 2, 3}, oblique, 1, 1, 0, 0));
        m.put("two_dimensions", image(NiftiDataType.INT16, new long[] {9, 8}, oblique, 1, 1, 0, 0));
        NiftiImage ext = m.get("type_int16");
        m.put("extensions", NiftiImage.owning(ext.header().toBuilder().extensions(List.of(
                new NiftiExtension(6, "a comment\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                new NiftiExtension(4, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17})))
                .descrip("with extensions").intentCode(1002).intentName("labels").build(), copies(ext)));
        return m;
    }

    private static List<byte[]> copies(NiftiImage image) {
        List<byte[]> out = new ArrayList<>();
        for (int t = 0; t < image.volumeCount(); t++) {
            out.add(image.volumeBytes(t));
        }
        return out;
    }

    /** A rotated affine (about 20, -35 and 50 degrees) with steps 0.9, 1.1, 2.5 mm; left-handed when asked. */
    static double[][] oblique(boolean leftHanded) {
        double[][] r = rotation(Math.toRadians(20), Math.toRadians(-35), Math.toRadians(50));
        double[] steps = {0.9, 1.1, leftHanded ? -2.5 : 2.5};
        return affine(r, steps, new double[] {-90.5, 102.25, -40});
    }

    /** A rotation of 179.99 degrees about an oblique axis: quaternion a near 0. */
    static double[][] near180() {
        double[] axis = {1 / Math.sqrt(3), -1 / Math.sqrt(3), 1 / Math.sqrt(3)};
        double angle = Math.toRadians(179.99);
        double a = Math.cos(angle / 2), s = Math.sin(angle / 2);
        double b = axis[0] * s, c = axis[1] * s, d = axis[2] * s;
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        return affine(r, new double[] {1, 2, 3}, new double[] {10, 20, 30});
    }

    static double[][] sheared() {
        double[][] m = oblique(false);
        m[0][2] += 0.7;
        m[1][2] -= 0.3;
        return m;
    }

    static double[][] rotation(double x, double y, double z) {
        double[][] rx = {{1, 0, 0}, {0, Math.cos(x), -Math.sin(x)}, {0, Math.sin(x), Math.cos(x)}};
        double[][] ry = {{Math.cos(y), 0, Math.sin(y)}, {0, 1, 0}, {-Math.sin(y), 0, Math.cos(y)}};
        double[][] rz = {{Math.cos(z), -Math.sin(z), 0}, {Math.sin(z), Math.cos(z), 0}, {0, 0, 1}};
        return multiply(rz, multiply(ry, rx));
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    m[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return m;
    }

    static double[][] affine(double[][] r, double[] steps, double[] offset) {
        double[][] m = new double[4][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = r[i][j] * steps[j];
            }
            m[i][3] = offset[i];
        }
        m[3][3] = 1;
        return m;
    }

    private static NiftiImage image(NiftiDataType type, long[] shape, double[][] affine, int qformCode, int sformCode,
            double slope, double inter) {
        return image(type, shape, affine, qformCode, sformCode, slope, inter, Double.NaN, Double.NaN);
    }

    /** An image whose values run through [lo, hi] (or the type's range when NaN) in a scrambled order. */
    private static NiftiImage image(NiftiDataType type, long[] shape, double[][] affine, int qformCode, int sformCode,
            double slope, double inter, double lo, double hi) {
        NiftiQuaternion q = NiftiQuaternion.fromAffine(affine);
        double[] sp = q.spacing();
        NiftiHeader.Builder h = NiftiHeader.builder().shape(shape).dataType(type)
                .pixdim(new double[] {q.qfac(), sp[0], sp[1], sp[2], 1.5, 1, 1, 1}).xyztUnits(2 | 8)
                .qformCode(qformCode).sformCode(sformCode).quatern(new double[] {q.b(), q.c(), q.d()})
                .qoffset(q.offset()).srow(new double[][] {affine[0], affine[1], affine[2]}).scaling(slope, inter)
                .descrip("Delineate synthetic " + type).calibration(-1, 1);
        long perVolume = NiftiImage.volumeVoxels(shape);
        List<byte[]> volumes = new ArrayList<>();
        long n = 0;
        for (long t = 0; t < NiftiImage.volumeCount(shape); t++) {
            ByteBuffer buf = ByteBuffer.allocate((int) perVolume * type.bytesPerVoxel()).order(ByteOrder.LITTLE_ENDIAN);
            for (long v = 0; v < perVolume; v++, n++) {
                for (int ch = 0; ch < type.channels(); ch++) {
                    put(buf, type, fraction(n * type.channels() + ch), lo, hi);
                }
            }
            volumes.add(buf.array());
        }
        return NiftiImage.owning(h.build(), volumes);
    }

    /** A scrambled fraction in [0, 1], exactly 0 and 1 for the first two values. */
    private static double fraction(long n) {
        return n == 0 ? 0 : n == 1 ? 1 : ((n * 2654435761L) % 1000003) / 1000003.0;
    }

    private static void put(ByteBuffer buf, NiftiDataType type, double f, double lo, double hi) {
        if (!Double.isNaN(lo)) {
            buf.putInt((int) Math.round(lo + f * (hi - lo)));
            return;
        }
        switch (type) {
            case UINT8: case RGB24: case RGBA32: buf.put((byte) Math.round(f * 255)); break;
            case INT8: buf.put((byte) Math.round(-128 + f * 255)); break;
            case INT16: buf.putShort((short) Math.round(-32768 + f * 65535)); break;
            case UINT16: buf.putShort((short) Math.round(f * 65535)); break;
            case INT32: buf.putInt((int) Math.round(-2147483648.0 + f * 4294967295.0)); break;
            case UINT32: buf.putInt((int) (long) Math.round(f * 4294967295.0)); break;
            case INT64: buf.putLong(f == 0 ? Long.MIN_VALUE : f == 1 ? Long.MAX_VALUE : Math.round((f - 0.5) * 1e15)); break;
            case UINT64: buf.putLong(f == 1 ? -1L : Math.round(f * 1e15)); break;
            case FLOAT32: case COMPLEX64: buf.putFloat((float) ((f - 0.3) * 12345.678)); break;
            default: buf.putDouble((f - 0.3) * 12345.678e10);
        }
    }
}
