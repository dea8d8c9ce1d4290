package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmentations that do not fit the source they are placed into, and damaged or hostile segmentations
 * (made by editing bytes of a temporary copy of dcmqi's liver.dcm, explicit VR little endian): each gives
 * its typed error, with a message that says which frames or which attribute, and what was expected.
 */
class SegmentationErrorsTest {

    private static final String SEGS = "dcmqi_testdata/data/segmentations/";

    @TempDir
    Path tmp;

    @Test
    void wrongSourceIsReportedWithEveryFrameAndTheOwnGridStillWorks() throws Exception {
        SegmentationFile liver = SegmentationReader.read(SegOracle.data(SEGS + "liver.dcm"));
        Volume other = SegOracle.volume(SegOracle.data(SEGS + "23x38x3/image"));
        PlacementException e = assertThrows(PlacementException.class,
                () -> liver.place(PlacementTarget.of(other), PlacementOptions.defaults()));
        assertEquals(3, e.misfits().size());
        assertTrue(e.getMessage().contains("liver.dcm: 3 of 3 frames do not fit the target grid 23 x 38 x 3: frame 1 is in "
                + "Frame of Reference " + liver.info().frameOfReferenceUid() + ", the target in " + other.frameOfReferenceUid()
                + "; frame 2 "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Read it on its own grid, or choose the source it was made from."), e.getMessage());
        SegmentVolumes own = liver.placeOnOwnGrid(PlacementOptions.defaults());
        assertEquals(List.of(512, 512, 3), List.of(own.grid().columns(), own.grid().rows(), own.grid().slices()));
        assertEquals(3, own.placements().size());
    }

    @Test
    void framesBetweenSlicesWithOtherSpacingOrOutsideAreEachReported() throws Exception {
        SegmentationFile liver = SegmentationReader.read(SegOracle.data(SEGS + "liver.dcm"));
        Volume ct = SegOracle.volume(SegOracle.data(SEGS + "ct-3slice"));
        VolumeGeometry g = ct.geometry();
        String frameOfReference = ct.frameOfReferenceUid();
        VolumeGeometry halfway = new VolumeGeometry(g.toPatient(0, 0, 0.5), g.columnStep(), g.rowStep(), g.sliceStep());
        PlacementException between = assertThrows(PlacementException.class, () -> liver.place(
                PlacementTarget.of(512, 512, 3, halfway, frameOfReference), PlacementOptions.defaults()));
        assertTrue(between.getMessage().contains("frame 1 lies 0.500 mm from the nearest slice plane (slice 1 of 3)"),
                between.getMessage());
        VolumeGeometry finer = VolumeGeometry.of(g.origin(), new double[] {1, 0, 0, 0, 1, 0}, new double[] {0.5, 0.5},
                g.sliceStep());
        PlacementException spacing = assertThrows(PlacementException.class, () -> liver.place(
                PlacementTarget.of(1024, 1024, 3, finer, frameOfReference), PlacementOptions.defaults()));
        assertTrue(spacing.getMessage().contains("frame 3 has PixelSpacing 0.8105\\0.8105 mm, the target 0.5000\\0.5000 mm"),
                spacing.getMessage());
        PlacementException small = assertThrows(PlacementException.class, () -> liver.place(
                PlacementTarget.of(100, 512, 3, g, frameOfReference), PlacementOptions.defaults()));
        assertTrue(small.getMessage().contains("frame 2 has segment pixels outside the grid: it covers columns 0 to 511 and "
                + "rows 0 to 511 of slice 2, the grid is 100 x 512"), small.getMessage());
        VolumeGeometry tilted = VolumeGeometry.of(g.origin(), new double[] {1, 0, 0, 0, 0.8, 0.6}, new double[] {0.810547,
                0.810547}, g.sliceStep());
        PlacementException orientation = assertThrows(PlacementException.class, () -> liver.place(
                PlacementTarget.of(512, 512, 3, tilted, frameOfReference), PlacementOptions.defaults()));
        assertTrue(orientation.getMessage().contains("frame 1 has ImageOrientationPatient 1.0000\\0.0000\\0.0000\\0.0000\\"
                + "1.0000\\0.0000, the target's axes are 1.0000\\0.0000\\0.0000\\0.0000\\0.8000\\0.6000"),
                orientation.getMessage());
        SegmentVolumes skipped = liver.place(PlacementTarget.of(512, 512, 3, halfway, frameOfReference),
                PlacementOptions.defaults().withSkipMisfits(true));
        assertEquals(0, skipped.placements().size());
        assertTrue(skipped.notes().contains("Frame 2 was left out: it lies 0.500 mm from the nearest slice plane (slice 2 of 3)."),
                skipped.notes().toString());
    }

    @Test
    void pixelDataShorterThanTheFramesIsAFormatError() throws Exception {
        Path seg = edited("2800100055530200", "0002", "0004"); // Rows 512 -> 1024
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> SegmentationReader.read(seg));
        assertEquals(seg + ": (7FE0,0010) PixelData: value is 98304 bytes, expected at least 196608 = Rows 1024 * Columns "
                + "512 * 1 samples * BitsAllocated 1 / 8 * NumberOfFrames 3", e.getMessage());
    }

    @Test
    void hostileRowsAndColumnsAreRefusedBeforeAllocating() throws Exception {
        Path rows = edited("2800100055530200", "0002", "ffff");
        Path both = edited(rows, "2800110055530200", "0002", "ffff");
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> SegmentationReader.read(both));
        assertEquals(both + ": (0028,0010) Rows: Rows 65535 x Columns 65535 is more than the 268435456 pixels a "
                + "segmentation frame may have here", e.getMessage());
    }

    @Test
    void numberOfFramesBeyondThePerFrameItemsIsAFormatError() throws Exception {
        Path seg = edited("2800080049530200", "3320", "3939"); // NumberOfFrames "3 " -> "99"
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> SegmentationReader.read(seg));
        assertEquals(seg + ": (5200,9230) PerFrameFunctionalGroupsSequence: has 3 items, expected one per frame: "
                + "NumberOfFrames 99", e.getMessage());
    }

    @Test
    void missingReferencedSegmentNumberIsReportedByPath() throws Exception {
        Path seg = edited("62000b0055530200", "", ""); // (0062,000B) -> (0062,000C) in frame 1
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> SegmentationReader.read(seg));
        assertEquals(seg + ": (0062,000B) ReferencedSegmentNumber: missing or 0 at (5200,9230)[1].(0062,000A)[1]."
                + "(0062,000B); expected the number of the segment frame 1 belongs to", e.getMessage());
    }

    @Test
    void unknownSegmentationTypeIsAFormatError() throws Exception {
        Path seg = edited("6200010043530600", "42494e415259", "42494e415258"); // BINARY -> BINARX
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> SegmentationReader.read(seg));
        assertEquals(seg + ": (0062,0001) SegmentationType: found \"BINARX\", expected BINARY, FRACTIONAL or LABELMAP",
                e.getMessage());
    }

    @Test
    void anImageIsNotASegmentation() throws Exception {
        Path ct = SegOracle.files(SegOracle.data(SEGS + "ct-3slice")).get(0);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> SegmentationReader.read(ct));
        assertTrue(e.getMessage().startsWith(ct + ": (0008,0016) SOPClassUID: found 1.2.840.10008.5.1.4.1.1.2, expected "
                + "Segmentation Storage 1.2.840.10008.5.1.4.1.1.66.4 or Label Map Segmentation Storage"), e.getMessage());
    }

    /**
     * A copy of liver.dcm in which the first element starting with header {@code hex} has its value's
     * {@code from} bytes replaced by {@code to}; with both empty, the element's tag gets element number + 1.
     */
    private Path edited(String hex, String from, String to) throws Exception {
        return edited(SegOracle.data(SEGS + "liver.dcm"), hex, from, to);
    }

    private Path edited(Path source, String hex, String from, String to) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        byte[] header = HexFormat.of().parseHex(hex);
        int at = indexOf(bytes, header);
        assertTrue(at >= 0, "no " + hex + " in " + source);
        if (from.isEmpty()) {
            bytes[at + 2]++;
        } else {
            byte[] old = HexFormat.of().parseHex(from);
            byte[] now = HexFormat.of().parseHex(to);
            for (int n = 0; n < old.length; n++) {
                assertEquals(old[n], bytes[at + header.length + n], "unexpected value of " + hex);
                bytes[at + header.length + n] = now[n];
            }
        }
        Path out = Files.createTempFile(tmp, "edited", ".dcm");
        Files.write(out, bytes);
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
