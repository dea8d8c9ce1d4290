package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Values;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.volume.SourceFrame;
import org.delineate.dicom.volume.Volume;

/**
 * The images a segmentation is drawn on: their grid (columns, rows, slices and the voxel-to-LPS geometry),
 * the source frame of each slice, and a source header that supplies the Patient and Study attributes, the
 * Study, Series and Frame of Reference UIDs and Image Orientation (Patient), Pixel Spacing and Slice Thickness
 * as the source wrote them. Immutable apart from the header, which is shared and must not be changed while a
 * segmentation is written. Nothing is checked here: {@link SegmentationValidator} reports what is missing.
 */
public final class SegmentationSource {

    private final DataSet header;
    private final VolumeGeometry geometry;
    private final int columns;
    private final int rows;
    private final List<SourceFrame> frames;

    private SegmentationSource(DataSet header, VolumeGeometry geometry, int columns, int rows, List<SourceFrame> frames) {
        this.header = header;
        this.geometry = geometry;
        this.columns = columns;
        this.rows = rows;
        this.frames = List.copyOf(frames);
    }

    /**
     * The source of a volume read from DICOM: its header (the first slice's, see {@link Volume#header()}),
     * geometry, size and the frame of each slice.
     *
     * @throws IllegalArgumentException when the volume was not read from DICOM (no header)
     */
    public static SegmentationSource of(Volume volume) {
        if (volume.header() == null) {
            throw new IllegalArgumentException("the volume was not read from DICOM: it has no source header");
        }
        return of(volume.header(), volume.geometry(), volume.columns(), volume.rows(), volume.sources());
    }

    /**
     * The source of a stack of frames found by a scan, without reading its pixels: the stack's geometry, size and
     * frames, and the header of the file of its first slice (read up to Pixel Data), as {@link #of(Volume)} gives
     * for the volume read from the same stack.
     *
     * @throws IllegalArgumentException when the stack cannot be a volume ({@link FrameStack#usable()})
     * @throws IOException when the first slice's file cannot be read again
     */
    public static SegmentationSource read(FrameStack stack) throws IOException {
        if (!stack.usable()) {
            throw new IllegalArgumentException("the stack cannot be a volume: " + stack.refusal());
        }
        DataSet header = new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true))
                .readFile(stack.frames().get(0).file()).dataSet();
        return of(header, stack.geometry(), stack.columns(), stack.rows(), stack.sources());
    }

    /**
     * A source described piece by piece.
     *
     * @param header a header of the source series (Patient, Study, Series and Frame of Reference attributes,
     *     and the plane attributes, at top level or in the functional groups of an enhanced image)
     * @param geometry voxel (i = column, j = row, k = slice) to LPS mm
     * @param columns columns of a slice
     * @param rows rows of a slice
     * @param frames the source frame of slice k at index k
     */
    public static SegmentationSource of(DataSet header, VolumeGeometry geometry, int columns, int rows,
            List<SourceFrame> frames) {
        if (header == null || geometry == null || frames == null) {
            throw new IllegalArgumentException("a segmentation source needs a header, a geometry and its frames");
        }
        return new SegmentationSource(header, geometry, columns, rows, frames);
    }

    /** The source header, shared (not copied): read only. */
    public DataSet header() {
        return header;
    }

    /** Voxel (i, j, k) to LPS mm. */
    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Columns of a source slice. */
    public int columns() {
        return columns;
    }

    /** Rows of a source slice. */
    public int rows() {
        return rows;
    }

    /** The number of slices: one per source frame. */
    public int slices() {
        return frames.size();
    }

    /** The source frame of each slice, slice k at index k. */
    public List<SourceFrame> frames() {
        return frames;
    }

    /** Frame of Reference UID (0020,0052) of the source, or null. */
    public String frameOfReferenceUid() {
        return header.getString(Tag.FrameOfReferenceUID);
    }

    /** Study Instance UID (0020,000D) of the source, or null. */
    public String studyInstanceUid() {
        return header.getString(Tag.StudyInstanceUID);
    }

    /** Series Instance UID (0020,000E) of the source, or null. */
    public String seriesInstanceUid() {
        return header.getString(Tag.SeriesInstanceUID);
    }

    /**
     * Image Orientation (Patient) (0020,0037) as the source wrote it (the six strings, unparsed), from the top
     * level or the shared or first per-frame functional group; null when absent.
     */
    public String[] imageOrientationPatient() {
        return planeStrings(Tag.PlaneOrientationSequence, Tag.ImageOrientationPatient);
    }

    /** Pixel Spacing (0028,0030) as the source wrote it (row spacing, column spacing in mm), or null. */
    public String[] pixelSpacing() {
        return planeStrings(Tag.PixelMeasuresSequence, Tag.PixelSpacing);
    }

    /** Slice Thickness (0018,0050) as the source wrote it (mm), or null. */
    public String sliceThickness() {
        String[] v = planeStrings(Tag.PixelMeasuresSequence, Tag.SliceThickness);
        return v == null || v.length == 0 ? null : v[0];
    }

    /** The distance between slice centres along the slice normal, in mm (0 for one slice). */
    public double spacingBetweenSlices() {
        if (frames.size() < 2) {
            return 0;
        }
        double[] n = geometry.normal();
        double[] s = geometry.sliceStep();
        return Math.abs(n[0] * s[0] + n[1] * s[1] + n[2] * s[2]);
    }

    /** Image Position (Patient) of slice k (0-based): the LPS position in mm of its first voxel. */
    public double[] imagePositionPatient(int k) {
        return geometry.toPatient(0, 0, k);
    }

    /** Image Position (Patient) of slice k as Decimal Strings of at most 16 characters. */
    String[] imagePositionStrings(int k) {
        return Arrays.stream(imagePositionPatient(k)).mapToObj(Values::formatDecimalString).toArray(String[]::new);
    }

    private String[] planeStrings(int macroTag, int tag) {
        String[] top = header.getStrings(tag);
        if (top.length > 0) {
            return top;
        }
        for (int groups : new int[] {Tag.SharedFunctionalGroupsSequence, Tag.PerFrameFunctionalGroupsSequence}) {
            Sequence seq = header.getSequence(groups);
            if (seq == null || seq.isEmpty()) {
                continue;
            }
            Sequence macro = seq.get(0).getSequence(macroTag);
            if (macro != null && !macro.isEmpty()) {
                String[] v = macro.get(0).getStrings(tag);
                if (v.length > 0) {
                    return v;
                }
            }
        }
        return null;
    }
}
