package org.delineate.annotation.seg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.dicom.seg.PlacementOptions;
import org.delineate.dicom.seg.PlacementTarget;
import org.delineate.dicom.seg.SegWriteOptions;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentVolumes;
import org.delineate.dicom.seg.SegmentationFile;
import org.delineate.dicom.seg.SegmentationProblem;
import org.delineate.dicom.seg.SegmentationReader;
import org.delineate.dicom.seg.SegmentationSource;
import org.delineate.dicom.seg.SegmentationType;
import org.delineate.dicom.seg.SegmentationValidator;
import org.delineate.dicom.seg.SegmentationWriter;
import org.delineate.dicom.volume.Volume;

/**
 * Saves an annotation as DICOM-SEG and loads DICOM-SEG into an annotation. Segment Numbers are the segments'
 * positions in the list (1..N); each segment's color goes into Recommended Display CIELab Value. Loading puts
 * each segment of the SEG into the first layer where it overlaps nothing, adding layers as needed, each as one
 * undoable step. Stateless.
 */
public final class AnnotationSeg {

    private AnnotationSeg() {
    }

    /**
     * Writes the annotation's segments as a SEG referencing the DICOM images of {@code source}. BINARY and
     * LABELMAP hold the segments as they are; FRACTIONAL holds each segment's voxels with the Maximum Fractional
     * Value (fully inside) and 0 elsewhere.
     *
     * @param source the image volume the annotation is drawn on, as read from DICOM
     * @throws IllegalArgumentException when the volume was not read from DICOM (a SEG needs source images), or
     *     its grid is not the annotation's
     * @throws org.delineate.dicom.seg.InvalidSegmentationException listing every problem; nothing is written
     */
    public static SegmentationWriter.Written write(Annotation annotation, Volume source, SegWriteOptions options,
            Path target) throws IOException {
        checkSize(annotation, source);
        return SegmentationWriter.write(target, SegmentationSource.of(source), frames(annotation, options),
                descriptions(annotation), options);
    }

    /**
     * Every problem writing the annotation as a SEG on {@code source} with {@code options} would meet (the
     * validation report shown before writing); empty when it can be written. A volume not read from DICOM, or of
     * another size, is one problem of the object as a whole (empty path).
     */
    public static List<SegmentationProblem> validate(Annotation annotation, Volume source, SegWriteOptions options) {
        if (source.header() == null) {
            return List.of(new SegmentationProblem("", "the image was not read from DICOM, so there are no source "
                    + "images for the segmentation to reference; give the DICOM series it was made from"));
        }
        try {
            checkSize(annotation, source);
        } catch (IllegalArgumentException e) {
            return List.of(new SegmentationProblem("", e.getMessage()));
        }
        return SegmentationValidator.validate(SegmentationSource.of(source), frames(annotation, options),
                descriptions(annotation), options);
    }

    private static void checkSize(Annotation annotation, Volume source) {
        if (source.columns() != annotation.grid().columns() || source.rows() != annotation.grid().rows()
                || source.slices() != annotation.grid().slices()) {
            throw new IllegalArgumentException("the image is " + source.columns() + " x " + source.rows() + " x "
                    + source.slices() + ", the annotation's grid " + annotation.grid().columns() + " x "
                    + annotation.grid().rows() + " x " + annotation.grid().slices());
        }
    }

    private static AnnotationFrames frames(Annotation annotation, SegWriteOptions options) {
        return new AnnotationFrames(annotation,
                options.type() == SegmentationType.FRACTIONAL ? options.maxFractionalValue() : 1);
    }

    private static List<SegmentDescription> descriptions(Annotation annotation) {
        List<SegmentDescription> descriptions = new ArrayList<>();
        for (Segment s : annotation.segments()) {
            int c = s.color();
            descriptions.add(s.description().toBuilder().recommendedDisplayRgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF)
                    .build());
        }
        return descriptions;
    }

    /**
     * Reads a SEG placed on the annotation's grid (by position, or by derivation references) and adds its
     * segments to the annotation.
     *
     * @param target where the annotation's voxels are: a placement target of the annotation's image volume
     * @return the segments added, in the SEG's order
     * @throws org.delineate.dicom.seg.PlacementException when frames of the SEG do not fit the grid
     */
    public static List<Segment> read(Annotation annotation, PlacementTarget target, Path seg) throws IOException {
        return read(annotation, target, SegmentationReader.read(seg));
    }

    /**
     * Adds the segments of a SEG already read (see {@link #read(Annotation, PlacementTarget, Path)}). A FRACTIONAL
     * segment covers the voxels of at least half the Maximum Fractional Value.
     */
    public static List<Segment> read(Annotation annotation, PlacementTarget target, SegmentationFile file)
            throws IOException {
        int threshold = file.type() == SegmentationType.FRACTIONAL ? (file.maximumFractionalValue() + 1) / 2 : 1;
        SegmentVolumes placed = file.place(target, PlacementOptions.defaults());
        List<Segment> added = new ArrayList<>();
        for (SegmentDescription d : file.segments()) {
            if (d.segmentNumber() == 0) {
                continue;
            }
            Volume mask = placed.segmentVolume(d.segmentNumber());
            int layer = freeLayer(annotation, mask, threshold);
            int[] rgb = d.recommendedDisplayRgb();
            int color = rgb == null ? 0x808080 : rgb[0] << 16 | rgb[1] << 8 | rgb[2];
            Segment s = annotation.addSegment(d.withSegmentNumber(0), color, layer);
            VoxelEdit edit = annotation.edit("load SEG", s.id());
            for (int k = 0; k < mask.slices(); k++) {
                byte[] plane = (byte[]) mask.plane(k);
                for (int n = 0; n < plane.length; n++) {
                    if ((plane[n] & 0xFF) >= threshold) {
                        edit.paint(n % mask.columns(), n / mask.columns(), k);
                    }
                }
            }
            edit.commit();
            added.add(annotation.segment(s.id()));
        }
        return added;
    }

    /** The first layer where the mask covers only empty voxels; a new layer when there is none. */
    private static int freeLayer(Annotation annotation, Volume mask, int threshold) {
        for (int layer = 0; layer < annotation.layerCount(); layer++) {
            if (fits(annotation.layer(layer), mask, threshold)) {
                return layer;
            }
        }
        return annotation.addLayer();
    }

    private static boolean fits(LabelLayer layer, Volume mask, int threshold) {
        for (int k = 0; k < mask.slices(); k++) {
            short[] labels = layer.plane(k);
            if (labels == null) {
                continue;
            }
            byte[] plane = (byte[]) mask.plane(k);
            for (int n = 0; n < plane.length; n++) {
                if ((plane[n] & 0xFF) >= threshold && labels[n] != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
