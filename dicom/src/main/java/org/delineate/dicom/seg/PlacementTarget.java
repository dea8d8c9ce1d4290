package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.series.FrameHeader;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.volume.SourceFrame;
import org.delineate.dicom.volume.Volume;

/**
 * The grid a segmentation's frames are placed into: the size and geometry (LPS mm) of a source volume,
 * its Frame of Reference, the DICOM frame each slice came from and, where known, where each slice really
 * is. Immutable.
 *
 * @param columns voxels along i
 * @param rows voxels along j
 * @param slices voxels along k
 * @param geometry voxel (i, j, k) to LPS mm
 * @param patientGeometry false when the geometry is nominal (the source had no positions): frames are then
 *     placed by their source image references only
 * @param frameOfReferenceUid Frame of Reference UID (0020,0052) of the source, or null
 * @param sources the frame each slice came from, in slice order; empty when unknown
 * @param slicePositions the LPS position of voxel (0, 0, k) of each slice as the source frames give it (their
 *     ImagePositionPatient); empty to take them from the geometry. NB: a stack with non-uniform spacing
 *     has a regular geometry that puts slices off their true planes; these positions keep the true ones.
 */
public record PlacementTarget(int columns, int rows, int slices, VolumeGeometry geometry, boolean patientGeometry,
        String frameOfReferenceUid, List<SourceFrame> sources, List<double[]> slicePositions) {

    public PlacementTarget {
        if (columns < 1 || rows < 1 || slices < 1) {
            throw new IllegalArgumentException("a target needs at least one voxel in each direction, not " + columns
                    + " x " + rows + " x " + slices);
        }
        if (geometry == null) {
            throw new IllegalArgumentException("a target needs a geometry");
        }
        sources = List.copyOf(sources);
        if (!sources.isEmpty() && sources.size() != slices) {
            throw new IllegalArgumentException("give one source per slice (" + slices + "), not " + sources.size());
        }
        List<double[]> positions = new ArrayList<>();
        for (double[] p : slicePositions) {
            if (p == null || p.length != 3) {
                throw new IllegalArgumentException("a slice position has 3 components");
            }
            positions.add(p.clone());
        }
        if (!positions.isEmpty() && positions.size() != slices) {
            throw new IllegalArgumentException("give one position per slice (" + slices + "), not " + positions.size());
        }
        slicePositions = List.copyOf(positions);
    }

    /** The grid of a volume read from DICOM (or not): its size, geometry, Frame of Reference and sources. */
    public static PlacementTarget of(Volume volume) {
        DataSet h = volume.header();
        // NB: a DICOM volume whose first slice has no ImagePositionPatient (nor functional groups) has the
        // nominal geometry SeriesScanner gives such stacks; its frames can only be matched by reference.
        boolean patient = h == null || h.contains(Tag.ImagePositionPatient) || h.contains(Tag.PerFrameFunctionalGroupsSequence)
                || h.contains(Tag.SharedFunctionalGroupsSequence);
        return new PlacementTarget(volume.columns(), volume.rows(), volume.slices(), volume.geometry(), patient,
                volume.frameOfReferenceUid(), volume.sources(), List.of());
    }

    /**
     * The grid of a usable stack, with each slice's own ImagePositionPatient (exact even where the stack's
     * spacing is not uniform). Mosaic stacks are taken by their geometry alone.
     */
    public static PlacementTarget of(FrameStack stack) {
        if (!stack.usable()) {
            throw new IllegalArgumentException("the stack cannot be a volume: " + stack.refusal());
        }
        List<double[]> positions = new ArrayList<>();
        if (stack.mosaic() == null && stack.patientGeometry()) {
            for (FrameHeader frame : stack.frames()) {
                positions.add(frame.imagePositionPatient());
            }
        }
        return new PlacementTarget(stack.columns(), stack.rows(), stack.slices(), stack.geometry(),
                stack.patientGeometry(), stack.frameOfReferenceUid(), stack.sources(), positions);
    }

    /** A grid given by size and geometry alone, in patient coordinates, without sources. */
    public static PlacementTarget of(int columns, int rows, int slices, VolumeGeometry geometry, String frameOfReferenceUid) {
        return new PlacementTarget(columns, rows, slices, geometry, true, frameOfReferenceUid, List.of(), List.of());
    }

    /** The LPS position of voxel (0, 0, k). */
    double[] slicePosition(int k) {
        return slicePositions.isEmpty() ? geometry.toPatient(0, 0, k) : slicePositions.get(k).clone();
    }

    /** Copies of the true slice positions (LPS mm), or an empty list when the geometry gives them. */
    @Override
    public List<double[]> slicePositions() {
        return slicePositions.stream().map(double[]::clone).toList();
    }
}
