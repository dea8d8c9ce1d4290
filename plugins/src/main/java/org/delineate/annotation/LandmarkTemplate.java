package org.delineate.annotation;

import java.util.List;
import java.util.Objects;

import org.delineate.dicom.code.Code;

/**
 * An ordered list of named (optionally coded) landmarks that the landmark tool prompts for, one after the
 * other: for example the vertebrae, or the points of a measurement protocol. Immutable.
 *
 * @param name the template's name
 * @param entries the landmarks to place, in order
 */
public record LandmarkTemplate(String name, List<Entry> entries) {

    /** One landmark to place: its name and, optionally, its code. */
    public record Entry(String name, Code code) {
        public Entry {
            Objects.requireNonNull(name, "name");
        }
    }

    public LandmarkTemplate {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }

    /** The first entry that the annotation has no landmark of that name for, or null when all are placed. */
    public Entry next(Annotation annotation) {
        for (Entry e : entries) {
            if (annotation.landmarks().stream().noneMatch(l -> l.name().equals(e.name()))) {
                return e;
            }
        }
        return null;
    }

    /** Places the next entry at a patient position (LPS, mm); null when the template is complete. */
    public Landmark placeNext(Annotation annotation, double[] lps) {
        Entry e = next(annotation);
        return e == null ? null : annotation.addLandmark(e.name(), e.code(), lps);
    }
}
