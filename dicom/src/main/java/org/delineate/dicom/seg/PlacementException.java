package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.List;

/**
 * A segmentation that does not fit the grid it was to be placed into: which frames and why. Reading the
 * segmentation on its own grid ({@link SegmentationFile#placeOnOwnGrid(PlacementOptions)}) or leaving the
 * misfits out ({@link PlacementOptions#withSkipMisfits(boolean)}) are the ways on.
 */
public class PlacementException extends IOException {

    private static final long serialVersionUID = 1L;

    /** NB: the message lists this many frames at most; {@link #misfits()} has them all. */
    private static final int LISTED = 12;

    private final transient List<FrameMisfit> misfits;

    PlacementException(String source, int frames, String target, List<FrameMisfit> misfits) {
        super(message(source, frames, target, misfits));
        this.misfits = List.copyOf(misfits);
    }

    private static String message(String source, int frames, String target, List<FrameMisfit> misfits) {
        StringBuilder s = new StringBuilder(source).append(": ").append(misfits.size()).append(" of ").append(frames)
                .append(" frames do not fit ").append(target).append(": ");
        for (int n = 0; n < Math.min(LISTED, misfits.size()); n++) {
            FrameMisfit m = misfits.get(n);
            s.append(n == 0 ? "" : "; ").append("frame ").append(m.frameNumber()).append(' ').append(m.reason());
        }
        if (misfits.size() > LISTED) {
            s.append("; and ").append(misfits.size() - LISTED).append(" more");
        }
        return s.append(". Read it on its own grid, or choose the source it was made from.").toString();
    }

    /** Every frame that does not fit, in frame order. */
    public List<FrameMisfit> misfits() {
        return misfits;
    }
}
