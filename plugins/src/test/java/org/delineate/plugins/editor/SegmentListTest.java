package org.delineate.plugins.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;
import org.delineate.dicom.seg.meta.Terminology;
import org.junit.jupiter.api.Test;

/** The segment list's actions: names, order, layers for overlap, display properties, codes; each one undo step. */
class SegmentListTest {

    private final AnnotationSession session = EditorFixtures.session();
    private final Annotation a = session.annotation();
    private final SegmentList list = new SegmentList(session);

    private List<String> names() {
        return a.segments().stream().map(Segment::name).toList();
    }

    @Test
    void segmentsAreAddedRenamedReorderedAndRemoved() {
        Segment one = list.add(false);
        Segment two = list.add(false);
        assertEquals(List.of("Segment 1", "Segment 2"), names());
        assertEquals(two.id(), session.selected().id(), "a new segment is selected");
        list.rename(one.id(), "  Tumor ");
        assertEquals(List.of("Tumor", "Segment 2"), names());
        assertThrows(IllegalArgumentException.class, () -> list.rename(two.id(), "Tumor"));
        assertThrows(IllegalArgumentException.class, () -> list.rename(two.id(), " "));
        Segment three = list.add(false);
        assertEquals("Segment 3", three.name());
        list.move(three.id(), -5);
        assertEquals(List.of("Segment 3", "Tumor", "Segment 2"), names());
        list.move(three.id(), 1);
        assertEquals(List.of("Tumor", "Segment 3", "Segment 2"), names());
        list.remove(three.id());
        assertEquals(List.of("Tumor", "Segment 2"), names());
        assertEquals(two.id(), session.selected().id(), "the removed segment's neighbor is selected");
        a.undo();
        assertEquals(List.of("Tumor", "Segment 3", "Segment 2"), names(), "removing is undone");
        assertEquals("Segment 4", list.add(false).name(), "the smallest free number after the count");
    }

    @Test
    void anOverlappingSegmentGoesToItsOwnLayer() {
        Segment liver = list.add(false);
        Segment lesion = list.add(true);
        assertEquals(0, liver.layer());
        assertEquals(1, lesion.layer());
        session.select(liver);
        session.paintDisk(30, 20, 2, true);
        session.select(lesion);
        session.paintDisk(30, 20, 2, true);
        assertEquals(liver.labelValue(), a.layer(0).get(30, 20, 2));
        assertEquals(lesion.labelValue(), a.layer(1).get(30, 20, 2), "both segments hold the voxel");
    }

    @Test
    void displayPropertiesAndLockChangeAsUndoableSteps() {
        Segment s = list.add(false);
        list.setColor(s.id(), 0x123456);
        list.setOpacity(s.id(), 0.25);
        list.setVisible(s.id(), false);
        list.setLocked(s.id(), true);
        Segment now = a.segment(s.id());
        assertEquals(0x123456, now.color());
        assertEquals(0.25, now.opacity());
        assertFalse(now.visible());
        assertTrue(now.locked());
        a.undo();
        a.undo();
        assertTrue(a.segment(s.id()).visible());
        assertFalse(a.segment(s.id()).locked());
        assertThrows(IllegalArgumentException.class, () -> list.setOpacity(s.id(), 1.5));
    }

    @Test
    void theTerminologyCodesAndColorsASegment() {
        Terminology t = Terminology.load();
        Terminology.PropertyType liver = t.typeByMeaning("Liver").orElseThrow();
        Segment s = list.add(false);
        list.setType(s.id(), liver, true);
        Segment now = a.segment(s.id());
        assertEquals("Liver", now.name());
        assertEquals(liver.code(), now.description().type());
        assertEquals(liver.category(), now.description().category());
        int[] rgb = liver.recommendedDisplayRgb();
        assertEquals(rgb[0] << 16 | rgb[1] << 8 | rgb[2], now.color());
        Segment other = list.add(false);
        list.setType(other.id(), liver, true);
        assertEquals("Segment 2", a.segment(other.id()).name(), "not renamed to a name taken");
        assertEquals(liver.code(), a.segment(other.id()).description().type());
    }
}
