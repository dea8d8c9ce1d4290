package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.volume.SourceFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem is reported at once, with the attribute path where it would be written and a plain message. */
class SegmentationValidatorTest {

    @TempDir
    Path tmp;

    private static SegWriterSources.Loaded tiny;

    @BeforeAll
    static void load() throws Exception {
        tiny = SegWriterSources.tiny();
    }

    private static SegmentationFrames masks(int segments) {
        return SegmentationFrames.ofMasks(23, 38, SegWriterInputs.overlappingMasks(23, 38, 3, segments));
    }

    private static List<String> problems(SegmentationSource source, SegmentationFrames frames,
            List<SegmentDescription> segments, SegWriteOptions options) {
        return SegmentationValidator.validate(source, frames, segments, options).stream()
                .map(SegmentationProblem::toString).toList();
    }

    @Test
    void aValidSegmentationHasNoProblems() {
        assertEquals(List.of(), problems(tiny.source(), masks(2), SegWriterInputs.descriptions(2), SegWriteOptions.defaults()));
    }

    @Test
    void segmentProblemsAreAllReportedWithTheirPaths() {
        SegmentDescription noName = SegWriterInputs.descriptions(2).get(1).toBuilder().algorithmName(null).build();
        SegmentDescription srt = SegmentDescription.builder().segmentLabel("Liver")
                .algorithmType(SegmentAlgorithmType.MANUAL).category(new Code("T-D0050", "SRT", "Tissue"))
                .type(Code.sct("10200004", "Liver")).typeModifiers(List.of(new Code("G-A101", "SRT", "Left")))
                .anatomicRegion(new Code("T-D4000", "SRT", "Abdomen")).trackingId("liver 1").build();
        SegmentDescription bare = SegmentDescription.builder().trackingUid("2.25.7").build();
        List<String> found = problems(tiny.source(), masks(3), List.of(noName, srt, bare), SegWriteOptions.defaults());
        assertEquals(List.of(
                "(0062,0002)[1].(0062,0009): a AUTOMATIC segment needs the name of its algorithm",
                "(0062,0002)[2].(0062,0003)[1].(0008,0102): the Segmented Property Category code (T-D0050, SRT, \"Tissue\") "
                        + "uses the retired scheme SRT; convert it to SCT",
                "(0062,0002)[2].(0062,000F)[1].(0062,0011)[1].(0008,0102): the type modifier code (G-A101, SRT, \"Left\") "
                        + "uses the retired scheme SRT; convert it to SCT",
                "(0062,0002)[2].(0008,2218)[1].(0008,0102): the Anatomic Region code (T-D4000, SRT, \"Abdomen\") uses "
                        + "the retired scheme SRT; convert it to SCT",
                "(0062,0002)[2].(0062,0021): Tracking ID \"liver 1\" needs a Tracking UID",
                "(0062,0002)[3].(0062,0005): the segment has no label",
                "(0062,0002)[3].(0062,0008): the segment has no algorithm type (AUTOMATIC, SEMIAUTOMATIC or MANUAL)",
                "(0062,0002)[3].(0062,0003)[1]: the segment has no Segmented Property Category code",
                "(0062,0002)[3].(0062,000F)[1]: the segment has no Segmented Property Type code",
                "(0062,0002)[3].(0062,0020): a Tracking UID needs a Tracking ID"), found);
    }

    @Test
    void geometryAndSourceMismatchesAreReported() {
        SegmentationSource source = tiny.source();
        // Label volume of the wrong size, and descriptions for a different number of segments.
        SegmentationFrames wrongSize = SegmentationFrames.ofMasks(24, 38, SegWriterInputs.overlappingMasks(24, 38, 3, 2));
        assertEquals(List.of("the segmentation is 24 x 38 x 3 (columns x rows x slices), but its source is 23 x 38 x 3",
                "the frames hold 2 segments, but 1 segment descriptions were given"),
                problems(source, wrongSize, SegWriterInputs.descriptions(1), SegWriteOptions.defaults()));

        // A source header without UIDs and plane attributes, and a slice without SOP Instance UID.
        DataSet header = new DataSet();
        header.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0.5", "1", "0");
        List<SourceFrame> frames = new ArrayList<>(source.frames());
        frames.set(1, new SourceFrame(frames.get(1).sopClassUid(), null, 0));
        SegmentationSource broken = SegmentationSource.of(header, source.geometry(), 23, 38, frames);
        assertEquals(List.of(
                "(0020,000D): the source has no valid Study Instance UID",
                "(0020,0052): the source has no valid Frame of Reference UID; a segmentation must share its source's",
                "(0008,1115)[1].(0020,000E): the source has no valid Series Instance UID",
                "(5200,9229)[1].(0020,9116)[1].(0020,0037): the source's Image Orientation (Patient) is not two orthogonal "
                        + "unit vectors",
                "(5200,9229)[1].(0028,9110)[1].(0028,0030): the source has no Pixel Spacing of 2 positive numbers",
                "(5200,9230)[2].(0008,9124)[1].(0008,2112)[1].(0008,1155): source slice 1 has no valid SOP Instance UID"),
                problems(broken, masks(1), SegWriterInputs.descriptions(1), SegWriteOptions.defaults()));

        // A header of another orientation than the volume's geometry.
        DataSet other = copyOf(source.header());
        other.setString(Tag.ImageOrientationPatient, VR.DS, "0", "1", "0", "0", "0", "-1");
        assertEquals(List.of("(5200,9229)[1].(0020,9116)[1].(0020,0037): the source header's Image Orientation (Patient) "
                + "does not match the source geometry: header and volume are not of the same series"),
                problems(SegmentationSource.of(other, source.geometry(), 23, 38, source.frames()), masks(1),
                        SegWriterInputs.descriptions(1), SegWriteOptions.defaults()));
    }

