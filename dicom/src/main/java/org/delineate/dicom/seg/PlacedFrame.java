package org.delineate.dicom.seg;

/**
 * Where a segmentation frame went in the target grid: its pixel (0, 0) is voxel (column, row, slice); the
 * offsets are non-zero for frames cropped by their writer, and may be negative for frames that extend
 * beyond the grid with nothing but background outside it.
 *
 * @param frameNumber the frame, 1-based
 * @param segmentNumber the segment of a BINARY or FRACTIONAL frame; 0 for LABELMAP
 * @param slice the target slice k, 0-based
 * @param column the target column (i) of the frame's first column, 0-based
 * @param row the target row (j) of the frame's first row, 0-based
 * @param byReference true when the slice was found from the frame's source image reference rather than its position
 */
public record PlacedFrame(int frameNumber, int segmentNumber, int slice, int column, int row, boolean byReference) {
}
