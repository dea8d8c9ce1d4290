package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.code.Code;

/** Synthetic segment inputs on a source grid, and segment descriptions to go with them. */
final class SegWriterInputs {

    private SegWriterInputs() {
    }

    /**
     * Segment s (1-based) of n: a disc around a point that moves with s, radius growing with the slice, so that
     * neighbouring segments overlap; slice 0 of segment 2 (when present) is left empty.
     */
    static List<List<byte[]>> overlappingMasks(int columns, int rows, int slices, int n) {
        List<List<byte[]>> masks = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            List<byte[]> planes = new ArrayList<>();
            for (int k = 0; k < slices; k++) {
                byte[] plane = new byte[columns * rows];
                if (!(s == 2 && k == 0)) {
                    double cx = columns * (0.3 + 0.1 * s), cy = rows * (0.4 + 0.05 * s);
                    double r = Math.max(2, Math.min(columns, rows) * (0.15 + 0.05 * k));
                    for (int j = 0; j < rows; j++) {
                        for (int i = 0; i < columns; i++) {
                            if ((i - cx) * (i - cx) + (j - cy) * (j - cy) <= r * r) {
                                plane[j * columns + i] = (byte) 0xFF;
                            }
                        }
                    }
                }
                planes.add(plane);
            }
            masks.add(planes);
        }
        return masks;
    }

    /** Fractions 0..max: a ramp across columns, scaled by segment, zero on the last slice of segment 1. */
    static List<List<byte[]>> fractions(int columns, int rows, int slices, int n, int max) {
        List<List<byte[]>> all = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            List<byte[]> planes = new ArrayList<>();
            for (int k = 0; k < slices; k++) {
                byte[] plane = new byte[columns * rows];
                if (!(s == 1 && k == slices - 1)) {
                    for (int j = 0; j < rows; j++) {
                        for (int i = 0; i < columns; i++) {
                            plane[j * columns + i] = (byte) ((i * max / Math.max(1, columns - 1) + j + s + k) % (max + 1));
                        }
                    }
                }
                planes.add(plane);
            }
            all.add(planes);
        }
        return all;
    }

    /**
     * A label volume with labels {@code labelValues}: bands of rows, label value of band b = labelValues[b % n],
     * some pixels 0; slice 0 is all background.
     */
    static List<Object> labelPlanes(int columns, int rows, int slices, int[] labelValues, boolean shortPlanes) {
        List<Object> planes = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            int[] values = new int[columns * rows];
            if (k > 0) {
                for (int j = 0; j < rows; j++) {
                    for (int i = 0; i < columns; i++) {
                        int band = (j * labelValues.length * 2 / rows + k) % (labelValues.length + 1);
                        values[j * columns + i] = (i + j) % 5 == 0 || band == labelValues.length ? 0 : labelValues[band];
                    }
                }
            }
            if (shortPlanes) {
                short[] plane = new short[values.length];
                for (int i = 0; i < values.length; i++) {
                    plane[i] = (short) values[i];
                }
                planes.add(plane);
            } else {
                byte[] plane = new byte[values.length];
                for (int i = 0; i < values.length; i++) {
                    plane[i] = (byte) values[i];
                }
                planes.add(plane);
            }
        }
        return planes;
    }

    /** n valid descriptions: alternately MANUAL and AUTOMATIC, with colors, a modifier and tracking pairs. */
    static List<SegmentDescription> descriptions(int n) {
        List<SegmentDescription> list = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            SegmentDescription.Builder b = SegmentDescription.builder().segmentLabel("Segment " + s)
                    .category(Code.sct("85756007", "Tissue")).type(Code.sct("10200004", "Liver"))
                    .recommendedDisplayRgb(Math.floorMod(40 * s, 256), Math.floorMod(255 - 30 * s, 256), Math.floorMod(90 + 50 * s, 256));
            if (s % 2 == 1) {
                b.algorithmType(SegmentAlgorithmType.MANUAL);
            } else {
                b.algorithmType(SegmentAlgorithmType.AUTOMATIC).algorithmName("Thresholder")
                        .typeModifiers(List.of(Code.sct("7771000", "Left")))
                        .anatomicRegion(Code.sct("818981001", "Abdomen"))
                        .trackingId("lesion " + s).trackingUid("2.25." + (1000 + s));
            }
            list.add(b.build());
        }
        return list;
    }
}
