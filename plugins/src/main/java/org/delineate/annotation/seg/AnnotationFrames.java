package org.delineate.annotation.seg;

import java.util.Arrays;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.Segment;
import org.delineate.dicom.seg.SegmentationFrames;

/**
 * An annotation's segments as the frames the DICOM-SEG writer asks for: segment s (1-based, in list order) at
 * slice k is where the segment's layer holds its label value, marked with the value {@code inside} (1 for
 * BINARY and LABELMAP, the Maximum Fractional Value for FRACTIONAL). Reads the layers in place; do not edit the
 * annotation while writing.
 */
final class AnnotationFrames implements SegmentationFrames {

    private final Annotation annotation;
    private final List<Segment> segments;
    private final byte inside;

    AnnotationFrames(Annotation annotation, int inside) {
        this.annotation = annotation;
        this.segments = annotation.segments();
        this.inside = (byte) inside;
    }

    @Override
    public int columns() {
        return annotation.grid().columns();
    }

    @Override
    public int rows() {
        return annotation.grid().rows();
    }

    @Override
    public int slices() {
        return annotation.grid().slices();
    }

    @Override
    public int segmentCount() {
        return segments.size();
    }

    @Override
    public void readFrame(int segment, int slice, byte[] target) {
        Segment s = segments.get(segment - 1);
        LabelLayer layer = annotation.layer(s.layer());
        short[] plane = layer.plane(slice);
        if (plane == null) {
            Arrays.fill(target, (byte) 0);
            return;
        }
        int label = s.labelValue();
        for (int n = 0; n < target.length; n++) {
            target[n] = (plane[n] & 0xFFFF) == label ? inside : 0;
        }
    }

    @Override
    public boolean overlapFree() {
        return segments.stream().mapToInt(Segment::layer).distinct().count() <= 1;
    }
}
