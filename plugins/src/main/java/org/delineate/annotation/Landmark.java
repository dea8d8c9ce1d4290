package org.delineate.annotation;

import java.util.Objects;

import org.delineate.dicom.code.Code;

/**
 * A named point placed by the user, in DICOM patient coordinates (LPS, mm). Immutable.
 *
 * @param id the landmark's identity within its annotation, never reused
 * @param name the landmark's name
 * @param code what the point is, as a code (for example from a landmark template), or null
 * @param position the point, LPS mm (3 values)
 */
public record Landmark(int id, String name, Code code, double[] position) {

    public Landmark {
        Objects.requireNonNull(name, "name");
        if (position == null || position.length != 3) {
            throw new IllegalArgumentException("a landmark position has 3 coordinates");
        }
        for (double v : position) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a landmark position is finite, not " + v);
            }
        }
        position = position.clone();
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    public Landmark withPosition(double[] lps) {
        return new Landmark(id, name, code, lps);
    }

    public Landmark withName(String newName) {
        return new Landmark(id, newName, code, position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landmark l && id == l.id && name.equals(l.name) && Objects.equals(code, l.code)
                && java.util.Arrays.equals(position, l.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }
}
