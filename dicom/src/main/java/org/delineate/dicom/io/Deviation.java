package org.delineate.dicom.io;

/**
 * A departure from the standard that the reader tolerated (odd length, missing preamble, wrong
 * group length, explicit VR in an implicit file, ...).
 *
 * @param offset byte offset where it was found, or -1
 * @param tag the tag concerned, or -1
 * @param message what was found and what the standard expects
 */
public record Deviation(long offset, int tag, String message) {

    @Override
    public String toString() {
        return DicomFormatException.format(null, offset, tag, message).substring("<stream>: ".length());
    }
}
