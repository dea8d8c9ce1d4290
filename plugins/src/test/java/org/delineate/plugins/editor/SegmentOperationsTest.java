package org.delineate.plugins.editor;

import static org.delineate.plugins.editor.EditorFixtures.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.SegmentOperations;
import org.delineate.annotation.edit.Smoothing;
import org.junit.jupiter.api.Test;

/** The editor's segment buttons on the selected segment: each one undo step; the right voxels change. */
class SegmentOperationsTest {

    private final AnnotationSession session = EditorFixtures.session();
    private final SegmentOperations ops = new SegmentOperations(session);

    private int total() {
        int n = 0;
        for (int k = 0; k < EditorFixtures.SLICES; k++) {
            n += count(session, k);
        }
        return n;
    }

    @Test
    void fillBetweenSlicesAndFillHoles() {
        session.addSegment("Liver");
        session.setBrushRadius(4);
        session.paintDisk(30, 20, 2, true);
        session.paintDisk(30, 20, 6, true);
        int disk = count(session, 2);
        int steps = session.annotation().undoSteps();
        assertArrayEquals(new int[] {3, 4, 5}, ops.fillBetweenSlices());
        assertEquals(steps + 1, session.annotation().undoSteps());
        assertEquals(disk, count(session, 4), "the same disk is interpolated between two equal disks");
        session.setBrushRadius(1.5);
        session.paintDisk(30, 20, 4, false);
        int holed = count(session, 4);
        assertEquals(disk - holed, ops.fillHoles(0, EditorFixtures.SLICES - 1));
        assertEquals(disk, count(session, 4));
    }

    @Test
    void smallIslandsGoTheLargestStays() {
        session.addSegment("Liver");
        session.setBrushRadius(4);
        session.paintSphere(30, 20, 4, true);
        int ball = total();
        session.setBrushRadius(0.5);
        session.paintDisk(5, 5, 0, true);
        session.paintDisk(60, 40, 9, true);
        assertEquals(2, ops.removeIslandsSmallerThan(10 * 0.8 * 0.8 * 2), "single voxels are smaller than 10 voxels");
        assertEquals(ball, total());
        session.paintDisk(5, 5, 0, true);
        assertEquals(1, ops.keepLargestIsland());
        assertEquals(ball, total());
        assertThrows(IllegalArgumentException.class, () -> ops.removeIslandsSmallerThan(-1));
    }

    @Test
    void closingFillsANotchAndGrowingIsOneStep() {
        session.addSegment("Liver");
        session.setBrushRadius(5);
        session.paintDisk(30, 20, 4, true);
        session.setBrushRadius(0.5);
        session.paintDisk(30, 20, 4, false);
        int holed = count(session, 4);
        assertTrue(ops.smooth(Smoothing.Method.CLOSING, 1.5) > 0);
        assertTrue(EditorFixtures.isSet(session, 30, 20, 4), "closing fills the one-voxel hole");
        session.annotation().undo();
        assertEquals(holed, count(session, 4));
        int steps = session.annotation().undoSteps();
        assertEquals(20 * 20 * 4, ops.growRegion(25, 15, 4, 400, 600, 1_000_000));
        assertEquals(steps + 1, session.annotation().undoSteps());
        IllegalStateException leak = assertThrows(IllegalStateException.class, () -> ops.growRegion(25, 15, 4, 400, 600, 100));
        assertTrue(leak.getMessage().startsWith("region growing stopped at 100 voxels"), leak.getMessage());
        assertEquals(steps + 1, session.annotation().undoSteps(), "a leak is not a step");
    }
}
