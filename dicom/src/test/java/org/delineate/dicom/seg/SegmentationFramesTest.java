package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.volume.PlanarImages;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;

/** The three inputs read frames in place and refuse what does not fit. */
class SegmentationFramesTest {

    private static final SegmentDescription ANY = SegmentDescription.builder().segmentLabel("x")
            .algorithmType(SegmentAlgorithmType.MANUAL).category(Code.sct("85756007", "Tissue"))
            .type(Code.sct("85756007", "Tissue")).build();

    @Test
    void labelVolumeFramesFollowTheLabelValuesNotTheOrderOfValues() {
        short[] slice = {0, 7, 3, 7, 3, 0};
        SegmentationFrames frames = SegmentationFrames.ofLabels(3, 2, List.of(slice), 7, 3);
        byte[] frame = new byte[6];
        frames.readFrame(1, 0, frame);
        assertArrayEquals(new byte[] {0, 1, 0, 1, 0, 0}, frame, "segment 1 is label value 7");
        frames.readFrame(2, 0, frame);
        assertArrayEquals(new byte[] {0, 0, 1, 0, 1, 0}, frame, "segment 2 is label value 3");
        int[] labels = new int[6];
        assertEquals(0, frames.readLabels(0, labels));
        assertArrayEquals(new int[] {0, 1, 2, 1, 2, 0}, labels);
        assertTrue(frames.overlapFree());
    }

    @Test
    void aSignedVolumeIsReadAsItsStoredValues() {
        // A signed 16-bit volume holds stored value + 32768 (see Volume#storedOffset): label 2 is sample 32770.
        short[] plane = {(short) 32768, (short) 32770, (short) 32769, (short) 32770};
        Volume volume = Volume.builder().image(PlanarImages.wrap(SampleType.UINT16, 2, 2, List.of(plane)),
                SampleType.UINT16, 32768).geometry(new VolumeGeometry(new double[3], new double[] {1, 0, 0},
                        new double[] {0, 1, 0}, new double[] {0, 0, 1})).modalityLut(ModalityLut.IDENTITY).build();
        SegmentationFrames frames = SegmentationFrames.ofLabels(volume, List.of(new LabeledSegment(2, ANY)));
        byte[] frame = new byte[4];
        frames.readFrame(1, 0, frame);
        assertArrayEquals(new byte[] {0, 1, 0, 1}, frame);
    }

    @Test
    void masksAreBinaryAndMayOverlapWhileFractionsKeepTheirValues() {
        byte[] a = {0, 5, (byte) 200, 0};
        SegmentationFrames masks = SegmentationFrames.ofMasks(2, 2, List.of(List.of(a), Arrays.asList((byte[]) null)));
        byte[] frame = new byte[4];
        masks.readFrame(1, 0, frame);
        assertArrayEquals(new byte[] {0, 1, 1, 0}, frame);
        masks.readFrame(2, 0, frame);
        assertArrayEquals(new byte[4], frame, "a null plane is empty");
        assertEquals(false, masks.overlapFree());
        SegmentationFrames fractions = SegmentationFrames.ofFractions(2, 2, List.of(List.of(a)));
        fractions.readFrame(1, 0, frame);
        assertArrayEquals(a, frame);
    }

    @Test
    void inputsThatDoNotFitAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationFrames.ofLabels(3, 2, List.of(new byte[5]), 1));
        assertEquals("label slice 0 has 5 pixels, not 3 x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentationFrames.ofLabels(3, 2, List.of(new float[6]), 1));
        assertEquals("label slice 0 is not a byte[], short[] or int[]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentationFrames.ofLabels(3, 2, List.of(new byte[6]), 4, 4));
        assertEquals("label value 4 is given for segments 1 and 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentationFrames.ofMasks(2, 2,
                List.of(List.of(new byte[4], new byte[4]), List.of(new byte[4]))));
        assertEquals("segment 2 has 1 slices, segment 1 has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SegmentationFrames.ofFractions(2, 2,
                List.of(List.of(new byte[3]))));
        assertEquals("segment 1 slice 0 has 3 pixels, not 2 x 2", e.getMessage());
    }
}
