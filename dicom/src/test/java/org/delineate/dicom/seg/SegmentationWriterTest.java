package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Segmentations of every type written on real and synthetic sources, checked by dciodvfy (no errors) and by
 * pydicom (every frame's segment, position, source reference and unpacked pixels equal the input); each also reads
 * back in Delineate voxel-identical ({@link SegRoundTrip}).
 */
class SegmentationWriterTest {

    @TempDir
    static Path tmp;

    enum Source { TINY, MULTIFRAME, CT512, PHANTOM }

    enum Input { MASKS, FRACTIONS, LABELS_BYTE, LABELS_SHORT }

    record Case(String name, Source source, Input input, SegmentationType type, int segments, boolean keepEmpty) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("tiny binary, one segment", Source.TINY, Input.MASKS, SegmentationType.BINARY, 1, false),
                new Case("tiny binary, three overlapping", Source.TINY, Input.MASKS, SegmentationType.BINARY, 3, false),
                new Case("tiny binary, empty frames kept", Source.TINY, Input.MASKS, SegmentationType.BINARY, 3, true),
                new Case("tiny binary from a label volume", Source.TINY, Input.LABELS_SHORT, SegmentationType.BINARY, 2, false),
                new Case("tiny fractional, two segments", Source.TINY, Input.FRACTIONS, SegmentationType.FRACTIONAL, 2, false),
                new Case("tiny label map, three segments", Source.TINY, Input.LABELS_BYTE, SegmentationType.LABELMAP, 3, false),
                new Case("tiny label map from overlap-free masks", Source.TINY, Input.MASKS, SegmentationType.LABELMAP, 1, true),
                new Case("multi-frame source, binary", Source.MULTIFRAME, Input.MASKS, SegmentationType.BINARY, 2, false),
                new Case("multi-frame source, label map", Source.MULTIFRAME, Input.LABELS_BYTE, SegmentationType.LABELMAP,
                        2, false),
                new Case("512 binary, two overlapping", Source.CT512, Input.MASKS, SegmentationType.BINARY, 2, false),
                new Case("512 fractional, one segment", Source.CT512, Input.FRACTIONS, SegmentationType.FRACTIONAL, 1, false),
                new Case("512 label map, two segments", Source.CT512, Input.LABELS_SHORT, SegmentationType.LABELMAP, 2, false),
                new Case("phantom binary, five segments", Source.PHANTOM, Input.MASKS, SegmentationType.BINARY, 5, false),
                new Case("phantom label map, 300 segments (16 bit)", Source.PHANTOM, Input.LABELS_SHORT,
                        SegmentationType.LABELMAP, 300, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writtenSegmentationIsValidAndPydicomSeesTheInput(Case c) throws Exception {
        SegWriterSources.Loaded src = switch (c.source()) {
            case TINY -> SegWriterSources.tiny();
            case MULTIFRAME -> SegWriterSources.load(SegWriterSources.segmentations().resolve("23x38x3/multiframe"));
            case CT512 -> SegWriterSources.ct512();
            case PHANTOM -> SegWriterSources.phantom(tmp.resolve(c.name().replace(' ', '_')), 64, 12);
        };
        SegmentationSource source = src.source();
        int columns = source.columns(), rows = source.rows(), slices = source.slices();
        int[] labelValues = IntStream.rangeClosed(1, c.segments()).map(v -> v * 3 % 1000 + 1).toArray();
        SegmentationFrames frames = switch (c.input()) {
            case MASKS -> SegmentationFrames.ofMasks(columns, rows, SegWriterInputs.overlappingMasks(columns, rows, slices, c.segments()));
            case FRACTIONS -> SegmentationFrames.ofFractions(columns, rows, SegWriterInputs.fractions(columns, rows, slices,
                    c.segments(), 200));
            case LABELS_BYTE -> SegmentationFrames.ofLabels(columns, rows,
                    SegWriterInputs.labelPlanes(columns, rows, slices, labelValues, false), labelValues);
            case LABELS_SHORT -> SegmentationFrames.ofLabels(columns, rows,
                    SegWriterInputs.labelPlanes(columns, rows, slices, labelValues, true), labelValues);
        };
        SegWriteOptions options = SegWriteOptions.builder().type(c.type()).keepEmptyFrames(c.keepEmpty())
                .fractionalType(SegmentationFractionalType.OCCUPANCY).maxFractionalValue(200)
                .contentCreatorName("Reader^One").seriesDescription(c.name()).build();
        Path out = tmp.resolve(c.name().replaceAll("\\W+", "_") + ".dcm");
        SegmentationWriter.Written written = SegmentationWriter.write(out, source, frames,
                SegWriterInputs.descriptions(c.segments()), options);
        SegRoundTrip.assertReadsBack(out, src.volume(), frames, SegWriterInputs.descriptions(c.segments()));

        String keep = System.getProperty("delineate.seg.keep");
        if (keep != null) {
            java.nio.file.Files.copy(out, java.nio.file.Files.createDirectories(Path.of(keep)).resolve(out.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String dciodvfy = SegWriterOracle.assertDciodvfyClean(out, c.type() == SegmentationType.LABELMAP
                ? SegWriterOracle.LABELMAP_ERRORS_OF_OLD_DCIODVFY : List.of());
        SegWriterOracle.View view = SegWriterOracle.pydicomView(out, src.files());
        SegWriterOracle.assertAgrees(view, src, frames, c.type(), c.keepEmpty());
        assertEquals(view.numberOfFrames(), written.numberOfFrames());
        assertTrue(dciodvfy.contains(c.type() == SegmentationType.LABELMAP ? "Information Object Not found"
                : "Segmentation"), dciodvfy);
    }
}
