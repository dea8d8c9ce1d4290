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
import org.delineate.dicom.seg.SegmentationReader;
import org.delineate.dicom.seg.SegmentationSource;
import org.delineate.dicom.seg.SegmentationType;
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
     * Writes the annotation's segments as a SEG referencing the DICOM images of {@code source}.
     *
     * @param source the image volume the annotation is drawn on, as read from DICOM
     * @throws IllegalArgumentException when the volume was not read from DICOM (a SEG needs source images), or
     *     its grid is not the annotation's
     * @throws org.delineate.dicom.seg.InvalidSegmentationException listing every problem; nothing is written
     */
    public static SegmentationWriter.Written write(Annotation annotation, Volume source, SegWriteOptions options,
            Path target) throws IOException {
        if (source.columns() != annotation.grid().columns() || source.rows() != annotation.grid().rows()
                || source.slices() != annotation.grid().slices()) {
            throw new IllegalArgumentException("the image is " + source.columns() + " x " + source.rows() + " x "
                    + source.slices() + ", the annotation's grid " + annotation.grid().columns() + " x "
                    + annotation.grid().rows() + " x " + annotation.grid().slices());
        }
        if (options.type() == SegmentationType.FRACTIONAL) {
            throw new IllegalArgumentException("an annotation's segments are binary; save them as BINARY or LABELMAP");
        }
        List<SegmentDescription> descriptions = new ArrayList<>();
        for (Segment s : annotation.segments()) {
            int c = s.color();
            descriptions.add(s.description().toBuilder().recommendedDisplayRgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF)
                    .build());
        }
        return SegmentationWriter.write(target, SegmentationSource.of(source), new AnnotationFrames(annotation),
                descriptions, options);
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
        SegmentationFile file = SegmentationReader.read(seg);
        if (file.type() == SegmentationType.FRACTIONAL) {
            throw new IOException(seg + ": a FRACTIONAL segmentation cannot be edited as binary segments");
        }
        SegmentVolumes placed = file.place(target, PlacementOptions.defaults());
        List<Segment> added = new ArrayList<>();
        for (SegmentDescription d : file.segments()) {
            if (d.segmentNumber() == 0) {
                continue;
            }
            Volume mask = placed.segmentVolume(d.segmentNumber());
            int layer = freeLayer(annotation, mask);
            int[] rgb = d.recommendedDisplayRgb();
            int color = rgb == null ? 0x808080 : rgb[0] << 16 | rgb[1] << 8 | rgb[2];
            Segment s = annotation.addSegment(d.withSegmentNumber(0), color, layer);
            VoxelEdit edit = annotation.edit("load SEG", s.id());
            for (int k = 0; k < mask.slices(); k++) {
                byte[] plane = (byte[]) mask.plane(k);
                for (int n = 0; n < plane.length; n++) {
                    if (plane[n] != 0) {
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
    private static int freeLayer(Annotation annotation, Volume mask) {
        for (int layer = 0; layer < annotation.layerCount(); layer++) {
            if (fits(annotation.layer(layer), mask)) {
                return layer;
            }
        }
        return annotation.addLayer();
    }

    private static boolean fits(LabelLayer layer, Volume mask) {
        for (int k = 0; k < mask.slices(); k++) {
            short[] labels = layer.plane(k);
            if (labels == null) {
                continue;
            }
            byte[] plane = (byte[]) mask.plane(k);
            for (int n = 0; n < plane.length; n++) {
                if (plane[n] != 0 && labels[n] != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
