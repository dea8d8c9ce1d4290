package org.delineate.dicom.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.delineate.dicom.nifti.NiftiDataType;
import org.delineate.dicom.nifti.NiftiHeader;
import org.delineate.dicom.nifti.NiftiImage;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentationFrames;
import org.delineate.dicom.seg.SegmentationType;

/**
 * Turns label NIfTI files, each already matched to the source grid ({@link LabelGrid}), into the frames the SEG
 * writer takes, in the source's voxel order (column, row, slice). Segment s is the s-th segment of the metadata,
 * counting file by file.
 *
 * <ul>
 * <li>BINARY and LABELMAP from one file: a label volume, voxel value = the segment's labelID (values are read with
 * scl_slope/scl_inter applied and must be whole numbers; values no segment has are background, and reported).
 * <li>BINARY and LABELMAP from several files (overlapping segments, dcmqi's list of lists): one mask per segment.
 * <li>FRACTIONAL: one file per segment, holding its fraction: uint8 without scaling (or scl_slope 1 and scl_inter 0)
 * is 0..255 for 0..1; any other type is read with scaling applied and must lie in 0..1. Stored as round(fraction x
 * Maximum Fractional Value).
 * </ul>
 */
final class LabelInputs {

    /** One --labels file: its name, image, grid match and the metadata's segments for it. */
    record LabelFile(String name, NiftiImage image, LabelGrid grid, List<LabeledSegment> segments) {
    }

    private LabelInputs() {
    }

    /**
     * The frames of all segments.
     *
     * @param warn receives what the user should know (unknown label values), one sentence each
     * @throws IOException naming the file and voxel when a value cannot be a label or a fraction
     */
    static SegmentationFrames frames(List<LabelFile> files, SegmentationType type, int maxFractionalValue, int columns,
            int rows, int slices, Consumer<String> warn) throws IOException {
        if (type == SegmentationType.FRACTIONAL) {
            List<List<byte[]>> fractions = new ArrayList<>();
            for (LabelFile f : files) {
                if (f.segments().size() != 1) {
                    throw new IOException(f.name() + ": a FRACTIONAL segmentation takes one segment per labels file, its "
                            + "fraction; the metadata gives this file " + f.segments().size() + " segments");
                }
                fractions.add(fractionPlanes(f, maxFractionalValue, columns, rows, slices));
            }
            return SegmentationFrames.ofFractions(columns, rows, fractions);
        }
        if (files.size() == 1) {
            LabelFile f = files.get(0);
            int[] labelValues = f.segments().stream().mapToInt(LabeledSegment::labelValue).toArray();
            return SegmentationFrames.ofLabels(columns, rows, labelPlanes(f, labelValues, columns, rows, slices, warn),
                    labelValues);
        }
        List<List<byte[]>> masks = new ArrayList<>();
        for (LabelFile f : files) {
            int[] labelValues = f.segments().stream().mapToInt(LabeledSegment::labelValue).toArray();
            List<Object> labels = labelPlanes(f, labelValues, columns, rows, slices, warn);
            for (int value : labelValues) {
                List<byte[]> mask = new ArrayList<>(slices);
                for (Object plane : labels) {
                    mask.add(mask(plane, value));
                }
                masks.add(mask);
            }
        }
        return SegmentationFrames.ofMasks(columns, rows, masks);
    }

