package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.volume.Volume;

/**
 * The round trip every written segmentation must pass: read back with {@link SegmentationReader}, placed on the
 * source volume it was written from, each segment's volume equals what was written voxel by voxel, the merged label
 * map equals the written labels (or is absent exactly when segments overlap), and the descriptions are equal.
 */
final class SegRoundTrip {

    private SegRoundTrip() {
    }

    /** What the round trip compared. */
    record Compared(long voxels, int segments, boolean labelMap) {
    }

    /**
     * Asserts that {@code seg}, written from {@code frames} and {@code written} on {@code source}, reads back the same.
     *
     * @param written the descriptions as given to the writer (segment s = written.get(s - 1))
     */
    static Compared assertReadsBack(Path seg, Volume source, SegmentationFrames frames, List<SegmentDescription> written)
            throws IOException {
        SegmentationFile file = SegmentationReader.read(seg);
        SegmentVolumes placed = file.place(PlacementTarget.of(source), PlacementOptions.defaults());
        // NB: a LABELMAP describes its background value 0 as segment 0 (SegmentSequenceWriter); it has no volume.
        List<SegmentDescription> read = file.segments().stream().filter(d -> d.segmentNumber() > 0).toList();
        assertEquals(written.size(), read.size(), seg + ": segments");
        assertEquals(file.type() == SegmentationType.LABELMAP ? 1 : 0, file.segments().size() - read.size(),
                seg + ": a background segment 0 exactly in a LABELMAP");
        for (int s = 1; s <= written.size(); s++) {
            assertEquals(written.get(s - 1).withSegmentNumber(s), file.segment(s), seg + ": description of segment " + s);
        }
        int columns = frames.columns(), rows = frames.rows(), slices = frames.slices();
        assertEquals(columns, source.columns());
        assertEquals(rows, source.rows());
        assertEquals(slices, source.slices());
        long voxels = 0;
        byte[] expected = new byte[columns * rows];
        for (int s = 1; s <= frames.segmentCount(); s++) {
            Volume volume = placed.segmentVolume(s);
            for (int k = 0; k < slices; k++) {
                frames.readFrame(s, k, expected);
                byte[] actual = (byte[]) volume.plane(k);
                for (int n = 0; n < expected.length; n++) {
                    int want = file.type() == SegmentationType.FRACTIONAL ? expected[n] & 0xFF : expected[n] != 0 ? 1 : 0;
                    if ((actual[n] & 0xFF) != want) {
                        fail(seg + ": segment " + s + ", slice " + k + ", voxel (" + n % columns + ", " + n / columns
                                + ") read back as " + (actual[n] & 0xFF) + ", written " + want);
                    }
                }
                voxels += expected.length;
            }
        }
        int overlaps = 0;
        int[][] labels = new int[slices][columns * rows];
        for (int k = 0; k < slices; k++) {
            overlaps += frames.readLabels(k, labels[k]);
        }
        Volume labelMap = placed.labelMap();
        if (overlaps > 0) {
            assertNull(labelMap, seg + ": segments overlap in " + overlaps + " voxels, yet there is a label map");
            return new Compared(voxels, frames.segmentCount(), false);
        }
        assertNotNull(labelMap, seg + ": no overlap, yet no label map: " + placed.notes());
        for (int k = 0; k < slices; k++) {
            Object plane = labelMap.plane(k);
            int[] actual = new int[columns * rows];
            for (int n = 0; n < actual.length; n++) {
                actual[n] = plane instanceof byte[] b ? b[n] & 0xFF : ((short[]) plane)[n] & 0xFFFF;
            }
            assertArrayEquals(labels[k], actual, seg + ": label map, slice " + k);
        }
        return new Compared(voxels, frames.segmentCount(), true);
    }
}
