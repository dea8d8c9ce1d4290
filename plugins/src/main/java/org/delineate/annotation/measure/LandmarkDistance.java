package org.delineate.annotation.measure;

import org.delineate.annotation.Landmark;

/**
 * The straight-line distance between two landmarks, in mm, measured between their patient positions (LPS).
 *
 * @param a the first landmark (earlier in the annotation's list)
 * @param b the second landmark
 * @param distance |b - a|, mm
 */
public record LandmarkDistance(Landmark a, Landmark b, double distance) {
}
