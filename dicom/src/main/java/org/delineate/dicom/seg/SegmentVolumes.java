package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.volume.PlanarImages;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;

/**
 * A segmentation placed into a grid: a merged label map (built at once, when no two segments overlap) and
 * one label volume per segment (built on request, so that a hundred segments over a large CT need not be
 * in memory together). All volumes have the grid's geometry. Not thread-safe while volumes are built.
 *
 * <p>Segment volumes are UINT8: 0/1 for BINARY, the stored fractional value (0 to Maximum Fractional
 * Value) for FRACTIONAL, 0/1 membership for LABELMAP. The label map holds the Segment Number (0 for
 * background), UINT8 when every number is below 256, else UINT16; a FRACTIONAL pixel counts as a member
 * when its value is not 0.
 */
public final class SegmentVolumes {

    private final SegmentationFile seg;
    private final PlacementTarget grid;
    private final List<PlacedFrame> placed;
    private final List<String> notes;
    private final Volume labelMap;

    private SegmentVolumes(SegmentationFile seg, PlacementTarget grid, List<PlacedFrame> placed, List<String> notes,
            Volume labelMap) {
        this.seg = seg;
        this.grid = grid;
        this.placed = List.copyOf(placed);
        this.notes = List.copyOf(notes);
        this.labelMap = labelMap;
    }

    static SegmentVolumes of(SegmentationFile seg, PlacementTarget grid, SegmentationPlacement.Result result,
            PlacementOptions options, String gridName) throws IOException {
        List<String> notes = new ArrayList<>(seg.notes());
        notes.addAll(result.notes());
        if (!result.misfits().isEmpty()) {
            if (!options.skipMisfits()) {
                throw new PlacementException(seg.source(), seg.frames().size(), gridName, result.misfits());
            }
            for (FrameMisfit m : result.misfits()) {
                notes.add("Frame " + m.frameNumber() + " was left out: it " + m.reason() + ".");
            }
        }
        for (SegmentDescription s : seg.segments()) {
            if (s.segmentNumber() == 0) {
                notes.add("Segment 0 (\"" + s.segmentLabel() + "\") describes the label map's background; it has no volume.");
            }
        }
        Set<String> overlaps = new TreeSet<>();
        Object[] planes = LabelPainter.labelMap(seg, grid, result.placed(), overlaps);
        Volume labelMap = null;
        if (!overlaps.isEmpty()) {
            notes.add("Segments overlap (" + String.join(", ", overlaps) + "): there is no merged label map.");
        } else {
            labelMap = volume(grid, planes, planes instanceof short[][] ? SampleType.UINT16 : SampleType.UINT8,
                    List.of("Label map of " + seg.source() + ": voxel value = Segment Number, 0 = background."));
        }
        return new SegmentVolumes(seg, grid, result.placed(), notes, labelMap);
    }

    /** The segmentation that was placed. */
    public SegmentationFile segmentation() {
        return seg;
    }

    /** The grid the volumes have: the target's, or the segmentation's own. */
    public PlacementTarget grid() {
        return grid;
    }

    /** The segments, in Segment Sequence order. */
    public List<SegmentDescription> segments() {
        return seg.segments();
    }

    /** Where each placed frame went, in frame order. */
    public List<PlacedFrame> placements() {
        return placed;
    }

    /** What was tolerated or noticed: reading notes, placement notes, left-out frames, overlaps. */
    public List<String> notes() {
        return notes;
    }

    /** True when some voxel belongs to two segments (then there is no merged label map). */
    public boolean overlapping() {
        return labelMap == null;
    }

    /** The merged label map (voxel = Segment Number), or null when segments overlap. */
    public Volume labelMap() {
        return labelMap;
    }

    /**
     * The label volume of one segment, newly built (see the class comment for its values).
     *
     * @throws IllegalArgumentException when no segment of the Segment Sequence has this number, or it is 0
     * @throws IOException when a frame's Pixel Data cannot be decoded
     */
    public Volume segmentVolume(int segmentNumber) throws IOException {
        SegmentDescription segment = seg.segment(segmentNumber);
        if (segment == null || segmentNumber == 0) {
            throw new IllegalArgumentException("no segment " + segmentNumber + " to make a volume of; the segments are "
                    + seg.segments().stream().map(s -> String.valueOf(s.segmentNumber())).toList());
        }
        byte[][] planes = LabelPainter.segment(seg, grid, placed, segmentNumber);
        return volume(grid, planes, SampleType.UINT8, List.of(String.format(Locale.ROOT, "Segment %d (\"%s\") of %s: %s.",
                segmentNumber, segment.segmentLabel(), seg.source(), seg.type() == SegmentationType.FRACTIONAL
                        ? "fractional values 0 to " + seg.maximumFractionalValue() : "1 = member, 0 = not")));
    }

    /** The label volume of every segment numbered 1 or more, in Segment Sequence order. */
    public List<Volume> segmentVolumes() throws IOException {
        List<Volume> volumes = new ArrayList<>();
        for (SegmentDescription s : seg.segments()) {
            if (s.segmentNumber() > 0) {
                volumes.add(segmentVolume(s.segmentNumber()));
            }
        }
        return volumes;
    }

    private static Volume volume(PlacementTarget grid, Object[] planes, SampleType type, List<String> notes) {
        Volume.Builder b = Volume.builder().image(PlanarImages.wrap(type, grid.columns(), grid.rows(), List.of(planes)), type, 0)
                .geometry(grid.geometry()).frameOfReferenceUid(grid.frameOfReferenceUid()).modalityLut(ModalityLut.IDENTITY);
        grid.sources().forEach(b::source);
        notes.forEach(b::note);
        return b.build();
    }
}
