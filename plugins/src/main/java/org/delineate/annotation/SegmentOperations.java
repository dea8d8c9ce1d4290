package org.delineate.annotation;

import org.delineate.annotation.edit.HoleFilling;
import org.delineate.annotation.edit.IslandRemoval;
import org.delineate.annotation.edit.RegionGrowing;
import org.delineate.annotation.edit.SliceInterpolation;
import org.delineate.annotation.edit.Smoothing;
import org.delineate.annotation.edit.ThresholdRange;

/**
 * What the Segment Editor's buttons do to the selected segment of a session as a whole: fill between slices,
 * fill holes, remove small islands, smooth, and grow a region from a seed. Each call is one undoable step (none
 * when nothing changed) and respects the session's intensity range. Voxel indices are 0-based (i column, j row,
 * k slice); sizes are in mm. GUI-free; not thread-safe (use the session's thread).
 */
public final class SegmentOperations {

    private final AnnotationSession session;

    public SegmentOperations(AnnotationSession session) {
        this.session = session;
    }

    /** Interpolates the segment on the empty slices between its outlined ones; returns the slices filled. */
    public int[] fillBetweenSlices() {
        VoxelEdit e = session.edit("fill between slices");
        int[] filled = SliceInterpolation.fillBetween(e, session.annotation().grid());
        e.commit();
        return filled;
    }

    /** Fills the segment's holes on slices {@code fromSlice} to {@code toSlice}; returns the voxels added. */
    public int fillHoles(int fromSlice, int toSlice) {
        VoxelEdit e = session.edit("fill holes");
        int n = HoleFilling.fill(e, fromSlice, toSlice);
        e.commit();
        return n;
    }

    /**
     * Erases the segment's islands (3D parts, 6-connected) smaller than {@code mm3} cubic millimetres; returns the
     * voxels erased.
     */
    public long removeIslandsSmallerThan(double mm3) {
        if (!(mm3 >= 0) || Double.isInfinite(mm3)) {
            throw new IllegalArgumentException("an island size is a number of mm³ (0 or more), not " + mm3);
        }
        long voxels = (long) Math.ceil(mm3 / session.annotation().grid().voxelVolume());
        VoxelEdit e = session.edit("remove islands");
        long n = IslandRemoval.removeSmallerThan(e, voxels);
        e.commit();
        return n;
    }

    /** Erases every island of the segment but the largest; returns the voxels erased. */
    public long keepLargestIsland() {
        VoxelEdit e = session.edit("keep largest island");
        long n = IslandRemoval.keepLargest(e);
        e.commit();
        return n;
    }

    /** Smooths the segment in 3D with a ball of {@code radius} mm; returns the voxels changed. */
    public int smooth(Smoothing.Method method, double radius) {
        VoxelEdit e = session.edit("smoothing " + method.name().toLowerCase(java.util.Locale.ROOT));
        int n = Smoothing.smooth(e, session.annotation().grid(), method, radius);
        e.commit();
        return n;
    }

    /**
     * Paints the 3D region (6-connected) of voxels whose modality value is within [low, high] that holds the seed
     * (i, j, k). A region that reaches {@code maxVoxels} is taken as a leak (a range too wide) and not painted.
     *
     * @return the voxels of the region (0 when the seed's value is outside the range)
     * @throws IllegalStateException when the region reaches {@code maxVoxels}; nothing is changed
     */
    public long growRegion(int i, int j, int k, double low, double high, long maxVoxels) {
        ThresholdRange range = new ThresholdRange(session.image(), low, high);
        VoxelEdit e = session.edit("region growing");
        long n = RegionGrowing.grow(e, i, j, k, range, maxVoxels);
        if (n >= maxVoxels) {
            e.cancel();
            throw new IllegalStateException("region growing stopped at " + n + " voxels: the range " + low + " to " + high
                    + " leaks beyond the structure; narrow it");
        }
        e.commit();
        return n;
    }
}
