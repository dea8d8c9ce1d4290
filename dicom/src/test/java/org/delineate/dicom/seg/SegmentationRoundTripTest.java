package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4's "done when": every type (BINARY, FRACTIONAL, LABELMAP), one and many segments, overlapping and not,
 * on 23 x 38 and 512 x 512 frames, written by {@link SegmentationWriter} and read back by
 * {@link SegmentationReader} onto the same source volume, is voxel-identical to what was written (each segment and
 * the merged label map) with equal segment descriptions.
 */
class SegmentationRoundTripTest {

    @TempDir
    static Path tmp;

    enum Input { MASKS_OVERLAPPING, MASKS_DISJOINT, FRACTIONS, LABELS_BYTE, LABELS_SHORT }

    record Case(boolean large, SegmentationType type, Input input, int segments, boolean keepEmpty) {
        @Override
        public String toString() {
            return (large ? "512x512x3 " : "23x38x3 ") + type + " " + input + " " + segments + (keepEmpty ? " keep" : "");
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (boolean large : new boolean[] {false, true}) {
            cases.add(new Case(large, SegmentationType.BINARY, Input.MASKS_OVERLAPPING, 1, false));
            cases.add(new Case(large, SegmentationType.BINARY, Input.MASKS_OVERLAPPING, 4, false));
            cases.add(new Case(large, SegmentationType.BINARY, Input.MASKS_DISJOINT, 3, true));
            cases.add(new Case(large, SegmentationType.BINARY, Input.LABELS_SHORT, 5, false));
            cases.add(new Case(large, SegmentationType.FRACTIONAL, Input.FRACTIONS, 1, false));
            cases.add(new Case(large, SegmentationType.FRACTIONAL, Input.FRACTIONS, 3, true));
            cases.add(new Case(large, SegmentationType.LABELMAP, Input.LABELS_BYTE, 1, false));
            cases.add(new Case(large, SegmentationType.LABELMAP, Input.LABELS_BYTE, 6, false));
            cases.add(new Case(large, SegmentationType.LABELMAP, Input.MASKS_DISJOINT, 2, true));
        }
        cases.add(new Case(false, SegmentationType.LABELMAP, Input.LABELS_SHORT, 300, false));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsBackVoxelIdentical(Case c) throws Exception {
        SegWriterSources.Loaded src = c.large() ? SegWriterSources.ct512() : SegWriterSources.tiny();
        int columns = src.source().columns(), rows = src.source().rows(), slices = src.source().slices();
        int[] labelValues = IntStream.rangeClosed(1, c.segments()).map(v -> v * 7 % 997 + 1).toArray();
        SegmentationFrames frames = switch (c.input()) {
            case MASKS_OVERLAPPING -> SegmentationFrames.ofMasks(columns, rows,
                    SegWriterInputs.overlappingMasks(columns, rows, slices, c.segments()));
            case MASKS_DISJOINT -> SegmentationFrames.ofMasks(columns, rows, disjointMasks(columns, rows, slices,
                    c.segments()));
            case FRACTIONS -> SegmentationFrames.ofFractions(columns, rows,
                    SegWriterInputs.fractions(columns, rows, slices, c.segments(), 255));
            case LABELS_BYTE -> SegmentationFrames.ofLabels(columns, rows,
                    SegWriterInputs.labelPlanes(columns, rows, slices, labelValues, false), labelValues);
            case LABELS_SHORT -> SegmentationFrames.ofLabels(columns, rows,
                    SegWriterInputs.labelPlanes(columns, rows, slices, labelValues, true), labelValues);
        };
        List<SegmentDescription> descriptions = SegWriterInputs.descriptions(c.segments());
        Path out = tmp.resolve(c.toString().replaceAll("\\W+", "_") + ".dcm");
        SegmentationWriter.write(out, src.source(), frames, descriptions,
                SegWriteOptions.builder().type(c.type()).keepEmptyFrames(c.keepEmpty()).build());
        SegRoundTrip.Compared compared = SegRoundTrip.assertReadsBack(out, src.volume(), frames, descriptions);
        assertEquals((long) columns * rows * slices * c.segments(), compared.voxels());
        boolean overlapping = c.input() == Input.MASKS_OVERLAPPING && c.segments() > 1
                || c.input() == Input.FRACTIONS && c.segments() > 1;
        assertEquals(!overlapping, compared.labelMap(), "a merged label map exactly when segments do not overlap");
    }

    /** n masks that never share a pixel: segment s has the pixels whose (i + 2j + k) mod (n + 1) is s. */
    private static List<List<byte[]>> disjointMasks(int columns, int rows, int slices, int n) {
        List<List<byte[]>> masks = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            List<byte[]> planes = new ArrayList<>();
            for (int k = 0; k < slices; k++) {
                byte[] plane = new byte[columns * rows];
                for (int j = 0; j < rows; j++) {
                    for (int i = 0; i < columns; i++) {
                        plane[j * columns + i] = (byte) ((i + 2 * j + k) % (n + 1) == s ? 1 : 0);
                    }
                }
                planes.add(plane);
            }
            masks.add(planes);
        }
        return masks;
    }
}
