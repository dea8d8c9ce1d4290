package org.delineate.plugins.editor;

import java.awt.Rectangle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.AnnotationSession;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.volume.PlanarImages;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;

/**
 * Test support for the editor: a small synthetic image whose right answers are known (a bright box of value 500 in
 * a background of 0), a session over it, and a view that records what the controller asked of it.
 */
final class EditorFixtures {

    static final int COLUMNS = 64;
    static final int ROWS = 48;
    static final int SLICES = 10;
    static final double SPACING = 0.8;
    static final double SLICE_SPACING = 2;
    /** The bright box: columns, rows and slices (inclusive). */
    static final int BOX_I0 = 20, BOX_I1 = 39, BOX_J0 = 10, BOX_J1 = 29, BOX_K0 = 3, BOX_K1 = 6;

    private EditorFixtures() {
    }

    static Volume image() {
        List<short[]> planes = new ArrayList<>();
        for (int k = 0; k < SLICES; k++) {
            short[] p = new short[COLUMNS * ROWS];
            for (int j = 0; j < ROWS; j++) {
                for (int i = 0; i < COLUMNS; i++) {
                    boolean inBox = i >= BOX_I0 && i <= BOX_I1 && j >= BOX_J0 && j <= BOX_J1 && k >= BOX_K0 && k <= BOX_K1;
                    p[j * COLUMNS + i] = (short) (inBox ? 500 : 0);
                }
            }
            planes.add(p);
        }
        VolumeGeometry g = VolumeGeometry.of(new double[] {-20, -10, 30}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {SPACING, SPACING}, new double[] {0, 0, SLICE_SPACING});
        return Volume.builder().image(PlanarImages.wrap(SampleType.UINT16, COLUMNS, ROWS, planes), SampleType.UINT16, 0)
                .geometry(g).build();
    }

    static AnnotationSession session() {
        return AnnotationSession.open(image(), "tester", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Terminology.load());
    }

    /** Voxels of the session's selected segment on slice k. */
    static int count(AnnotationSession s, int k) {
        short[] plane = s.annotation().layer(s.selected().layer()).plane(k);
        int n = 0;
        if (plane != null) {
            for (short v : plane) {
                n += (v & 0xFFFF) == s.selected().labelValue() ? 1 : 0;
            }
        }
        return n;
    }

    static boolean isSet(AnnotationSession s, int i, int j, int k) {
        return s.annotation().layer(s.selected().layer()).get(i, j, k) == s.selected().labelValue();
    }

    /** Records the controller's calls. */
    static final class RecordingView implements EditorView {
        final List<Rectangle> painted = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<Integer> shown = new ArrayList<>();
        int feedback;

        @Override
        public void painted(int slice, Rectangle voxels) {
            painted.add(voxels);
        }

        @Override
        public void expect(int slice, Rectangle voxels) {
            expected.add(slice + ":" + (voxels == null ? "null" : voxels.x + "," + voxels.y + "," + voxels.width + "," + voxels.height));
        }

        @Override
        public void feedbackChanged() {
            feedback++;
        }

        @Override
        public void showSlice(int slice) {
            shown.add(slice);
        }

        @Override
        public void status(String message) {
            statuses.add(message);
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }
    }
}
