package org.delineate.dicom.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes and encodes the fixed part of a NIfTI-1 (348 bytes) or NIfTI-2 (540 bytes) header at the byte
 * offsets of nifti1.h and nifti2.h. The byte order is detected from sizeof_hdr; encoding is always
 * little-endian. Extensions are handled by the reader and writer.
 */
final class NiftiHeaderCodec {

    static final int NIFTI1_SIZE = 348;
    static final int NIFTI2_SIZE = 540;
    private static final byte[] NIFTI2_EOL = {'\r', '\n', 0x1A, '\n'};

    private NiftiHeaderCodec() {
    }

    /** Which header layout a file has: version 1 or 2, and the byte order it was written in. */
    record Layout(int version, ByteOrder order) {
        int size() {
            return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
        }
    }

    /**
     * The header layout of a file from its first 4 bytes (sizeof_hdr), as nibabel detects it.
     *
     * @param first at least 4 bytes
     */
    static Layout detect(byte[] first, String source) throws NiftiFormatException {
        if (first.length < 4) {
            throw new NiftiFormatException(source, 0, "sizeof_hdr", "the file has " + first.length
                    + " bytes; expected a NIfTI header of 348 or 540 bytes");
        }
        int le = ByteBuffer.wrap(first, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(first, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        for (int[] candidate : new int[][] {{le, 0}, {be, 1}}) {
            ByteOrder order = candidate[1] == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            if (candidate[0] == NIFTI1_SIZE) {
                return new Layout(1, order);
            }
            if (candidate[0] == NIFTI2_SIZE) {
                return new Layout(2, order);
            }
        }
        throw new NiftiFormatException(source, 0, "sizeof_hdr", "found " + le + " (little-endian) or " + be
                + " (big-endian); expected 348 (NIfTI-1) or 540 (NIfTI-2)");
    }

    /** The header of {@code bytes} (348 or 540 of them, per {@link #detect}); extensions are not read here. */
    static NiftiHeader decode(byte[] bytes, String source) throws NiftiFormatException {
        Layout layout = detect(bytes, source);
        int version = layout.version();
        ByteOrder order = layout.order();
        int size = layout.size();
        if (bytes.length < size) {
            throw new NiftiFormatException(source, bytes.length, "sizeof_hdr", "the file ends after " + bytes.length
                    + " bytes; expected a NIfTI-" + version + " header of " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, size).order(order);
        return version == 1 ? decode1(buf, source) : decode2(buf, source);
    }

    private static NiftiHeader decode1(ByteBuffer buf, String source) throws NiftiFormatException {
        String magic = string(buf, 344, 4);
        if (!magic.equals("n+1") && !magic.equals("ni1")) {
            String what = magic.isEmpty() ? "empty, an Analyze 7.5 header (not read: save it as NIfTI)"
                    : "\"" + magic + "\"";
            throw new NiftiFormatException(source, 344, "magic", "found " + what + "; expected \"n+1\" or \"ni1\"");
        }
        NiftiHeader.Builder b = NiftiHeader.builder().version(1).byteOrder(buf.order()).magic(magic);
        b.dataTypeName(string(buf, 4, 10)).dbName(string(buf, 14, 18)).extents(buf.getInt(32))
                .sessionError(buf.getShort(36)).regular(buf.get(38)).dimInfo(buf.get(39) & 0xFF);
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = buf.getShort(40 + 2 * i);
            pixdim[i] = buf.getFloat(76 + 4 * i);
        }
        b.dim(dim).pixdim(pixdim);
        b.intentParameters(new double[] {buf.getFloat(56), buf.getFloat(60), buf.getFloat(64)});
        b.intentCode(buf.getShort(68)).datatype(buf.getShort(70)).bitpix(buf.getShort(72)).sliceStart(buf.getShort(74));
        b.voxOffset(wholeOffset(buf.getFloat(108), source));
        b.scaling(buf.getFloat(112), buf.getFloat(116)).sliceEnd(buf.getShort(120)).sliceCode(buf.get(122) & 0xFF)
                .xyztUnits(buf.get(123) & 0xFF).calibration(buf.getFloat(128), buf.getFloat(124))
                .sliceDuration(buf.getFloat(132)).toffset(buf.getFloat(136)).glmax(buf.getInt(140)).glmin(buf.getInt(144));
        b.descrip(string(buf, 148, 80)).auxFile(string(buf, 228, 24)).qformCode(buf.getShort(252))
                .sformCode(buf.getShort(254));
        b.quatern(new double[] {buf.getFloat(256), buf.getFloat(260), buf.getFloat(264)});
        b.qoffset(new double[] {buf.getFloat(268), buf.getFloat(272), buf.getFloat(276)});
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = buf.getFloat(280 + 16 * r + 4 * c);
            }
        }
        return b.srow(srow).intentName(string(buf, 328, 16)).build();
    }

