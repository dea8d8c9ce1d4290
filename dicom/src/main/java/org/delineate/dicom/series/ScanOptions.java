package org.delineate.dicom.series;

/**
 * How a {@link SeriesScanner} reads files. Immutable.
 *
 * @param threads the number of files read at the same time, at least 1
 */
public record ScanOptions(int threads) {

    public ScanOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** One thread per available processor. */
    public static ScanOptions defaults() {
        return new ScanOptions(Runtime.getRuntime().availableProcessors());
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(n);
    }
}
