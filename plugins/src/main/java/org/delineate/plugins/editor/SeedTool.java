package org.delineate.plugins.editor;

import java.util.Locale;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.SegmentOperations;

/**
 * Region growing: a click is a seed; its 3D region of voxels within the editor's intensity range is painted into
 * the selected segment as one undo step (refused when it reaches the largest region allowed).
 */
final class SeedTool implements PointerTool {

    private final AnnotationSession session;
    private final EditorSettings settings;
    private final EditorView view;

    SeedTool(AnnotationSession session, EditorSettings settings, EditorView view) {
        this.session = session;
        this.settings = settings;
        this.view = view;
    }

    @Override
    public void press(Pointer p) {
        int i = (int) Math.round(p.x());
        int j = (int) Math.round(p.y());
        long n = new SegmentOperations(session).growRegion(i, j, p.slice(), settings.low(), settings.high(),
                settings.maxRegionVoxels());
        if (n == 0) {
            double v = session.image().modalityValue(Math.max(0, Math.min(session.image().columns() - 1, i)),
                    Math.max(0, Math.min(session.image().rows() - 1, j)), p.slice());
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the seed's value %.1f is outside the range %.1f to %.1f", v, settings.low(), settings.high()));
        }
        double ml = n * session.annotation().grid().voxelVolume() / 1000;
        view.status(String.format(Locale.ROOT, "Region growing painted %d voxels (%.2f mL)", n, ml));
    }
}