    @Test
    void optionAndContentProblemsAreReported() {
        SegWriteOptions fractional = SegWriteOptions.builder().type(SegmentationType.FRACTIONAL).maxFractionalValue(100)
                .fractionalType(null).contentLabel("my label").build();
        SegmentationFrames fractions = SegmentationFrames.ofFractions(23, 38, SegWriterInputs.fractions(23, 38, 3, 1, 255));
        List<String> found = problems(tiny.source(), fractions, SegWriterInputs.descriptions(1), fractional);
        assertEquals("(0062,0010): a FRACTIONAL segmentation needs PROBABILITY or OCCUPANCY", found.get(0));
        assertEquals("(0070,0080): Content Label must be 1 to 16 upper-case letters, digits, spaces or underscores (CS), "
                + "not \"my label\"", found.get(1));
        assertEquals("(7FE0,0010): segment 1 at slice 0 has the value 255, above Maximum Fractional Value (0062,000E) 100",
                found.get(2));
        assertEquals(4, found.size(), found.toString());

        SegWriteOptions labelMap = SegWriteOptions.builder().type(SegmentationType.LABELMAP).build();
        List<List<byte[]>> two = SegWriterInputs.overlappingMasks(23, 38, 3, 2);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int both = 0;
            for (int i = 0; i < 23 * 38; i++) {
                both += two.get(0).get(k)[i] != 0 && two.get(1).get(k)[i] != 0 ? 1 : 0;
            }
            if (both > 0) {
                expected.add("(7FE0,0010): slice " + k + " has " + both + " pixels in more than one segment; a LABELMAP "
                        + "cannot hold overlapping segments");
            }
        }
        assertEquals(2, expected.size(), "the masks overlap on slices 1 and 2");
        assertEquals(expected, problems(tiny.source(), masks(2), SegWriterInputs.descriptions(2), labelMap));

        List<Object> labels = SegWriterInputs.labelPlanes(23, 38, 3, new int[] {1, 2, 9}, false);
        assertEquals(List.of("(7FE0,0010): the label value 9 (first at slice 1) belongs to no segment; give it a segment "
                + "or set it to 0"), problems(tiny.source(), SegmentationFrames.ofLabels(23, 38, labels, 1, 2),
                        SegWriterInputs.descriptions(2), SegWriteOptions.defaults()));
    }

    @Test
    void theWriterRefusesWithEveryProblemAndWritesNothing() throws Exception {
        Path out = tmp.resolve("refused.dcm");
        SegmentDescription srt = SegWriterInputs.descriptions(1).get(0).toBuilder().category(new Code("T-D0050", "SRT", "Tissue"))
                .build();
        InvalidSegmentationException e = assertThrows(InvalidSegmentationException.class, () -> SegmentationWriter.write(
                out, tiny.source(), masks(2), List.of(srt, SegWriterInputs.descriptions(2).get(1).toBuilder().algorithmName("")
                        .build()), SegWriteOptions.defaults()));
        assertEquals(2, e.problems().size());
        assertEquals("(0062,0002)[1].(0062,0003)[1].(0008,0102)", e.problems().get(0).path());
        assertEquals("(0062,0002)[2].(0062,0009)", e.problems().get(1).path());
        assertTrue(e.getMessage().startsWith("2 problems in the segmentation: (0062,0002)[1]"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "no temporary file is left either");
        }
    }

    private static DataSet copyOf(DataSet d) {
        DataSet copy = new DataSet();
        for (var e : d) {
            copy.put(e);
        }
        return copy;
    }
}
