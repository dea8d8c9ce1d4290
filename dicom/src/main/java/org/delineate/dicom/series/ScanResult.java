package org.delineate.dicom.series;

import java.util.List;

/**
 * What a scan found: the image frames (in the order of the files scanned, then frame order), the
 * non-image instances, and the files that could not be used. Immutable.
 *
 * @param frames one header per image frame
 * @param nonImages instances that are not images to stack (SR, SEG, RTSTRUCT, PR, DICOMDIR, ...)
 * @param unreadable files that are not DICOM or could not be parsed, with the reason
 */
public record ScanResult(List<FrameHeader> frames, List<NonImageInstance> nonImages, List<UnreadableFile> unreadable) {

    public ScanResult {
        frames = List.copyOf(frames);
        nonImages = List.copyOf(nonImages);
        unreadable = List.copyOf(unreadable);
    }

    /** The frames grouped into series and split into sorted stacks with the default tolerances. */
    public List<Series> series() {
        return SeriesAssembler.assemble(frames, Tolerances.defaults());
    }
}
