package org.delineate.dicom.series;

import org.delineate.dicom.geometry.Vectors;

/**
 * How a Siemens mosaic frame holds its slices: {@code numberOfSlices} tiles of {@code tileRows x
 * tileColumns} pixels, laid out row by row in a square grid of {@code tilesPerRow x tilesPerRow}
 * tiles (the last grid places are blank). Slice k (0-based) is the tile in grid row {@code k /
 * tilesPerRow} and grid column {@code k % tilesPerRow}. Immutable.
 *
 * <p>Positions are LPS mm. The frame's ImagePositionPatient is the corner of the whole mosaic as if
 * it were one big slice; {@code firstSlicePosition} is the centre of the first pixel of tile 0, moved
 * from that corner by half the difference between mosaic and tile size along each in-plane axis (as
 * dcm2niix and nibabel do). {@code sliceStep} is the displacement from one tile's slice to the next:
 * the CSA "SliceNormalVector" (or, without it, the normal of ImageOrientationPatient) times
 * SpacingBetweenSlices (or SliceThickness when that is absent).
 *
 * @param numberOfSlices the number of tiles that hold slices, from CSA "NumberOfImagesInMosaic" or (0019,100A)
 * @param tilesPerRow tiles per grid row and per grid column: ceil(sqrt(numberOfSlices))
 * @param tileRows rows of one tile: Rows / tilesPerRow
 * @param tileColumns columns of one tile: Columns / tilesPerRow
 * @param firstSlicePosition LPS position (mm) of the first pixel of tile 0
 * @param sliceStep LPS displacement (mm) from slice k to slice k + 1
 */
public record Mosaic(int numberOfSlices, int tilesPerRow, int tileRows, int tileColumns, double[] firstSlicePosition,
        double[] sliceStep) {

    public Mosaic {
        if (numberOfSlices < 1 || tilesPerRow < 1 || tileRows < 1 || tileColumns < 1
                || numberOfSlices > tilesPerRow * tilesPerRow) {
            throw new IllegalArgumentException(numberOfSlices + " slices do not fit a grid of " + tilesPerRow + " x "
                    + tilesPerRow + " tiles of " + tileRows + " x " + tileColumns);
        }
        firstSlicePosition = firstSlicePosition.clone();
        sliceStep = sliceStep.clone();
    }

    /**
     * The mosaic of a frame with {@code rows x columns} pixels, ImagePositionPatient {@code position} at its
     * corner, ImageOrientationPatient {@code orientation}, PixelSpacing {@code pixelSpacing} (row spacing,
     * column spacing), holding {@code slices} slices stacked along {@code sliceNormal} (a unit vector, or
     * null for the normal of the orientation) {@code spacing} mm apart.
     */
    static Mosaic of(int rows, int columns, int slices, double[] position, double[] orientation, double[] pixelSpacing,
            double[] sliceNormal, double spacing) {
        int tilesPerRow = (int) Math.ceil(Math.sqrt(slices));
        if (rows % tilesPerRow != 0 || columns % tilesPerRow != 0) {
            throw new IllegalArgumentException("a mosaic of " + rows + " x " + columns + " pixels cannot hold a grid of "
                    + tilesPerRow + " x " + tilesPerRow + " tiles for " + slices + " slices");
        }
        int tileRows = rows / tilesPerRow;
        int tileColumns = columns / tilesPerRow;
        double[] rowDirection = Vectors.normalized(new double[] {orientation[0], orientation[1], orientation[2]});
        double[] columnDirection = Vectors.normalized(new double[] {orientation[3], orientation[4], orientation[5]});
        double[] first = position.clone();
        // NB: (columns - tileColumns) / 2 pixels along the row direction, (rows - tileRows) / 2 along the column direction.
        double alongRow = pixelSpacing[1] * (columns - tileColumns) / 2.0;
        double alongColumn = pixelSpacing[0] * (rows - tileRows) / 2.0;
        for (int a = 0; a < 3; a++) {
            first[a] += rowDirection[a] * alongRow + columnDirection[a] * alongColumn;
        }
        double[] normal = sliceNormal != null ? Vectors.normalized(sliceNormal)
                : Vectors.normalized(Vectors.cross(rowDirection, columnDirection));
        return new Mosaic(slices, tilesPerRow, tileRows, tileColumns, first, Vectors.scaled(normal, spacing));
    }

    @Override
    public double[] firstSlicePosition() {
        return firstSlicePosition.clone();
    }

    @Override
    public double[] sliceStep() {
        return sliceStep.clone();
    }

    /** The LPS position (mm) of the first pixel of slice k (0-based). */
    public double[] slicePosition(int k) {
        checkSlice(k);
        double[] p = firstSlicePosition.clone();
        for (int a = 0; a < 3; a++) {
            p[a] += k * sliceStep[a];
        }
        return p;
    }

    /** The 0-based mosaic row of the first pixel of tile k. */
    public int tileRowOffset(int k) {
        checkSlice(k);
        return (k / tilesPerRow) * tileRows;
    }

    /** The 0-based mosaic column of the first pixel of tile k. */
    public int tileColumnOffset(int k) {
        checkSlice(k);
        return (k % tilesPerRow) * tileColumns;
    }

    private void checkSlice(int k) {
        if (k < 0 || k >= numberOfSlices) {
            throw new IndexOutOfBoundsException("slice " + k + " of a mosaic of " + numberOfSlices);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mosaic m && m.numberOfSlices == numberOfSlices && m.tilesPerRow == tilesPerRow
                && m.tileRows == tileRows && m.tileColumns == tileColumns
                && java.util.Arrays.equals(m.firstSlicePosition, firstSlicePosition)
                && java.util.Arrays.equals(m.sliceStep, sliceStep);
    }

    @Override
    public int hashCode() {
        return numberOfSlices * 31 + java.util.Arrays.hashCode(firstSlicePosition);
    }

    @Override
    public String toString() {
        return "Mosaic[" + numberOfSlices + " slices of " + tileRows + " x " + tileColumns + " in a grid of "
                + tilesPerRow + " x " + tilesPerRow + "]";
    }
}
