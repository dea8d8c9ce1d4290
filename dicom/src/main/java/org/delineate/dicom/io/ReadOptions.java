package org.delineate.dicom.io;

/**
 * How to read a DICOM file. Immutable; start from {@link #defaults()} and change with the
 * {@code with...} methods.
 *
 * @param stopBeforePixelData stop at the top-level Pixel Data (7FE0,0010) without reading it (header-only read)
 * @param lazyPixelData leave top-level pixel data (and its fragments) in the file, read on demand;
 *        only for files read from a path, and not for deflated files. With both options, pixel data that can
 *        be left in the file is (and reading goes on past it), and reading stops before pixel data that
 *        cannot (deflated files, streams): a header-only read that also says where the pixels are
 * @param deviations what to do on tolerable deviations from the standard
 * @param maxDepth the deepest sequence nesting accepted (guards against hostile input)
 */
public record ReadOptions(boolean stopBeforePixelData, boolean lazyPixelData, DeviationHandling deviations, int maxDepth) {

    /** Reads everything into memory, records deviations, accepts nesting 64 deep. */
    public static ReadOptions defaults() {
        return new ReadOptions(false, false, DeviationHandling.WARN, 64);
    }

    public ReadOptions withStopBeforePixelData(boolean stop) {
        return new ReadOptions(stop, lazyPixelData, deviations, maxDepth);
    }

    public ReadOptions withLazyPixelData(boolean lazy) {
        return new ReadOptions(stopBeforePixelData, lazy, deviations, maxDepth);
    }

    public ReadOptions withDeviations(DeviationHandling handling) {
        return new ReadOptions(stopBeforePixelData, lazyPixelData, handling, maxDepth);
    }
}