    private static NiftiHeader decode2(ByteBuffer buf, String source) throws NiftiFormatException {
        String magic = string(buf, 4, 4);
        if (!magic.equals("n+2") && !magic.equals("ni2")) {
            throw new NiftiFormatException(source, 4, "magic", "found \"" + magic + "\"; expected \"n+2\" or \"ni2\"");
        }
        for (int i = 0; i < 4; i++) {
            if (buf.get(8 + i) != NIFTI2_EOL[i]) {
                throw new NiftiFormatException(source, 8 + i, "magic", "found byte " + (buf.get(8 + i) & 0xFF)
                        + "; expected the check bytes \\r \\n \\032 \\n (was the file transferred as text?)");
            }
        }
        NiftiHeader.Builder b = NiftiHeader.builder().version(2).byteOrder(buf.order()).magic(magic);
        b.datatype(buf.getShort(12)).bitpix(buf.getShort(14));
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = buf.getLong(16 + 8 * i);
            pixdim[i] = buf.getDouble(104 + 8 * i);
        }
        b.dim(dim).pixdim(pixdim);
        b.intentParameters(new double[] {buf.getDouble(80), buf.getDouble(88), buf.getDouble(96)});
        long voxOffset = buf.getLong(168);
        if (voxOffset < 0) {
            throw new NiftiFormatException(source, 168, "vox_offset", "found " + voxOffset + "; expected >= 0");
        }
        b.voxOffset(voxOffset).scaling(buf.getDouble(176), buf.getDouble(184))
                .calibration(buf.getDouble(200), buf.getDouble(192)).sliceDuration(buf.getDouble(208))
                .toffset(buf.getDouble(216)).sliceStart(buf.getLong(224)).sliceEnd(buf.getLong(232));
        b.descrip(string(buf, 240, 80)).auxFile(string(buf, 320, 24)).qformCode(buf.getInt(344)).sformCode(buf.getInt(348));
        b.quatern(new double[] {buf.getDouble(352), buf.getDouble(360), buf.getDouble(368)});
        b.qoffset(new double[] {buf.getDouble(376), buf.getDouble(384), buf.getDouble(392)});
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = buf.getDouble(400 + 32 * r + 8 * c);
            }
        }
        b.srow(srow).sliceCode(buf.getInt(496)).xyztUnits(buf.getInt(500)).intentCode(buf.getInt(504))
                .intentName(string(buf, 508, 16)).dimInfo(buf.get(524) & 0xFF);
        return b.build();
    }

    private static long wholeOffset(float v, String source) throws NiftiFormatException {
        if (!(v >= 0) || v > Long.MAX_VALUE || v != Math.rint(v)) {
            throw new NiftiFormatException(source, 108, "vox_offset", "found " + v
                    + "; expected a whole number of bytes >= 0");
        }
        return (long) v;
    }

    /**
     * The ISO-8859-1 text of a fixed-size char field without its trailing NULs. NB: as nibabel (numpy) reads
     * it, a NUL inside is kept ("FSL3.3\0 v2.25 ..." in FSL 3.3's descrip), so a rewrite loses nothing.
     */
    private static String string(ByteBuffer buf, int offset, int length) {
        int end = length;
        while (end > 0 && buf.get(offset + end - 1) == 0) {
            end--;
        }
        byte[] bytes = new byte[end];
        buf.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * The little-endian header of {@code h} in layout {@code version}, with the given magic and vox_offset.
     *
     * @throws IllegalArgumentException when a value does not fit the NIfTI-1 field (e.g. a dim over 32767)
     */
    static byte[] encode(NiftiHeader h, int version, String magic, long voxOffset) {
        return version == 1 ? encode1(h, magic, voxOffset) : encode2(h, magic, voxOffset);
    }

    private static byte[] encode1(NiftiHeader h, String magic, long voxOffset) {
        ByteBuffer buf = ByteBuffer.allocate(NIFTI1_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(0, NIFTI1_SIZE);
        putString(buf, 4, 10, h.dataTypeName(), "data_type");
        putString(buf, 14, 18, h.dbName(), "db_name");
        buf.putInt(32, h.extents()).putShort(36, toShort(h.sessionError(), "session_error"));
        buf.put(38, (byte) h.regular()).put(39, (byte) h.dimInfo());
        long[] dim = h.dim();
        double[] pixdim = h.pixdim();
        for (int i = 0; i < 8; i++) {
            buf.putShort(40 + 2 * i, toShort(dim[i], "dim[" + i + "]"));
            buf.putFloat(76 + 4 * i, (float) pixdim[i]);
        }
        double[] p = h.intentParameters();
        buf.putFloat(56, (float) p[0]).putFloat(60, (float) p[1]).putFloat(64, (float) p[2]);
        buf.putShort(68, toShort(h.intentCode(), "intent_code")).putShort(70, toShort(h.datatype(), "datatype"))
                .putShort(72, toShort(h.bitpix(), "bitpix")).putShort(74, toShort(h.sliceStart(), "slice_start"));
        buf.putFloat(108, voxOffset).putFloat(112, (float) h.sclSlope()).putFloat(116, (float) h.sclInter());
        buf.putShort(120, toShort(h.sliceEnd(), "slice_end")).put(122, (byte) h.sliceCode()).put(123, (byte) h.xyztUnits());
        buf.putFloat(124, (float) h.calMax()).putFloat(128, (float) h.calMin()).putFloat(132, (float) h.sliceDuration())
                .putFloat(136, (float) h.toffset()).putInt(140, h.glmax()).putInt(144, h.glmin());
        putString(buf, 148, 80, h.descrip(), "descrip");
        putString(buf, 228, 24, h.auxFile(), "aux_file");
        buf.putShort(252, toShort(h.qformCode(), "qform_code")).putShort(254, toShort(h.sformCode(), "sform_code"));
        double[] q = h.quatern();
        double[] o = h.qoffset();
        for (int i = 0; i < 3; i++) {
            buf.putFloat(256 + 4 * i, (float) q[i]).putFloat(268 + 4 * i, (float) o[i]);
        }
        double[][] srow = h.srow();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                buf.putFloat(280 + 16 * r + 4 * c, (float) srow[r][c]);
            }
        }
        putString(buf, 328, 16, h.intentName(), "intent_name");
        putString(buf, 344, 4, magic, "magic");
        return buf.array();
    }

    private static byte[] encode2(NiftiHeader h, String magic, long voxOffset) {
        ByteBuffer buf = ByteBuffer.allocate(NIFTI2_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(0, NIFTI2_SIZE);
        putString(buf, 4, 4, magic, "magic");
        buf.put(8, NIFTI2_EOL);
        buf.putShort(12, toShort(h.datatype(), "datatype")).putShort(14, toShort(h.bitpix(), "bitpix"));
        long[] dim = h.dim();
        double[] pixdim = h.pixdim();
        for (int i = 0; i < 8; i++) {
            buf.putLong(16 + 8 * i, dim[i]).putDouble(104 + 8 * i, pixdim[i]);
        }
        double[] p = h.intentParameters();
        buf.putDouble(80, p[0]).putDouble(88, p[1]).putDouble(96, p[2]);
        buf.putLong(168, voxOffset).putDouble(176, h.sclSlope()).putDouble(184, h.sclInter()).putDouble(192, h.calMax())
                .putDouble(200, h.calMin()).putDouble(208, h.sliceDuration()).putDouble(216, h.toffset())
                .putLong(224, h.sliceStart()).putLong(232, h.sliceEnd());
        putString(buf, 240, 80, h.descrip(), "descrip");
        putString(buf, 320, 24, h.auxFile(), "aux_file");
        buf.putInt(344, h.qformCode()).putInt(348, h.sformCode());
        double[] q = h.quatern();
        double[] o = h.qoffset();
        for (int i = 0; i < 3; i++) {
            buf.putDouble(352 + 8 * i, q[i]).putDouble(376 + 8 * i, o[i]);
        }
        double[][] srow = h.srow();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                buf.putDouble(400 + 32 * r + 8 * c, srow[r][c]);
            }
        }
        buf.putInt(496, h.sliceCode()).putInt(500, h.xyztUnits()).putInt(504, h.intentCode());
        putString(buf, 508, 16, h.intentName(), "intent_name");
        buf.put(524, (byte) h.dimInfo());
        return buf.array();
    }

    private static short toShort(long v, String field) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit NIfTI-1's 16-bit field; write NIfTI-2");
        }
        return (short) v;
    }

    private static void putString(ByteBuffer buf, int offset, int length, String value, String field) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length > length || !new String(bytes, StandardCharsets.ISO_8859_1).equals(value)) {
            throw new IllegalArgumentException(field + " holds at most " + length + " ISO-8859-1 characters: \"" + value + "\"");
        }
        buf.put(offset, bytes);
    }
}
