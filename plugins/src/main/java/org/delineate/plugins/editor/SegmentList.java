package org.delineate.plugins.editor;

import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;
import org.delineate.dicom.seg.meta.Terminology;

/**
 * The segment list's actions over a session: add (in the first layer, or in a new layer so that the segment may
 * overlap the others), remove, rename, reorder, color, opacity, show or hide, lock, and code from the terminology.
 * Each is one undoable step of the annotation. Names stay unique and non-blank. GUI-free.
 */
public final class SegmentList {

    private final AnnotationSession session;

    public SegmentList(AnnotationSession session) {
        this.session = session;
    }

    private Annotation annotation() {
        return session.annotation();
    }

    /**
     * Adds a segment named "Segment N" (the smallest N not taken) and selects it.
     *
     * @param overlapping true to put it in a new label layer, where it may overlap the other segments
     */
    public Segment add(boolean overlapping) {
        String name = null;
        for (int n = annotation().segments().size() + 1; name == null; n++) {
            if (find("Segment " + n) == null) {
                name = "Segment " + n;
            }
        }
        return session.addSegment(name, overlapping ? annotation().addLayer() : 0);
    }

    /** Removes a segment and its voxels; selects its neighbor (or nothing). */
    public void remove(int id) {
        List<Segment> before = annotation().segments();
        int index = before.indexOf(segment(id));
        annotation().removeSegment(id);
        List<Segment> after = annotation().segments();
        session.select(after.isEmpty() ? null : after.get(Math.min(index, after.size() - 1)));
    }

    /** Renames a segment (its Segment Label). */
    public void rename(int id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a segment needs a name");
        }
        String n = name.strip();
        Segment other = find(n);
        if (other != null && other.id() != id) {
            throw new IllegalArgumentException("there is a segment \"" + n + "\" already");
        }
        if (!n.equals(segment(id).name())) {
            annotation().replaceSegment(segment(id).withName(n));
        }
    }

    /** Moves a segment {@code delta} places down (positive) or up (negative) the list. */
    public void move(int id, int delta) {
        int index = annotation().segments().indexOf(segment(id));
        int to = Math.max(0, Math.min(annotation().segments().size() - 1, index + delta));
        if (to != index) {
            annotation().moveSegment(id, to);
        }
    }

    public void setColor(int id, int rgb) {
        annotation().replaceSegment(segment(id).withColor(rgb));
    }

    /** Sets the overlay opacity, 0 to 1. */
    public void setOpacity(int id, double opacity) {
        annotation().replaceSegment(segment(id).withOpacity(opacity));
    }

    public void setVisible(int id, boolean visible) {
        annotation().replaceSegment(segment(id).withVisible(visible));
    }

    public void setLocked(int id, boolean locked) {
        annotation().replaceSegment(segment(id).withLocked(locked));
    }

    /**
     * Codes a segment as a property type of the terminology (category, type, the type's recommended color), and
     * renames it to the type's Code Meaning when {@code rename} is true and no other segment has that name.
     */
    public void setType(int id, Terminology.PropertyType type, boolean rename) {
        Segment s = segment(id);
        var d = s.description().toBuilder().category(type.category()).type(type.code());
        String meaning = type.code().meaning();
        if (rename && (find(meaning) == null || find(meaning).id() == id)) {
            d.segmentLabel(meaning);
        }
        int[] rgb = type.recommendedDisplayRgb();
        annotation().replaceSegment(s.withDescription(d.build()).withColor(rgb[0] << 16 | rgb[1] << 8 | rgb[2]));
    }

    private Segment segment(int id) {
        Segment s = annotation().segment(id);
        if (s == null) {
            throw new IllegalArgumentException("no segment " + id);
        }
        return s;
    }

    private Segment find(String name) {
        return annotation().segments().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
