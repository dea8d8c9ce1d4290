package org.delineate.dicom.series;

import java.util.List;

import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Frames of one series that make one 3D volume: same orientation, size, spacing and meaning, sorted
 * along the slice normal, with the exact geometry of the volume. Immutable.
 *
 * <p>Slice k (0-based) of the volume is frame k of {@link #frames()}, except for a Siemens mosaic,
 * whose one frame holds all slices as tiles ({@link #mosaic()}). {@link #geometry()} maps voxel
 * (i = column, j = row, k = slice) to LPS mm. A stack that cannot become a volume is refused
 * ({@link #refusal()} says why); its geometry is then null.
 *
 * <p>When frames repeat at the same positions (time points, acquisitions, trigger delays) the
 * series gives one stack per repetition: {@link #volumeIndex()} of {@link #volumeCount()} in the same
 * {@link #volumeGroup()}, so that a caller can make a 4D volume.
 *
 * @param seriesInstanceUid SeriesInstanceUID (0020,000E) of the frames, or null when they have none
 * @param label what distinguishes this stack within its series, in plain words (no PHI), e.g.
 *        "ORIGINAL\PRIMARY\AXIAL, echo 2 (TE 90 ms), volume 3 of 10"
 * @param frames the frames in slice order
 * @param geometry voxel to LPS map; null when refused
 * @param patientGeometry false when the frames had no ImagePositionPatient or ImageOrientationPatient and
 *        the geometry is nominal (origin 0, axes along LPS)
 * @param mosaic the tile layout when the stack is one Siemens mosaic frame, else null
 * @param sources the frame of each slice, in slice order (for a mosaic the same frame for every slice)
 * @param frameOfReferenceUid FrameOfReferenceUID (0020,0052), or null
 * @param notes what the user should know, in plain sentences without PHI
 * @param summary the series browser line
 * @param volumeGroup stacks with the same group (within a series) are volumes of one 4D series
 * @param volumeIndex 0-based index of this stack in its group, in acquisition order
 * @param volumeCount the number of stacks in the group
 * @param maxPositionError the largest distance (mm) between a frame's ImagePositionPatient and where the
 *        geometry puts its slice; 0 for one frame
 * @param refusal why the stack cannot become a volume, or null
 */
public record FrameStack(String seriesInstanceUid, String label, List<FrameHeader> frames, VolumeGeometry geometry,
        boolean patientGeometry, Mosaic mosaic, List<SourceFrame> sources, String frameOfReferenceUid, List<String> notes,
        SeriesSummary summary, int volumeGroup, int volumeIndex, int volumeCount, double maxPositionError,
        String refusal) {

    public FrameStack {
        frames = List.copyOf(frames);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    /** The number of slices of the volume: frames, or the tiles of a mosaic. */
    public int slices() {
        return mosaic != null ? mosaic.numberOfSlices() : frames.size();
    }

    /** True when the stack can be read into a volume. */
    public boolean usable() {
        return refusal == null;
    }

    /** Rows of a slice (of a tile, for a mosaic). */
    public int rows() {
        return mosaic != null ? mosaic.tileRows() : frames.get(0).rows();
    }

    /** Columns of a slice (of a tile, for a mosaic). */
    public int columns() {
        return mosaic != null ? mosaic.tileColumns() : frames.get(0).columns();
    }
}
