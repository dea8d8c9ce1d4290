package org.delineate.dicom.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.geometry.Vectors;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomFormatException;

/**
 * The grid a segmentation's frames span on their own: the first frame's orientation and pixel spacing,
 * slices at the distinct frame positions sorted along the normal, with missing slices filled at uniform
 * spacing (Spacing Between Slices when given, else the smallest gap between positions, else Slice
 * Thickness, else 1 mm), and rows and columns wide enough for every frame's in-plane offset.
 */
final class OwnGrid {

    /** NB: an own grid may have at most this many slices; more means hostile or nonsensical spacing. */
    static final int MAX_SLICES = 65536;

    private OwnGrid() {
    }

    static PlacementTarget of(SegmentationFile seg, PlacementOptions options) throws DicomFormatException {
        List<SegmentFrame> frames = seg.frames();
        SegmentFrame first = frames.get(0);
        for (SegmentFrame f : frames) {
            if (!f.hasPlane()) {
                throw new DicomFormatException(seg.source(), -1, f.imagePositionPatient() == null ? Tag.ImagePositionPatient
                        : Tag.ImageOrientationPatient, "missing for frame " + f.frameNumber() + " at "
                        + Tags.toString(Tag.PerFrameFunctionalGroupsSequence) + "[" + f.frameNumber() + "] (nor shared); "
                        + "a segmentation needs positions and orientations to be read on its own grid");
            }
        }
        double[] iop = first.imageOrientationPatient();
        double[] spacing = first.pixelSpacing();
        if (spacing == null || !(spacing[0] > 0) || !(spacing[1] > 0)) {
            throw new DicomFormatException(seg.source(), -1, Tag.PixelSpacing, "missing or not positive in the Pixel "
                    + "Measures Sequence; a segmentation needs it to be read on its own grid");
        }
        double[] row = Vectors.normalized(Arrays.copyOfRange(iop, 0, 3));
        double[] column = Vectors.normalized(Arrays.copyOfRange(iop, 3, 6));
        double[] normal = Vectors.normalized(Vectors.cross(row, column));
        double[] origin = first.imagePositionPatient();
        double[] along = new double[frames.size()];
        double minI = Double.POSITIVE_INFINITY;
        double minJ = Double.POSITIVE_INFINITY;
        double maxI = Double.NEGATIVE_INFINITY;
        double maxJ = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < frames.size(); n++) {
            double[] d = Vectors.minus(frames.get(n).imagePositionPatient(), origin);
            along[n] = Vectors.dot(d, normal);
            double i = Math.round(Vectors.dot(d, row) / spacing[1]);
            double j = Math.round(Vectors.dot(d, column) / spacing[0]);
            minI = Math.min(minI, i);
            minJ = Math.min(minJ, j);
            maxI = Math.max(maxI, i);
            maxJ = Math.max(maxJ, j);
        }
        double[] sorted = along.clone();
        Arrays.sort(sorted);
        List<Double> distinct = new ArrayList<>();
        for (double a : sorted) {
            if (distinct.isEmpty() || a - distinct.get(distinct.size() - 1) > options.positionTolerance()) {
                distinct.add(a);
            }
        }
        double step = sliceSpacing(first, distinct);
        double extent = distinct.get(distinct.size() - 1) - distinct.get(0);
        double count = Math.rint(extent / step) + 1;
        long columns = (long) (maxI - minI) + seg.columns();
        long rows = (long) (maxJ - minJ) + seg.rows();
        if (!(count <= MAX_SLICES) || columns * rows > FramePixels.MAX_FRAME_PIXELS) {
            throw new DicomFormatException(seg.source(), -1, Tag.SpacingBetweenSlices, String.format(java.util.Locale.ROOT,
                    "positions spanning %.3f mm at %.6g mm spacing over %d x %d pixels make a grid larger than %d slices "
                    + "of %d pixels", extent, step, columns, rows, MAX_SLICES, FramePixels.MAX_FRAME_PIXELS));
        }
        double[] start = Vectors.minus(origin, Vectors.scaled(normal, -distinct.get(0)));
        start = add(start, Vectors.scaled(row, minI * spacing[1]));
        start = add(start, Vectors.scaled(column, minJ * spacing[0]));
        VolumeGeometry geometry = VolumeGeometry.of(start, iop, spacing, Vectors.scaled(normal, step));
        return PlacementTarget.of((int) columns, (int) rows, (int) count, geometry, seg.info().frameOfReferenceUid());
    }

    private static double sliceSpacing(SegmentFrame first, List<Double> distinct) {
        if (first.spacingBetweenSlices() > 0) {
            return first.spacingBetweenSlices();
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int n = 1; n < distinct.size(); n++) {
            smallest = Math.min(smallest, distinct.get(n) - distinct.get(n - 1));
        }
        if (Double.isFinite(smallest)) {
            return smallest;
        }
        return first.sliceThickness() > 0 ? first.sliceThickness() : 1;
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }
}
