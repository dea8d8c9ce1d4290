package org.delineate.dicom.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.delineate.dicom.nifti.NiftiDataType;
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
 * <li>FRACTIONAL: one file per segment, holding its fraction: uint8 without scaling is 0..255 for 0..1; any other
 * type is read with scaling applied and must lie in 0..1. Stored as round(fraction x Maximum Fractional Value).
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
        for (int k = 0; k < slices; k++) {
            int[] values = new int[plane];
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    double v = f.image().scaledValue(0, f.grid().niftiIndex(i, j, k), 0);
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
        boolean bytes = image.dataType() == NiftiDataType.UINT8 && !image.header().hasScaling();
        List<byte[]> planes = new ArrayList<>(slices);
        for (int k = 0; k < slices; k++) {
            byte[] plane = null;
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    long index = f.grid().niftiIndex(i, j, k);
                    double fraction = bytes ? image.value(0, index, 0) / 255.0 : image.scaledValue(0, index, 0);
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
