package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UID;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100-segment BINARY segmentation (1000 frames of 512 x 512, each segment 10 slices of a 512 x 512 x 60
 * grid, five rows of its own on each) is read and placed, merged label map and per-segment volumes included. (How
 * fast is measured by bench/seg.sh, not here.)
 */
class HundredSegmentsTest {

    private static final int SEGMENTS = 100;
    private static final int SLICES_PER_SEGMENT = 10;
    private static final int SIZE = 512;
    private static final int GRID_SLICES = 60;

    @TempDir
    Path tmp;

    @Test
    void hundredSegmentsAreReadAndPlacedOnTheGrid() throws Exception {
        Path file = tmp.resolve("hundred.dcm");
        new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .write(DicomFile.of(hundredSegments(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
        VolumeGeometry geometry = VolumeGeometry.of(new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {0.8, 0.8}, new double[] {0, 0, 2});
        PlacementTarget target = PlacementTarget.of(SIZE, SIZE, GRID_SLICES, geometry, "1.2.3.4");
        SegmentVolumes placed = SegmentationReader.read(file).place(target, PlacementOptions.defaults());
        Volume last = null;
        for (SegmentDescription s : placed.segments()) {
            last = placed.segmentVolume(s.segmentNumber());
        }
        assertFalse(placed.overlapping());
        assertEquals(SEGMENTS * SLICES_PER_SEGMENT, placed.placements().size());
        // Segment 100 owns rows 495..499 of slices 49..58.
        assertEquals(100, (int) placed.labelMap().modalityValue(7, 497, 55));
        assertEquals(1, (int) last.modalityValue(7, 497, 49));
        assertEquals(0, (int) last.modalityValue(7, 497, 48));
        assertEquals(0, (int) last.modalityValue(7, 494, 55));
    }

    /** Segment s (1..100) covers rows 5(s-1)..5(s-1)+4 of slices (s-1)/2 .. (s-1)/2 + 9. */
    private static DataSet hundredSegments() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SegmentationStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4.6");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.SegmentationType, VR.CS, "BINARY");
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, SIZE);
        ds.setInts(Tag.Columns, VR.US, SIZE);
        ds.setInts(Tag.BitsAllocated, VR.US, 1);
        ds.setInts(Tag.BitsStored, VR.US, 1);
        ds.setInts(Tag.HighBit, VR.US, 0);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        int frames = SEGMENTS * SLICES_PER_SEGMENT;
        ds.setString(Tag.NumberOfFrames, VR.IS, String.valueOf(frames));
        Sequence segments = ds.newSequence(Tag.SegmentSequence);
        for (int s = 1; s <= SEGMENTS; s++) {
            DataSet item = segments.addItem();
            item.setInts(Tag.SegmentNumber, VR.US, s);
            item.setString(Tag.SegmentLabel, VR.LO, "Segment " + s);
            item.setString(Tag.SegmentAlgorithmType, VR.CS, "MANUAL");
            Code.sct("85756007", "Tissue").writeTo(item.newSequence(Tag.SegmentedPropertyCategoryCodeSequence).addItem());
            Code.sct("10200004", "Liver").writeTo(item.newSequence(Tag.SegmentedPropertyTypeCodeSequence).addItem());
        }
        DataSet shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        shared.newSequence(Tag.PlaneOrientationSequence).addItem().setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        DataSet measures = shared.newSequence(Tag.PixelMeasuresSequence).addItem();
        measures.setDoubles(Tag.PixelSpacing, VR.DS, 0.8, 0.8);
        measures.setDoubles(Tag.SliceThickness, VR.DS, 2);
        Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        int bytesPerFrame = SIZE * SIZE / 8;
        byte[] pixels = new byte[frames * bytesPerFrame];
        int f = 0;
        for (int s = 1; s <= SEGMENTS; s++) {
            for (int n = 0; n < SLICES_PER_SEGMENT; n++, f++) {
                DataSet item = perFrame.addItem();
                int slice = (s - 1) / 2 + n;
                item.newSequence(Tag.PlanePositionSequence).addItem().setDoubles(Tag.ImagePositionPatient, VR.DS, 0, 0, 2.0 * slice);
                item.newSequence(Tag.SegmentIdentificationSequence).addItem().setInts(Tag.ReferencedSegmentNumber, VR.US, s);
                for (int row = 5 * (s - 1); row < 5 * s; row++) {
                    java.util.Arrays.fill(pixels, f * bytesPerFrame + row * SIZE / 8, f * bytesPerFrame + (row + 1) * SIZE / 8,
                            (byte) 0xFF);
                }
            }
        }
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        return ds;
    }
}
