package org.delineate.annotation.measure;

/**
 * What was measured of one segment. Volumes in mL, lengths in mm, intensities in modality units
 * (Hounsfield units for CT); intensity values are NaN when no image was given or the segment is empty.
 *
 * @param segmentId the segment's id
 * @param name the segment's name
 * @param voxels how many voxels the segment has
 * @param volumeMl the voxels' volume in mL (voxels times the voxel volume)
 * @param mean the mean modality value
 * @param sd the standard deviation of the modality values (population, divisor n)
 * @param min the least modality value
 * @param max the greatest modality value
 * @param longestDiameter the longest in-plane diameter, mm, on the slice where it is largest (RECIST long axis)
 * @param perpendicularDiameter on that slice, the extent perpendicular to the longest diameter, mm
 * @param diameterSlice the slice (0-based) of the longest diameter, or -1 when the segment is empty
 * @param diameterEnds the two ends of the longest diameter as patient positions (LPS, mm):
 *     {x0, y0, z0, x1, y1, z1}, or null when empty
 */
public record SegmentMeasurement(int segmentId, String name, long voxels, double volumeMl, double mean, double sd,
        double min, double max, double longestDiameter, double perpendicularDiameter, int diameterSlice,
        double[] diameterEnds) {
}
