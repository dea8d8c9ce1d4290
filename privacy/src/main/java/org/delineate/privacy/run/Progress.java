package org.delineate.privacy.run;

/** Told of a run's progress, from any thread. Implementations must be thread-safe and never see file names. */
@FunctionalInterface
public interface Progress {

    /**
     * @param done files done so far in this run (skipped ones included)
     * @param total files found
     * @param elapsedNanos time since the run started
     * @param finished true on the last call
     */
    void update(long done, long total, long elapsedNanos, boolean finished);

    /** Progress that is not shown. */
    static Progress none() {
        return (done, total, elapsed, finished) -> { };
    }
}
