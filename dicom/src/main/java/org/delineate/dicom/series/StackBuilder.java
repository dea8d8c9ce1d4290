package org.delineate.dicom.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.delineate.dicom.geometry.Vectors;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Sorts the frames of one stack along the slice normal and works out the volume's geometry, with notes
 * on what is irregular. The frames given share orientation, size and spacing and have distinct positions
 * (the {@link SeriesAssembler} made sure). Stateless.
 */
final class StackBuilder {

    /** What identifies the stack among its series' stacks. */
    record Placement(String label, int volumeGroup, int volumeIndex, int volumeCount, List<String> notes) {
    }

    private StackBuilder() {
    }

    static FrameStack build(String seriesUid, List<FrameHeader> frames, Placement placement, Tolerances tolerances) {
        List<String> notes = new ArrayList<>(placement.notes());
        for (FrameHeader frame : frames) {
            if (frame.problem() != null) {
                return refused(seriesUid, frames, placement, notes, frame.problem());
            }
        }
        FrameHeader first = frames.get(0);
        if (first.mosaic() != null) {
            return mosaic(seriesUid, frames, placement, notes, tolerances);
        }
        if (!first.hasGeometry()) {
            return nominal(seriesUid, frames, placement, notes);
        }
        double[] normal = normal(first.imageOrientationPatient());
        List<FrameHeader> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble((FrameHeader f) -> Vectors.dot(f.imagePositionPatient(), normal))
                .thenComparing(StackBuilder::instanceNumber).thenComparing(f -> f.file().toString())
                .thenComparingInt(FrameHeader::frameNumber));
        int n = sorted.size();
        double[] step;
        if (n == 1) {
            double between = first.spacingBetweenSlices();
            double thickness = first.sliceThickness();
            double length = between > 0 ? between : thickness > 0 ? thickness : 1;
            if (!(between > 0) && !(thickness > 0)) {
                notes.add("A single slice without SliceThickness or SpacingBetweenSlices: its thickness is taken as 1 mm.");
            }
            step = Vectors.scaled(normal, length);
        } else {
            double[] p0 = sorted.get(0).imagePositionPatient();
            double[] pn = sorted.get(n - 1).imagePositionPatient();
            step = Vectors.scaled(Vectors.minus(pn, p0), 1.0 / (n - 1));
            notes.addAll(SliceSpacing.describe(positions(sorted, normal), tolerances));
            tilt(step, normal, tolerances).ifPresent(notes::add);
        }
        VolumeGeometry geometry;
        try {
            geometry = VolumeGeometry.of(first(sorted).imagePositionPatient(), first.imageOrientationPatient(),
                    first.pixelSpacing(), step);
        } catch (IllegalArgumentException e) {
            return refused(seriesUid, sorted, placement, notes, "the slices do not make a volume: " + e.getMessage());
        }
        double error = 0;
        for (int k = 0; k < n; k++) {
            double[] expected = geometry.toPatient(0, 0, k);
            error = Math.max(error, Vectors.norm(Vectors.minus(expected, sorted.get(k).imagePositionPatient())));
        }
        if (error > tolerances.spacing()) {
            notes.add(String.format(Locale.ROOT, "The regular grid of the volume places slices up to %.3f mm from their "
                    + "ImagePositionPatient.", error));
        }
        List<SourceFrame> sources = sorted.stream().map(FrameHeader::source).toList();
        return new FrameStack(seriesUid, placement.label(), sorted, geometry, true, null, sources,
                first.frameOfReferenceUid(), notes, summary(sorted, first.rows(), first.columns(), n),
                placement.volumeGroup(), placement.volumeIndex(), placement.volumeCount(), error, null);
    }

    private static FrameHeader first(List<FrameHeader> sorted) {
        return sorted.get(0);
    }

    private static Integer instanceNumber(FrameHeader f) {
        return f.instanceNumber() == null ? Integer.MAX_VALUE : f.instanceNumber();
    }

    /** The unit normal of the slices: row direction x column direction (LPS). */
    static double[] normal(double[] orientation) {
        double[] row = Vectors.normalized(Arrays.copyOfRange(orientation, 0, 3));
        double[] column = Vectors.normalized(Arrays.copyOfRange(orientation, 3, 6));
        return Vectors.normalized(Vectors.cross(row, column));
    }

    private static double[] positions(List<FrameHeader> sorted, double[] normal) {
        return sorted.stream().mapToDouble(f -> Vectors.dot(f.imagePositionPatient(), normal)).toArray();
    }

    /** A note when the slice step is further than the tolerance from the normal (gantry tilt or shear). */
    private static java.util.Optional<String> tilt(double[] step, double[] normal, Tolerances tolerances) {
        double cos = Math.abs(Vectors.dot(Vectors.normalized(step), normal));
        double degrees = Math.toDegrees(Math.acos(Math.min(1, cos)));
        if (degrees <= tolerances.tiltDegrees()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "Gantry tilt: the slices are stacked %.3f degrees away "
                + "from their normal; the geometry keeps this shear.", degrees));
    }

    private static FrameStack mosaic(String seriesUid, List<FrameHeader> frames, Placement placement, List<String> notes,
            Tolerances tolerances) {
        if (frames.size() != 1) {
            return refused(seriesUid, frames, placement, notes, frames.size() + " mosaic frames fall into one stack; "
                    + "a stack holds one mosaic");
        }
        FrameHeader frame = frames.get(0);
        Mosaic mosaic = frame.mosaic();
        VolumeGeometry geometry;
        try {
            geometry = VolumeGeometry.of(mosaic.firstSlicePosition(), frame.imageOrientationPatient(), frame.pixelSpacing(),
                    mosaic.sliceStep());
        } catch (IllegalArgumentException e) {
            return refused(seriesUid, frames, placement, notes, "the mosaic's slices do not make a volume: " + e.getMessage());
        }
        if (mosaic.numberOfSlices() > 1) {
            tilt(mosaic.sliceStep(), normal(frame.imageOrientationPatient()), tolerances).ifPresent(notes::add);
        }
        List<SourceFrame> sources = Collections.nCopies(mosaic.numberOfSlices(), frame.source());
        return new FrameStack(seriesUid, placement.label(), frames, geometry, true, mosaic, sources,
                frame.frameOfReferenceUid(), notes, summary(frames, mosaic.tileRows(), mosaic.tileColumns(),
                        mosaic.numberOfSlices()),
                placement.volumeGroup(), placement.volumeIndex(), placement.volumeCount(), 0, null);
    }

    /** Frames without a place in the patient: in the order given, on a nominal grid with axes along LPS. */
    private static FrameStack nominal(String seriesUid, List<FrameHeader> frames, Placement placement, List<String> notes) {
        FrameHeader first = frames.get(0);
        double[] spacing = first.pixelSpacing() != null ? first.pixelSpacing() : new double[] {1, 1};
        double thickness = first.spacingBetweenSlices() > 0 ? first.spacingBetweenSlices()
                : first.sliceThickness() > 0 ? first.sliceThickness() : 1;
        notes.add("The frames have no ImagePositionPatient or ImageOrientationPatient: they are stacked in frame order "
                + "and the geometry is nominal, not in patient coordinates.");
        VolumeGeometry geometry = VolumeGeometry.of(new double[3], new double[] {1, 0, 0, 0, 1, 0}, spacing,
                new double[] {0, 0, thickness});
        return new FrameStack(seriesUid, placement.label(), frames, geometry, false, null,
                frames.stream().map(FrameHeader::source).toList(), first.frameOfReferenceUid(), notes,
                summary(frames, first.rows(), first.columns(), frames.size()), placement.volumeGroup(),
                placement.volumeIndex(), placement.volumeCount(), 0, null);
    }

    static FrameStack refused(String seriesUid, List<FrameHeader> frames, Placement placement, List<String> notes,
            String reason) {
        FrameHeader first = frames.get(0);
        notes.add("Not made into a volume: " + reason + ".");
        return new FrameStack(seriesUid, placement.label(), frames, null, false, null,
                frames.stream().map(FrameHeader::source).toList(), first.frameOfReferenceUid(), notes,
                summary(frames, first.rows(), first.columns(), frames.size()), placement.volumeGroup(),
                placement.volumeIndex(), placement.volumeCount(), 0, reason);
    }

    private static SeriesSummary summary(List<FrameHeader> frames, int rows, int columns, int slices) {
        return new SeriesSummary(frames.get(0).series(), rows, columns, frames.size(), slices);
    }
}
