package org.delineate.dicom.series;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stacks of one series (one SeriesInstanceUID), split where geometry or meaning differs. Immutable.
 *
 * @param seriesInstanceUid SeriesInstanceUID (0020,000E), or null for frames without one (then one
 *        series per file)
 * @param info series attributes of the first frame (contains PHI: never log it)
 * @param stacks the stacks, in the order their first frames were found
 */
public record Series(String seriesInstanceUid, SeriesInfo info, List<FrameStack> stacks) {

    public Series {
        stacks = List.copyOf(stacks);
    }

    /** The stacks grouped by {@link FrameStack#volumeGroup()}, each group ordered by volume index: the 3D or 4D volumes. */
    public List<List<FrameStack>> volumes() {
        Map<Integer, List<FrameStack>> groups = new LinkedHashMap<>();
        for (FrameStack stack : stacks) {
            groups.computeIfAbsent(stack.volumeGroup(), g -> new ArrayList<>()).add(stack);
        }
        List<List<FrameStack>> out = new ArrayList<>();
        for (List<FrameStack> group : groups.values()) {
            group.sort(java.util.Comparator.comparingInt(FrameStack::volumeIndex));
            out.add(List.copyOf(group));
        }
        return out;
    }
}
