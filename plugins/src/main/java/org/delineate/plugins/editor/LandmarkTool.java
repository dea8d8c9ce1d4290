package org.delineate.plugins.editor;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Landmark;

/**
 * The landmark tool: a click places the next point (named by {@link LandmarkNaming}) at the voxel under the
 * pointer, a press on a landmark of the shown slice and a drag move it (one undo step on release), an Alt-click on
 * one deletes it (an Alt-click elsewhere does nothing).
 */
final class LandmarkTool implements PointerTool {

    /** A press within this many screen pixels of a landmark grabs it. */
    static final double GRAB_PIXELS = 8;

    private final Annotation annotation;
    private final LandmarkNaming naming;
    private final EditorView view;
    private Landmark moving;
    private double[] movedTo;

    LandmarkTool(Annotation annotation, LandmarkNaming naming, EditorView view) {
        this.annotation = annotation;
        this.naming = naming;
        this.view = view;
    }

    @Override
    public void press(Pointer p) {
        Landmark hit = near(p);
        if (hit != null && p.alt()) {
            annotation.removeLandmark(hit.id());
            view.status("Deleted landmark " + hit.name());
        } else if (p.alt()) {
            view.status("No landmark here to delete");
        } else if (hit != null) {
            moving = hit;
            movedTo = null;
        } else {
            Landmark placed = naming.place(annotation, annotation.grid().geometry().toPatient(p.x(), p.y(), p.slice()));
            view.status("Placed " + placed.name() + ". " + naming.prompt(annotation));
        }
    }

    @Override
    public void drag(Pointer p) {
        if (moving != null) {
            movedTo = annotation.grid().geometry().toPatient(p.x(), p.y(), p.slice());
            view.feedbackChanged();
        }
    }

    @Override
    public void finish() {
        if (moving != null && movedTo != null) {
            annotation.replaceLandmark(moving.withPosition(movedTo));
            view.status("Moved landmark " + moving.name());
        }
        cancel();
    }

    @Override
    public void cancel() {
        boolean wasMoving = moving != null;
        moving = null;
        movedTo = null;
        if (wasMoving) {
            view.feedbackChanged();
        }
    }

    /** The landmark being dragged and where to (LPS mm), or null. */
    Landmark moving() {
        return moving == null || movedTo == null ? null : moving.withPosition(movedTo);
    }

    /** The landmark id being dragged, or 0. */
    int movingId() {
        return moving == null ? 0 : moving.id();
    }

    /** The landmark of the pointer's slice nearest to it within {@link #GRAB_PIXELS}, or null. */
    private Landmark near(Pointer p) {
        Landmark best = null;
        double bestDistance = GRAB_PIXELS;
        for (Landmark l : annotation.landmarks()) {
            double[] v = annotation.grid().geometry().toIndex(l.position()[0], l.position()[1], l.position()[2]);
            if (Math.round(v[2]) != p.slice()) {
                continue;
            }
            double d = p.screenDistance(v[0], v[1]);
            if (d <= bestDistance) {
                best = l;
                bestDistance = d;
            }
        }
        return best;
    }
}
