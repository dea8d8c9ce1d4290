package org.delineate.dicom.io;

import java.util.List;

/**
 * A departure from the standard that the reader tolerated (odd length, missing preamble, wrong
 * group length, explicit VR in an implicit file, ...).
 *
 * @param offset byte offset where it was found, or -1
 * @param tag the tag concerned, or -1
 * @param message what was found and what the standard expects
 */
public record Deviation(long offset, int tag, String message) {

    /** The most deviations recorded for one file. NB: bounds the memory a hostile file can make the reader hold. */
    static final int MAX_RECORDED = 1000;

    /** Adds {@code deviation} to those of a file unless {@link #MAX_RECORDED} are there; a last one then says so. */
    static void record(List<Deviation> deviations, Deviation deviation) {
        if (deviations.size() < MAX_RECORDED) {
            deviations.add(deviation);
        } else if (deviations.size() == MAX_RECORDED) {
            deviations.add(new Deviation(deviation.offset(), -1, "more than " + MAX_RECORDED
                    + " deviations: the others are not recorded"));
        }
    }

    /** False when {@link #record} would not keep another deviation. */
    static boolean roomFor(List<Deviation> deviations) {
        return deviations.size() <= MAX_RECORDED;
    }

    @Override
    public String toString() {
        return DicomFormatException.format(null, offset, tag, message).substring("<stream>: ".length());
    }
}
