package org.delineate.plugins.editor;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Landmark;
import org.delineate.annotation.LandmarkTemplate;

/**
 * Names the landmark tool's next point: the name the user typed, else the next unplaced entry of the chosen
 * template, else {@code P1}, {@code P2}, ... (the smallest number no landmark has). GUI-free.
 */
public final class LandmarkNaming {

    private LandmarkTemplate template;
    private String typed;

    /** The template whose points are prompted for, or null. */
    public LandmarkTemplate template() {
        return template;
    }

    public void setTemplate(LandmarkTemplate t) {
        template = t;
    }

    /** Uses {@code name} for the next point only (null or blank: back to the template or numbering). */
    public void setTyped(String name) {
        typed = name == null || name.isBlank() ? null : name.strip();
    }

    /** The next point's name and code (code may be null). */
    public LandmarkTemplate.Entry next(Annotation annotation) {
        if (typed != null) {
            return new LandmarkTemplate.Entry(typed, null);
        }
        LandmarkTemplate.Entry e = template == null ? null : template.next(annotation);
        if (e != null) {
            return e;
        }
        for (int n = 1;; n++) {
            String name = "P" + n;
            if (annotation.landmarks().stream().map(Landmark::name).noneMatch(name::equals)) {
                return new LandmarkTemplate.Entry(name, null);
            }
        }
    }

    /** Places the next point at a patient position (LPS, mm); a typed name is used once. */
    public Landmark place(Annotation annotation, double[] lps) {
        LandmarkTemplate.Entry e = next(annotation);
        typed = null;
        return annotation.addLandmark(e.name(), e.code(), lps);
    }

    /** What the panel prompts: the next point, and whether the template is complete. */
    public String prompt(Annotation annotation) {
        String next = "Next point: " + next(annotation).name();
        if (template != null && typed == null && template.next(annotation) == null) {
            return "All points of \"" + template.name() + "\" are placed. " + next;
        }
        return next;
    }
}
