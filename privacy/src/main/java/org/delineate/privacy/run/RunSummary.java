package org.delineate.privacy.run;

import java.nio.file.Path;

/**
 * The outcome of a {@link DeidRunner} run, counted over the whole output folder (earlier, interrupted
 * invocations included). Immutable.
 *
 * @param total input files found
 * @param written outputs written (DICOM, NIfTI and sidecars)
 * @param withheld files read but not released (reasons in the report)
 * @param quarantined files that could not be read (reasons in the report); nothing of them written
 * @param skipped files already done by an earlier invocation, not processed again
 * @param complete false when the run stopped before every file was done ({@link RunOptions#stopAfter()})
 * @param verificationWithheld files withheld because the verification pass found an original identifier in the
 *        output of one of their patient's files (included in {@code withheld}); more than 0 fails the run
 * @param verificationPatients the patients those files belong to
 * @param danglingReferences references in the released DICOM outputs that resolve to no released output
 * @param report the JSON report written
 */
public record RunSummary(long total, long written, long withheld, long quarantined, long skipped, boolean complete,
        long verificationWithheld, long verificationPatients, long danglingReferences, Path report) {

    /** True when the verification pass withheld no file. */
    public boolean verified() {
        return verificationWithheld == 0;
    }
}
