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
}
