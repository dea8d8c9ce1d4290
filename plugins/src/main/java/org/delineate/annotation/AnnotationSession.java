package org.delineate.annotation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.delineate.annotation.edit.Brush;
import org.delineate.annotation.edit.PolygonFill;
import org.delineate.annotation.edit.ThresholdRange;
import org.delineate.annotation.export.LabelMaps;
import org.delineate.annotation.measure.Measurements;
import org.delineate.annotation.measure.SegmentMeasurement;
import org.delineate.annotation.seg.AnnotationSeg;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.PlacementTarget;
import org.delineate.dicom.seg.SegWriteOptions;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentationFile;
import org.delineate.dicom.seg.SegmentationProblem;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.volume.Volume;

/**
 * One image being annotated, with the editing state a user or a macro works with: the selected segment, the
 * brush radius and an optional intensity range that painting respects. Segments are named by their label
 * (case-sensitive); voxel coordinates are 0-based (x = column, y = row, z = slice). Every method is one
 * undoable step. The macro functions ({@code Ext.} after {@code run("Delineate Macro Functions")}) call these
 * methods one to one. GUI-free; not thread-safe.
 */
public final class AnnotationSession {

    private final Volume image;
    private final Annotation annotation;
    private final Terminology terminology;
    private Segment selected;
    private double brushRadius = 5;
    private ThresholdRange range;

    /**
     * A session over an image and its annotation (new, loaded or recovered).
     *
     * @param terminology where segment names are looked up as property types (for codes and colors)
     */
    public AnnotationSession(Volume image, Annotation annotation, Terminology terminology) {
        this.image = image;
        this.annotation = annotation;
        this.terminology = terminology;
    }

    /** A session with a new, empty annotation of the image; the edit log names {@code user}. */
    public static AnnotationSession open(Volume image, String user, Clock clock, Terminology terminology) {
        SourceReference source = image.header() == null ? null : new SourceReference(
                image.header().getString(org.delineate.dicom.dict.Tag.StudyInstanceUID),
                image.header().getString(org.delineate.dicom.dict.Tag.SeriesInstanceUID), image.frameOfReferenceUid(),
                image.sources());
        return new AnnotationSession(image, new Annotation(AnnotationGrid.of(image), source, user, clock), terminology);
    }

    public Volume image() {
        return image;
    }

    public Annotation annotation() {
        return annotation;
    }

    /**
     * Adds a segment and selects it. Its codes and color come from the terminology when the name is a known
     * property type (e.g. "Liver", "Mass"); otherwise it is "Tissue" of category "Tissue" in a distinct color.
     */
    public Segment addSegment(String name) {
        return addSegment(name, 0);
    }

