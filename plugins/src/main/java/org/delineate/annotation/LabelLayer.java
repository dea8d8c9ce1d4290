package org.delineate.annotation;

/**
 * One layer of labels over the image grid: an unsigned 16-bit label per voxel, 0 for none, each other value
 * the label value of one segment of the layer. Segments of one layer never overlap; segments that must
 * overlap live in different layers. Slices are allocated when first painted (an unpainted slice costs
 * nothing). Not thread-safe: edit from one thread (the one that owns the annotation).
 *
 * <p>Indices are 0-based (i = column, j = row, k = slice), as in
 * {@link org.delineate.dicom.geometry.VolumeGeometry}.
 */
public final class LabelLayer {

    private final int columns;
    private final int rows;
    private final short[][] planes;

    /** An empty layer of the given size (each at least 1). */
    public LabelLayer(int columns, int rows, int slices) {
        if (columns < 1 || rows < 1 || slices < 1) {
            throw new IllegalArgumentException("a layer is at least 1 x 1 x 1, not " + columns + " x " + rows + " x " + slices);
        }
        if ((long) columns * rows > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a slice of " + columns + " x " + rows + " voxels is too large");
        }
        this.columns = columns;
        this.rows = rows;
        this.planes = new short[slices][];
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int slices() {
        return planes.length;
    }

    /** The label at (i, j, k); 0 outside the grid. */
    public int get(int i, int j, int k) {
        if (!contains(i, j, k)) {
            return 0;
        }
        short[] plane = planes[k];
        return plane == null ? 0 : plane[j * columns + i] & 0xFFFF;
    }

    /** The label at index {@code index = j * columns + i} of slice k (in the grid). */
    public int get(int index, int k) {
        short[] plane = planes[k];
        return plane == null ? 0 : plane[index] & 0xFFFF;
    }

    /**
     * Sets the label at index {@code index = j * columns + i} of slice k, returning the label it replaces.
     * Callers outside the package go through {@link VoxelEdit}, so that the change can be undone.
     */
    int set(int index, int k, int label) {
        short[] plane = planes[k];
        if (plane == null) {
            if (label == 0) {
                return 0;
            }
            plane = new short[columns * rows];
            planes[k] = plane;
        }
        int old = plane[index] & 0xFFFF;
        plane[index] = (short) label;
        return old;
    }

    /** True when (i, j, k) is in the grid. */
    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < columns && j < rows && k < planes.length;
    }

    /** True when slice k has never been painted, or holds only zeros. */
    public boolean isEmpty(int k) {
        short[] plane = planes[k];
        if (plane == null) {
            return true;
        }
        for (short s : plane) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The labels of slice k, row by row (index j * columns + i), or null when the slice was never painted.
     * The array is the layer's own: read it, do not write it (writes bypass undo).
     */
    public short[] plane(int k) {
        return planes[k];
    }

    /** How many voxels of the layer hold {@code label}. */
    public long count(int label) {
        long n = 0;
        for (short[] plane : planes) {
            if (plane != null) {
                for (short s : plane) {
                    if ((s & 0xFFFF) == label) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Bytes held by the allocated slices. */
    public long allocatedBytes() {
        long bytes = 0;
        for (short[] plane : planes) {
            bytes += plane == null ? 0 : 2L * plane.length;
        }
        return bytes;
    }
}
