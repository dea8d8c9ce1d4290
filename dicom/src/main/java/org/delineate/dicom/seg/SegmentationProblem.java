package org.delineate.dicom.seg;

/**
 * One reason a segmentation cannot be written, found by {@link SegmentationValidator}.
 *
 * @param path where in the segmentation the problem lies, as tags and 1-based item numbers, e.g.
 *     {@code (0062,0002)[1].(0062,0009)}; empty for the object as a whole
 * @param message what is wrong and what was expected, in plain words
 */
public record SegmentationProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
