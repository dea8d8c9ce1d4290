package org.delineate.annotation;

import java.time.Instant;

/**
 * One line of an annotation's edit log, its provenance: which tool changed which segment where, when and
 * by whom. Holds no image data and no patient data.
 *
 * @param tool the tool or command, e.g. {@code brush}, {@code polygon}, {@code undo}
 * @param segmentId the segment's id, or 0 when the step is not about one segment
 * @param slices the slices changed, ascending (empty for non-voxel steps)
 * @param time when the step was made
 * @param user who made it (the operating system user or the name the user gave)
 */
public record EditRecord(String tool, int segmentId, int[] slices, Instant time, String user) {

    public EditRecord {
        slices = slices == null ? new int[0] : slices.clone();
    }

    @Override
    public int[] slices() {
        return slices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EditRecord r && tool.equals(r.tool) && segmentId == r.segmentId
                && java.util.Arrays.equals(slices, r.slices) && time.equals(r.time) && user.equals(r.user);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tool, segmentId, time);
    }
}
