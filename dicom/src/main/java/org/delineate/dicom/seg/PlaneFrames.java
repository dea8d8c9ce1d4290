package org.delineate.dicom.seg;

import java.util.List;

/**
 * Frames read in place from arrays of one plane per slice (a label volume, or masks or fractions per segment): the
 * grid and segment count they share, and BINARY packing straight from the planes, without a byte-per-pixel frame.
 * Reading is thread-safe while the arrays do not change.
 */
abstract class PlaneFrames implements SegmentationFrames {

    private final int columns;
    private final int rows;
    private final int slices;
    private final int segmentCount;
    private final RowBands bands;

    PlaneFrames(int columns, int rows, int slices, int segmentCount) {
        this.columns = columns;
        this.rows = rows;
        this.slices = slices;
        this.segmentCount = segmentCount;
        this.bands = new RowBands(columns, rows);
    }

    /**
     * Checks that the frames have a positive size and that every plane is an array of columns x rows pixels.
     *
     * @param what names a plane in messages, e.g. "label slice" followed by its index
     * @param nullAllowed whether a null plane (all 0) is allowed
     * @throws IllegalArgumentException naming the first plane that does not fit
     */
    static void checkPlanes(int columns, int rows, List<?> planes, String what, boolean nullAllowed) {
        for (int k = 0; k < planes.size(); k++) {
            Object p = planes.get(k);
            int length = p instanceof byte[] b ? b.length : p instanceof short[] s ? s.length
                    : p instanceof int[] i ? i.length : -1;
            if ((p != null || !nullAllowed) && length != columns * rows) {
                throw new IllegalArgumentException(what + " " + k + " " + (length < 0 ? "is not a byte[], short[] or int[]"
                        : "has " + length + " pixels, not " + columns + " x " + rows));
            }
        }
    }

    @Override
    public final int columns() {
        return columns;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int slices() {
        return slices;
    }

    @Override
    public final int segmentCount() {
        return segmentCount;
    }

    /** Pixels of a frame. */
    final int pixels() {
        return columns * rows;
    }

    /** The row bands of a frame. */
    final RowBands bands() {
        return bands;
    }

    /**
     * Packs the frame of {@code segment} (1-based) at {@code slice} (0-based) as BINARY bits into the first
     * ceil(columns x rows / 8) bytes of {@code packed}, as {@link BitPacking} packs {@link #readFrame}'s output.
     *
     * @param inBands the row bands that may hold pixels of the segment there ({@link RowBands}); the others are
     *     written as 0 without being read
     */
    final void packFrame(int segment, int slice, long inBands, byte[] packed) {
        if (inBands == RowBands.ALL || !bands.byteAligned()) {
            packRange(segment, slice, 0, pixels(), packed);
            return;
        }
        int b = 0;
        while (b < bands.count()) {
            // NB: a run of bands that are all read (or all skipped) is handled in one call.
            boolean read = (inBands >>> b & 1) != 0;
            int last = b;
            while (last + 1 < bands.count() && (inBands >>> (last + 1) & 1) == (read ? 1 : 0)) {
                last++;
            }
            if (read) {
                packRange(segment, slice, bands.start(b), bands.end(last), packed);
            } else {
                BitPacking.clear(bands.start(b), bands.end(last), packed);
            }
            b = last + 1;
        }
    }

    /**
     * Packs pixels {@code from} (a multiple of 8) to {@code to - 1} of the frame of {@code segment} at {@code slice}
     * into bytes from / 8 to ceil(to / 8) - 1 of {@code packed}.
     */
    abstract void packRange(int segment, int slice, int from, int to, byte[] packed);
}
