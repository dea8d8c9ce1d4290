package org.delineate.annotation;

import java.util.Objects;

import org.delineate.dicom.seg.SegmentDescription;

/**
 * A named segment of an annotation and how it is shown: what it is (a DICOM {@link SegmentDescription}:
 * label, category and type codes, algorithm), its display color and opacity, whether it is shown and
 * whether it is locked against edits, and where its voxels are (a layer and the label value that marks them
 * there). Immutable; change it with the {@code with...} methods and {@link Annotation#replaceSegment}.
 *
 * @param id the segment's identity within its annotation, never reused; stays the same when the segment is
 *     renamed or reordered (DICOM's Segment Number is assigned on export, in list order)
 * @param description what the segment is; its label is the segment's name
 * @param color the display color, 0xRRGGBB
 * @param opacity the overlay opacity, 0 to 1
 * @param visible whether the overlay shows the segment
 * @param locked whether edits leave the segment's voxels alone
 * @param layer the index of the segment's {@link LabelLayer}
 * @param labelValue the value that marks the segment's voxels in its layer, 1 to 65535
 */
public record Segment(int id, SegmentDescription description, int color, double opacity, boolean visible,
        boolean locked, int layer, int labelValue) {

    public Segment {
        Objects.requireNonNull(description, "description");
        if (id < 1) {
            throw new IllegalArgumentException("a segment id is at least 1, not " + id);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity is 0 to 1, not " + opacity);
        }
        if (layer < 0) {
            throw new IllegalArgumentException("a layer index is at least 0, not " + layer);
        }
        if (labelValue < 1 || labelValue > 0xFFFF) {
            throw new IllegalArgumentException("a label value is 1 to 65535, not " + labelValue);
        }
        color &= 0xFFFFFF;
    }

    /** The segment's name: its description's Segment Label. */
    public String name() {
        return description.segmentLabel();
    }

    public Segment withDescription(SegmentDescription d) {
        return new Segment(id, d, color, opacity, visible, locked, layer, labelValue);
    }

    /** The same segment under another name (Segment Label). */
    public Segment withName(String name) {
        return withDescription(description.toBuilder().segmentLabel(name).build());
    }

    public Segment withColor(int rgb) {
        return new Segment(id, description, rgb, opacity, visible, locked, layer, labelValue);
    }

    public Segment withOpacity(double o) {
        return new Segment(id, description, color, o, visible, locked, layer, labelValue);
    }

    public Segment withVisible(boolean v) {
        return new Segment(id, description, color, opacity, v, locked, layer, labelValue);
    }

    public Segment withLocked(boolean l) {
        return new Segment(id, description, color, opacity, visible, l, layer, labelValue);
    }
}