    /** The label planes in source order, byte[] or short[] or int[] by the largest label value; other values are 0. */
    private static List<Object> labelPlanes(LabelFile f, int[] labelValues, int columns, int rows, int slices,
            Consumer<String> warn) throws IOException {
        int max = 0;
        for (int v : labelValues) {
            max = Math.max(max, v);
        }
        boolean[] known = new boolean[max + 1];
        for (int v : labelValues) {
            known[v] = true;
        }
        Map<Double, Long> unknown = new TreeMap<>();
        List<Object> planes = new ArrayList<>(slices);
        int plane = columns * rows;
        VoxelValues voxels = new VoxelValues(f.image());
        for (int k = 0; k < slices; k++) {
            int[] values = new int[plane];
            for (int j = 0; j < rows; j++) {
                // NB: the grid maps series voxels to NIfTI voxels by a permutation and flips, so along a series row
                // the NIfTI index advances by a constant step.
                long start = f.grid().niftiIndex(0, j, k);
                long step = columns > 1 ? f.grid().niftiIndex(1, j, k) - start : 0;
                for (int i = 0; i < columns; i++) {
                    double v = voxels.value(start + i * step);
                    if (v == 0) {
                        continue;
                    }
                    if (v != Math.rint(v) || v < 0) {
                        throw new IOException(String.format(Locale.ROOT, "%s: voxel at column %d, row %d, slice %d of the "
                                + "series holds %s; labels are whole numbers 0 or more (0 = background)", f.name(), i, j,
                                k, v));
                    }
                    if (v <= max && known[(int) v]) {
                        values[j * columns + i] = (int) v;
                    } else {
                        unknown.merge(v, 1L, Long::sum);
                    }
                }
            }
            planes.add(narrow(values, max));
        }
        if (!unknown.isEmpty()) {
            StringBuilder s = new StringBuilder();
            unknown.forEach((v, n) -> s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f (%d voxels)", v, n)));
            warn.accept(f.name() + ": label values no segment of the metadata has are left out as background: " + s);
        }
        return planes;
    }

    /**
     * The values of a NIfTI volume's voxels (volume 0, channel 0, scl_slope and scl_inter applied): unscaled integer
     * types straight from the volume's bytes, the others through {@link NiftiImage#scaledValue}.
     */
    private static final class VoxelValues {
        private final NiftiImage image;
        private final boolean unscaled;
        private final byte[] bytes;
        private final int width;
        private final boolean signed;

        VoxelValues(NiftiImage image) {
            this.image = image;
            NiftiDataType type = image.dataType();
            boolean integer = switch (type) {
                case UINT8, INT8, INT16, UINT16, INT32, UINT32 -> true;
                default -> false;
            };
            NiftiHeader h = image.header();
            // NB: scl_slope 1 with scl_inter 0 (what many writers store for "no scaling") leaves values as stored.
            this.unscaled = !h.hasScaling() || (h.sclSlope() == 1 && h.sclInter() == 0);
            this.bytes = integer && unscaled ? image.volumeBytes(0) : null;
            this.width = type.bytesPerVoxel();
            this.signed = type == NiftiDataType.INT8 || type == NiftiDataType.INT16 || type == NiftiDataType.INT32;
        }

        /** True when values are the stored values (no scaling, or slope 1 and intercept 0). */
        boolean unscaled() {
            return unscaled;
        }

        /** The value of the voxel at {@code index} (i fastest). */
        double value(long index) {
            if (bytes == null) {
                return image.scaledValue(0, index, 0);
            }
            int at = Math.toIntExact(index * width);
            // NB: volume bytes are little endian whatever the file's byte order.
            return switch (width) {
                case 1 -> signed ? bytes[at] : bytes[at] & 0xFF;
                case 2 -> {
                    int v = (bytes[at] & 0xFF) | bytes[at + 1] << 8;
                    yield signed ? (short) v : v & 0xFFFF;
                }
                default -> {
                    int v = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                            | bytes[at + 3] << 24;
                    yield signed ? v : v & 0xFFFFFFFFL;
                }
            };
        }
    }

    private static Object narrow(int[] values, int max) {
        if (max <= 0xFF) {
            byte[] b = new byte[values.length];
            for (int n = 0; n < values.length; n++) {
                b[n] = (byte) values[n];
            }
            return b;
        }
        if (max <= 0xFFFF) {
            short[] s = new short[values.length];
            for (int n = 0; n < values.length; n++) {
                s[n] = (short) values[n];
            }
            return s;
        }
        return values;
    }

    /** The pixels of one label plane equal to {@code value}, or null when there are none. */
    private static byte[] mask(Object plane, int value) {
        int length = plane instanceof byte[] b ? b.length : plane instanceof short[] s ? s.length : ((int[]) plane).length;
        byte[] mask = null;
        for (int n = 0; n < length; n++) {
            int v = plane instanceof byte[] b ? b[n] & 0xFF : plane instanceof short[] s ? s[n] & 0xFFFF : ((int[]) plane)[n];
            if (v == value) {
                if (mask == null) {
                    mask = new byte[length];
                }
                mask[n] = 1;
            }
        }
        return mask;
    }

    private static List<byte[]> fractionPlanes(LabelFile f, int max, int columns, int rows, int slices) throws IOException {
        NiftiImage image = f.image();
        // NB: uint8 without scaling is the common compact form of a probability map (255 = 1.0); everything else
        // carries its fraction as the (scaled) value itself.
        VoxelValues voxels = new VoxelValues(image);
        boolean bytes = image.dataType() == NiftiDataType.UINT8 && voxels.unscaled();
        List<byte[]> planes = new ArrayList<>(slices);
        for (int k = 0; k < slices; k++) {
            byte[] plane = null;
            for (int j = 0; j < rows; j++) {
                long start = f.grid().niftiIndex(0, j, k);
                long step = columns > 1 ? f.grid().niftiIndex(1, j, k) - start : 0;
                for (int i = 0; i < columns; i++) {
                    double fraction = voxels.value(start + i * step) / (bytes ? 255.0 : 1);
                    if (!(fraction >= -1e-6 && fraction <= 1 + 1e-6)) {
                        throw new IOException(String.format(Locale.ROOT, "%s: voxel at column %d, row %d, slice %d of the "
                                + "series holds %s; a fraction is 0 to 1 (or 0 to 255 in a uint8 image)", f.name(), i, j,
                                k, fraction));
                    }
                    int stored = (int) Math.round(Math.max(0, Math.min(1, fraction)) * max);
                    if (stored != 0) {
                        if (plane == null) {
                            plane = new byte[columns * rows];
                        }
                        plane[j * columns + i] = (byte) stored;
                    }
                }
            }
            planes.add(plane);
        }
        return planes;
    }
}
