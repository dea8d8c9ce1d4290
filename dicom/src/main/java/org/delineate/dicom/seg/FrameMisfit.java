package org.delineate.dicom.seg;

/**
 * A segmentation frame that could not be placed into the target grid, and why.
 *
 * @param frameNumber the frame, 1-based
 * @param reason why, in a plain sentence fragment (e.g. "lies 0.500 mm from the nearest slice plane (slice 3)")
 */
public record FrameMisfit(int frameNumber, String reason) {
}
