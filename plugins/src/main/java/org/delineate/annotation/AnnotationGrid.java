package org.delineate.annotation;

import java.util.Objects;

import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.geometry.Vectors;

/**
 * The voxel grid an annotation is drawn on: its size and where it is in the patient (DICOM patient
 * coordinates, LPS, mm). Immutable.
 *
 * @param columns voxels along i
 * @param rows voxels along j
 * @param slices voxels along k
 * @param geometry voxel index (i, j, k) to patient position
 */
public record AnnotationGrid(int columns, int rows, int slices, VolumeGeometry geometry) {

    public AnnotationGrid {
        Objects.requireNonNull(geometry, "geometry");
        if (columns < 1 || rows < 1 || slices < 1) {
            throw new IllegalArgumentException("a grid is at least 1 x 1 x 1, not " + columns + " x " + rows + " x " + slices);
        }
    }

    /** The grid of an image volume. */
    public static AnnotationGrid of(org.delineate.dicom.volume.Volume volume) {
        return new AnnotationGrid(volume.columns(), volume.rows(), volume.slices(), volume.geometry());
    }

    /** The volume of one voxel in mm³ (the parallelepiped of the three steps). */
    public double voxelVolume() {
        double[] c = geometry.columnStep();
        double[] r = geometry.rowStep();
        double[] s = geometry.sliceStep();
        return Math.abs(Vectors.dot(c, Vectors.cross(r, s)));
    }

    /** Column spacing (|column step|) in mm. */
    public double columnSpacing() {
        return Vectors.norm(geometry.columnStep());
    }

    /** Row spacing (|row step|) in mm. */
    public double rowSpacing() {
        return Vectors.norm(geometry.rowStep());
    }

    /** Slice spacing (|slice step|) in mm. */
    public double sliceSpacing() {
        return Vectors.norm(geometry.sliceStep());
    }

    /** True when (i, j, k) is in the grid. */
    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < columns && j < rows && k < slices;
    }

    /**
     * True when {@code other} has this size and each corner voxel of it lies within {@code toleranceMm} of this
     * grid's (patient coordinates): the same grid, up to rounding (a grid read back from NIfTI's 32-bit floats).
     */
    public boolean matches(AnnotationGrid other, double toleranceMm) {
        if (other.columns != columns || other.rows != rows || other.slices != slices) {
            return false;
        }
        int[][] corners = {{0, 0, 0}, {columns - 1, 0, 0}, {0, rows - 1, 0}, {0, 0, slices - 1}};
        for (int[] c : corners) {
            double[] a = geometry.toPatient(c[0], c[1], c[2]);
            double[] b = other.geometry.toPatient(c[0], c[1], c[2]);
            if (Vectors.norm(new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}) > toleranceMm) {
                return false;
            }
        }
        return true;
    }

    /** The size as "columns x rows x slices" and the position of voxel (0, 0, 0), for messages. */
    public String describe() {
        double[] o = geometry.origin();
        return columns + " x " + rows + " x " + slices + " voxels, first voxel at (" + round(o[0]) + ", " + round(o[1])
                + ", " + round(o[2]) + ") mm";
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 100) / 100.0);
    }
}
