package org.delineate.annotation;

/**
 * Which voxels an edit may change, besides the segment rules: for example only where the image's modality
 * value is within a range (threshold-constrained painting). Indices are 0-based (i, j, k).
 */
@FunctionalInterface
public interface VoxelFilter {

    /** Every voxel. */
    VoxelFilter ALL = (i, j, k) -> true;

    boolean accepts(int i, int j, int k);
}
