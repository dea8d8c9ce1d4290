package org.delineate.dicom.seg;

/**
 * A frame's rows in at most 64 bands of equal height (the last may be lower), so that which bands hold any pixel
 * of a segment fits in one {@code long}, bit b for band b. The planner records these masks while it reads every
 * frame; the BINARY packer then reads only the bands with pixels and writes zeros for the others. Immutable.
 */
final class RowBands {

    /** The mask of a frame whose pixels may lie in any band. */
    static final long ALL = -1L;

    private final int columns;
    private final int rows;
    private final int bandRows;
    private final int count;

    RowBands(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.bandRows = (rows + 63) / 64;
        this.count = (rows + bandRows - 1) / bandRows;
    }

    /** Number of bands, 1 to 64. */
    int count() {
        return count;
    }

    /** First pixel (row by row) of band {@code b}. */
    int start(int b) {
        return b * bandRows * columns;
    }

    /** One past the last pixel of band {@code b}. */
    int end(int b) {
        return Math.min(rows, (b + 1) * bandRows) * columns;
    }

    /** Band of pixel row {@code row}. */
    int bandOf(int row) {
        return row / bandRows;
    }

    /** True when every band starts on a whole byte of packed bits, so that bands can be packed one by one. */
    boolean byteAligned() {
        return (long) bandRows * columns % 8 == 0;
    }
}
