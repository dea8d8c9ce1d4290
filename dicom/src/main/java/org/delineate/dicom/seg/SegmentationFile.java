package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A segmentation instance as read (Segmentation Storage or Label Map Segmentation Storage): what its
 * segments are, what each frame is and where, and access to the frames' pixels. Place it into a source
 * volume's grid with {@link #place}, or on the grid its own frames span with {@link #placeOnOwnGrid}.
 * Immutable; thread-safe. Made by {@link SegmentationReader}.
 */
public final class SegmentationFile {

    private final String source;
    private final SegmentationInfo info;
    private final SegmentationType type;
    private final SegmentationFractionalType fractionalType;
    private final int maximumFractionalValue;
    private final Integer pixelPaddingValue;
    private final List<SegmentDescription> segments;
    private final Map<Integer, int[]> cieLab;
    private final List<SegmentFrame> frames;
    private final FramePixels pixels;
    private final List<String> notes;

    SegmentationFile(String source, SegmentationInfo info, SegmentationType type, SegmentationFractionalType fractionalType,
            int maximumFractionalValue, Integer pixelPaddingValue, List<SegmentDescription> segments,
            Map<Integer, int[]> cieLab, List<SegmentFrame> frames, FramePixels pixels, List<String> notes) {
        this.source = source;
        this.info = info;
        this.type = type;
        this.fractionalType = fractionalType;
        this.maximumFractionalValue = maximumFractionalValue;
        this.pixelPaddingValue = pixelPaddingValue;
        this.segments = List.copyOf(segments);
        this.cieLab = Map.copyOf(cieLab);
        this.frames = List.copyOf(frames);
        this.pixels = pixels;
        this.notes = List.copyOf(notes);
    }

    /** The file name the segmentation was read from. */
    public String source() {
        return source;
    }

    /** Series, instance and reference identifiers. */
    public SegmentationInfo info() {
        return info;
    }

    /** Segmentation Type (0062,0001); LABELMAP for Label Map Segmentation Storage. */
    public SegmentationType type() {
        return type;
    }

    /** Segmentation Fractional Type (0062,0010) of a FRACTIONAL segmentation, else null. */
    public SegmentationFractionalType fractionalType() {
        return fractionalType;
    }

    /** Maximum Fractional Value (0062,000E) of a FRACTIONAL segmentation (the value meaning 1.0), else 1. */
    public int maximumFractionalValue() {
        return maximumFractionalValue;
    }

    /** Pixel Padding Value (0028,0120) of a LABELMAP segmentation: the background value; null when absent. */
    public Integer pixelPaddingValue() {
        return pixelPaddingValue;
    }

    /** The segments in Segment Sequence order; the display color is converted from CIELab to sRGB. */
    public List<SegmentDescription> segments() {
        return segments;
    }

    /** The segment with this Segment Number, or null. */
    public SegmentDescription segment(int segmentNumber) {
        return segments.stream().filter(s -> s.segmentNumber() == segmentNumber).findFirst().orElse(null);
    }

    /**
     * Recommended Display CIELab Value (0062,000D) of a segment as stored (L*, a*, b* scaled to 0..65535), or
     * null when it has none.
     */
    public int[] recommendedDisplayCieLab(int segmentNumber) {
        int[] lab = cieLab.get(segmentNumber);
        return lab == null ? null : lab.clone();
    }

    /** One description per frame, in frame order. */
    public List<SegmentFrame> frames() {
        return frames;
    }

    /** Rows (0028,0010) of every frame. */
    public int rows() {
        return pixels.rows();
    }

    /** Columns (0028,0011) of every frame. */
    public int columns() {
        return pixels.columns();
    }

    /** What was tolerated while reading (absent values, extra items), with attribute paths. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Places the frames into {@code target}'s grid: by position (orientation, pixel spacing, slice plane and
     * whole-pixel in-plane offset must match within the options' tolerances), else by source image reference;
     * docs/seg-reading.md gives the rules.
     *
     * @throws PlacementException listing every frame that does not fit, unless the options skip misfits
     * @throws IOException when the Pixel Data of a frame cannot be decoded
     */
    public SegmentVolumes place(PlacementTarget target, PlacementOptions options) throws IOException {
        SegmentationPlacement.Result result = SegmentationPlacement.place(this, target, options);
        return SegmentVolumes.of(this, target, result, options, "the target grid " + target.columns() + " x "
                + target.rows() + " x " + target.slices());
    }

    /**
     * Places the frames on the grid they span themselves: the segmentation's orientation and pixel spacing,
     * slices at its distinct positions sorted along the normal, gaps filled at uniform spacing.
     *
     * @throws org.delineate.dicom.io.DicomFormatException when frames lack a position or orientation, or the
     *     grid would be too large
     */
    public SegmentVolumes placeOnOwnGrid(PlacementOptions options) throws IOException {
        PlacementTarget grid = OwnGrid.of(this, options);
        SegmentationPlacement.Result result = SegmentationPlacement.place(this, grid, options);
        return SegmentVolumes.of(this, grid, result, options, "its own grid " + grid.columns() + " x " + grid.rows()
                + " x " + grid.slices());
    }

    FramePixels pixels() {
        return pixels;
    }

    /** True for a value that means "no segment": 0, or a LABELMAP's Pixel Padding Value. */
    boolean isBackground(int value) {
        return value == 0 || (pixelPaddingValue != null && value == pixelPaddingValue);
    }

    @Override
    public String toString() {
        return "SegmentationFile[" + type + ", " + segments.size() + " segments, " + frames.size() + " frames, " + source + "]";
    }
}
