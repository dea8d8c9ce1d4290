package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link SegmentationWriter} instead of writing a segmentation that would not be valid; carries every
 * problem found, so that all of them can be shown at once. Nothing was written when it is thrown.
 */
public final class InvalidSegmentationException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient List<SegmentationProblem> problems;

    public InvalidSegmentationException(List<SegmentationProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the segmentation: "
                + problems.stream().map(SegmentationProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found. */
    public List<SegmentationProblem> problems() {
        return problems;
    }
}