    /**
     * Adds a segment in label layer {@code layer} (0-based; {@link Annotation#addLayer()} makes a new one, for a
     * segment that overlaps those of the other layers) and selects it, coded and colored as {@link #addSegment(String)}.
     */
    public Segment addSegment(String name, int layer) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a segment needs a name");
        }
        if (find(name) != null) {
            throw new IllegalArgumentException("there is a segment \"" + name + "\" already");
        }
        var type = terminology.typeByMeaning(name);
        Code tissue = Code.sct("85756007", "Tissue");
        SegmentDescription d = SegmentDescription.builder().segmentLabel(name).algorithmType(SegmentAlgorithmType.MANUAL)
                .category(type.map(t -> t.category()).orElse(tissue)).type(type.map(t -> t.code()).orElse(tissue)).build();
        int[] rgb = type.map(t -> t.recommendedDisplayRgb()).orElse(null);
        int color = rgb != null ? rgb[0] << 16 | rgb[1] << 8 | rgb[2] : DISTINCT[annotation.segments().size() % DISTINCT.length];
        selected = annotation.addSegment(d, color, layer);
        return selected;
    }

    /** Colors for segments without a recommended one, distinct from their neighbours. */
    private static final int[] DISTINCT = {0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0,
        0xF032E6, 0xBCF60C, 0xFABEBE, 0x008080, 0xE6BEFF};

    /** Selects the segment of this name. */
    public Segment selectSegment(String name) {
        Segment s = find(name);
        if (s == null) {
            throw new IllegalArgumentException("no segment \"" + name + "\"; the segments are "
                    + annotation.segments().stream().map(Segment::name).toList());
        }
        selected = s;
        return s;
    }

    /** Selects a segment of the annotation (by its id), or none when null. */
    public void select(Segment segment) {
        if (segment != null && annotation.segment(segment.id()) == null) {
            throw new IllegalArgumentException("no segment " + segment.id() + " (\"" + segment.name() + "\")");
        }
        selected = segment;
    }

    /** The selected segment, or null. */
    public Segment selected() {
        return selected == null ? null : annotation.segment(selected.id());
    }

    /** Sets the brush radius in mm. */
    public void setBrushRadius(double mm) {
        if (!(mm > 0) || Double.isInfinite(mm)) {
            throw new IllegalArgumentException("a brush radius is a positive number of mm, not " + mm);
        }
        brushRadius = mm;
    }

    public double brushRadius() {
        return brushRadius;
    }

    /** Paints only where the modality value is within [low, high] from now on; NaN for both removes the range. */
    public void setIntensityRange(double low, double high) {
        range = Double.isNaN(low) && Double.isNaN(high) ? null : new ThresholdRange(image, low, high);
    }

    /** The intensity range painting respects, or null when it paints everywhere. */
    public ThresholdRange intensityRange() {
        return range;
    }

    /** Paints (or erases) a disk of the brush radius on slice z around (x, y); returns the voxels changed. */
    public int paintDisk(double x, double y, int z, boolean paint) {
        VoxelEdit e = edit(paint ? "brush" : "eraser");
        int n = new Brush(annotation.grid()).disk(e, x, y, z, brushRadius, paint);
        e.commit();
        return n;
    }

    /** Paints (or erases) a sphere of the brush radius around (x, y, z); returns the voxels changed. */
    public int paintSphere(double x, double y, double z, boolean paint) {
        VoxelEdit e = edit(paint ? "sphere brush" : "sphere eraser");
        int n = new Brush(annotation.grid()).sphere(e, x, y, z, brushRadius, paint);
        e.commit();
        return n;
    }

    /** Fills (or erases) a polygon of voxel coordinates on slice z; returns the voxels changed. */
    public int fillPolygon(double[] xs, double[] ys, int z, boolean paint) {
        VoxelEdit e = edit("polygon");
        int n = PolygonFill.fill(e, xs, ys, z, paint);
        e.commit();
        return n;
    }

    /** Adds a landmark at voxel (x, y, z); returns it (its position in LPS mm). */
    public Landmark addLandmark(String name, double x, double y, double z) {
        return annotation.addLandmark(name, null, annotation.grid().geometry().toPatient(x, y, z));
    }

    /**
     * The distance in mm between the landmarks named {@code a} and {@code b} (patient positions, LPS).
     *
     * @throws IllegalArgumentException when no landmark, or more than one, has one of the names
     */
    public double landmarkDistance(String a, String b) {
        return Measurements.distance(landmark(a), landmark(b));
    }

    /** The one landmark of this name. */
    private Landmark landmark(String name) {
        List<Landmark> named = annotation.landmarks().stream().filter(l -> l.name().equals(name)).toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no landmark \"" + name + "\"; the landmarks are "
                    + annotation.landmarks().stream().map(Landmark::name).toList());
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException(named.size() + " landmarks are named \"" + name + "\"; rename all "
                    + "but one");
        }
        return named.get(0);
    }

    /** The volume of a segment in mL. */
    public double volumeMl(String name) {
        return measure(name).volumeMl();
    }

    /** The measurements of a segment (with intensity statistics from the image). */
    public SegmentMeasurement measure(String name) {
        Segment s = find(name);
        if (s == null) {
            throw new IllegalArgumentException("no segment \"" + name + "\"");
        }
        return Measurements.of(annotation, s, image);
    }

    /** The measurements of every segment. */
    public List<SegmentMeasurement> measureAll() {
        return Measurements.of(annotation, image);
    }

    /**
     * Saves by the file name's ending: {@code .json} the annotation document, {@code .nii}/{@code .nii.gz} a
     * label map, {@code .dcm} a BINARY DICOM-SEG (the image must come from DICOM).
     */
    public void save(Path file) throws IOException {
        save(file, AnnotationFormat.of(file), SegWriteOptions.defaults(), image);
    }

    /**
     * Saves in {@code format}, atomically, then tells the annotation's listeners.
     *
     * @param segOptions for {@link AnnotationFormat#SEG}: the segmentation type and other options
     * @param segSource for SEG: the DICOM image volume the segmentation references (this session's image when it
     *     was read from DICOM, or the series it was made from)
     * @throws org.delineate.dicom.seg.InvalidSegmentationException listing every problem of a SEG; nothing written
     */
    public void save(Path file, AnnotationFormat format, SegWriteOptions segOptions, Volume segSource)
            throws IOException {
        switch (format) {
            case JSON -> AnnotationJson.write(annotation, measureAll(), file);
            case NIFTI -> LabelMaps.writeNifti(annotation, file);
            case SEG -> AnnotationSeg.write(annotation, segSource, segOptions, file);
            default -> throw new IllegalArgumentException("no format " + format);
        }
        annotation.fireSaved();
    }

    /** The problems of saving as a SEG on {@code segSource} (see {@link AnnotationSeg#validate}); empty when none. */
    public List<SegmentationProblem> validateSeg(SegWriteOptions segOptions, Volume segSource) {
        return AnnotationSeg.validate(annotation, segSource, segOptions);
    }

    /**
     * A session over {@code image} with an annotation read from a document, which must be of the image's grid
     * (corners within {@value #GRID_TOLERANCE_MM} mm).
     *
     * @param name names the document in the message
     * @throws IllegalArgumentException when the annotation is of another grid, naming both
     */
    public static AnnotationSession of(Volume image, Annotation annotation, String name, Terminology terminology) {
        AnnotationGrid grid = AnnotationGrid.of(image);
        if (!annotation.grid().matches(grid, GRID_TOLERANCE_MM)) {
            throw new IllegalArgumentException(name + " is an annotation of another grid (" + annotation.grid().describe()
                    + ") than the image's (" + grid.describe() + ")");
        }
        return new AnnotationSession(image, annotation, terminology);
    }

    /** How far (mm) corners of a document's grid may lie from the image's. */
    public static final double GRID_TOLERANCE_MM = 0.01;

    /**
     * Adds the segments of a DICOM-SEG, placed on the image's grid, as undoable steps.
     *
     * @throws org.delineate.dicom.seg.PlacementException naming the frames that do not fit the image
     */
    public List<Segment> addSegmentation(SegmentationFile seg) throws IOException {
        return AnnotationSeg.read(annotation, PlacementTarget.of(image), seg);
    }

    /**
     * Starts an edit of the selected segment by {@code tool} (named in the edit log), limited to the intensity range
     * when one is set; the caller commits or cancels it.
     *
     * @throws IllegalStateException when no segment is selected, or it is locked
     */
    public VoxelEdit edit(String tool) {
        Segment s = selected();
        if (s == null) {
            throw new IllegalStateException("no segment is selected; add or select one first");
        }
        VoxelEdit e = annotation.edit(tool, s.id());
        return range == null ? e : e.onlyWhere(range);
    }

    private Segment find(String name) {
        for (Segment s : annotation.segments()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
