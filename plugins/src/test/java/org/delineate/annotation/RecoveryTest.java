package org.delineate.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.delineate.annotation.edit.Brush;
import org.delineate.dicom.code.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave and recovery after a crash; landmark templates. */
class RecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void anAutosavedAnnotationIsOfferedBackForTheSameSeriesOnly() throws Exception {
        Annotation base = AnnotationTest.annotation(20, 20, 4, 1, 1);
        SourceReference source = new SourceReference("2.25.1", "2.25.2", "2.25.3", List.of());
        Annotation a = new Annotation(base.grid(), source, "u", AnnotationTest.CLOCK);
        Recovery recovery = new Recovery(tmp, AnnotationTest.CLOCK, 3, Duration.ofMinutes(5));
        Segment s = a.addSegment(AnnotationTest.description("s"), 0, 0);
        assertFalse(recovery.changed(a));
        VoxelEdit e = a.edit("brush", s.id());
        new Brush(a.grid()).disk(e, 10, 10, 2, 4, true);
        e.commit();
        assertFalse(recovery.changed(a));
        assertTrue(recovery.changed(a), "the third step writes the recovery file");
        Path file = recovery.fileFor(source, a.grid());
        assertTrue(Files.exists(file));
        assertFalse(file.getFileName().toString().contains("2.25.2"), "the name tells nothing of the series");
        Annotation back = new Recovery(tmp, AnnotationTest.CLOCK, 3, Duration.ofMinutes(5)).restore(source, a.grid(), "u");
        assertEquals(a.layer(0).count(s.labelValue()), back.layer(0).count(s.labelValue()));
        assertNull(recovery.restore(new SourceReference("2.25.1", "2.25.9", "2.25.3", List.of()), a.grid(), "u"));
        recovery.discard(a);
        assertNull(recovery.restore(source, a.grid(), "u"));
    }

    @Test
    void aTemplatePromptsForItsLandmarksInOrder() {
        Annotation a = AnnotationTest.annotation(10, 10, 10, 1, 1);
        LandmarkTemplate t = new LandmarkTemplate("spine", List.of(new LandmarkTemplate.Entry("L1", Code.sct("66794005", "L1 vertebra")),
                new LandmarkTemplate.Entry("L2", null)));
        assertEquals("L1", t.next(a).name());
        t.placeNext(a, new double[] {0, 0, 1});
        assertEquals("L2", t.next(a).name());
        t.placeNext(a, new double[] {0, 0, 2});
        assertNull(t.next(a));
        assertNull(t.placeNext(a, new double[] {0, 0, 3}));
        assertEquals(List.of("L1", "L2"), a.landmarks().stream().map(Landmark::name).toList());
        assertEquals("66794005", a.landmarks().get(0).code().value());
    }
}
