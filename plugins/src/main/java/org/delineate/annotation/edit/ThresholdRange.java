package org.delineate.annotation.edit;

import org.delineate.annotation.VoxelFilter;
import org.delineate.dicom.volume.Volume;

/**
 * Threshold-constrained editing: accepts only voxels whose modality value (Hounsfield units for CT) in the
 * image is within [low, high]. Immutable.
 *
 * @param image the image the annotation is drawn on (same grid)
 * @param low the lowest accepted modality value
 * @param high the highest accepted modality value
 */
public record ThresholdRange(Volume image, double low, double high) implements VoxelFilter {

    public ThresholdRange {
        if (!(low <= high)) {
            throw new IllegalArgumentException("a threshold range needs low <= high, not " + low + " to " + high);
        }
    }

    @Override
    public boolean accepts(int i, int j, int k) {
        double v = image.modalityValue(i, j, k);
        return v >= low && v <= high;
    }
}
