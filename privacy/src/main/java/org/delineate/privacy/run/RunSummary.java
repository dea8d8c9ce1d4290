package org.delineate.privacy.run;

import java.nio.file.Path;

/**
 * The outcome of a {@link DeidRunner} run, counted over the whole output folder (earlier, interrupted
 * invocations included). Immutable.
 *
 * @param total input files found
 * @param written outputs written (DICOM and NIfTI)
 * @param withheld files read but not released (reasons in the report)
 * @param quarantined files that could not be read (reasons in the report); nothing of them written
 * @param skipped files already done by an earlier invocation, not processed again
 * @param complete false when the run stopped before every file was done ({@link RunOptions#stopAfter()})
 * @param report the JSON report written
 */
public record RunSummary(long total, long written, long withheld, long quarantined, long skipped, boolean complete,
        Path report) {
}
