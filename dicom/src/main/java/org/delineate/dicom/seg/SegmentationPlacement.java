package org.delineate.dicom.seg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.delineate.dicom.geometry.Vectors;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Decides where each frame of a segmentation goes in a target grid. A frame with a plane (position and
 * orientation) in a target with patient geometry is placed by position: its orientation and pixel spacing
 * must match the target's, its ImagePositionPatient must lie on a slice plane, and its offset within that
 * plane must be a whole number of pixels. A frame without a plane, or a target without patient geometry,
 * is placed by the frame's source image reference at offset (0, 0). A frame whose position falls between
 * the target's regular planes but whose source image is one of the target's slices goes to that slice
 * (the regular grid of a stack with uneven spacing is not where its slices really are), with a note.
 */
final class SegmentationPlacement {

    /** Where the frames go, the frames that do not fit, and what was noticed. */
    record Result(List<PlacedFrame> placed, List<FrameMisfit> misfits, List<String> notes) {
    }

    private final SegmentationFile seg;
    private final PlacementTarget target;
    private final PlacementOptions options;
    private final Map<String, Integer> sliceBySource = new HashMap<>();
    private final Map<String, List<Integer>> slicesByInstance = new HashMap<>();
    private final double[] columnUnit;
    private final double[] rowUnit;
    private final double[] normal;
    private final double columnSpacing;
    private final double rowSpacing;

    private SegmentationPlacement(SegmentationFile seg, PlacementTarget target, PlacementOptions options) {
        this.seg = seg;
        this.target = target;
        this.options = options;
        for (int k = 0; k < target.sources().size(); k++) {
            SourceFrame s = target.sources().get(k);
            sliceBySource.put(s.sopInstanceUid() + "#" + s.frameNumber(), k);
            slicesByInstance.computeIfAbsent(s.sopInstanceUid(), u -> new ArrayList<>()).add(k);
        }
        columnUnit = Vectors.normalized(target.geometry().columnStep());
        rowUnit = Vectors.normalized(target.geometry().rowStep());
        normal = target.geometry().normal();
        columnSpacing = Vectors.norm(target.geometry().columnStep());
        rowSpacing = Vectors.norm(target.geometry().rowStep());
    }

    static Result place(SegmentationFile seg, PlacementTarget target, PlacementOptions options) throws IOException {
        return new SegmentationPlacement(seg, target, options).run();
    }

    private Result run() throws IOException {
        List<PlacedFrame> placed = new ArrayList<>();
        List<FrameMisfit> misfits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String segFor = seg.info().frameOfReferenceUid();
        String targetFor = target.frameOfReferenceUid();
        boolean forDiffers = segFor != null && targetFor != null && !segFor.equals(targetFor);
        if (segFor != null && targetFor == null) {
            notes.add("The target has no Frame of Reference UID; the segmentation's frames are placed by position "
                    + "without checking that both share one.");
        }
        for (SegmentFrame frame : seg.frames()) {
            if (forDiffers && frame.hasPlane() && target.patientGeometry()) {
                misfits.add(new FrameMisfit(frame.frameNumber(), "is in Frame of Reference " + segFor
                        + ", the target in " + targetFor));
                continue;
            }
            Object outcome = frame.hasPlane() && target.patientGeometry() ? byPosition(frame, notes) : byReference(frame);
            if (outcome instanceof PlacedFrame p) {
                String outside = outside(p);
                if (outside != null) {
                    misfits.add(new FrameMisfit(frame.frameNumber(), outside));
                } else {
                    placed.add(p);
                }
            } else {
                misfits.add(new FrameMisfit(frame.frameNumber(), (String) outcome));
            }
        }
        return new Result(placed, misfits, notes);
    }

    /** A {@link PlacedFrame}, or the reason (a String) why the frame does not fit. */
    private Object byPosition(SegmentFrame frame, List<String> notes) {
        double[] iop = frame.imageOrientationPatient();
        double differs = 0;
        for (int a = 0; a < 3; a++) {
            differs = Math.max(differs, Math.max(Math.abs(iop[a] - columnUnit[a]), Math.abs(iop[3 + a] - rowUnit[a])));
        }
        if (differs > options.orientationTolerance()) {
            return String.format(Locale.ROOT, "has ImageOrientationPatient %s, the target's axes are %s (cosines differ by %.4f)",
                    vector(iop), vector(concat(columnUnit, rowUnit)), differs);
        }
        double[] ps = frame.pixelSpacing();
        if (ps != null && (Math.abs(ps[0] - rowSpacing) > options.spacingTolerance()
                || Math.abs(ps[1] - columnSpacing) > options.spacingTolerance())) {
            return String.format(Locale.ROOT, "has PixelSpacing %s mm, the target %s mm", vector(ps),
                    vector(new double[] {rowSpacing, columnSpacing}));
        }
        double[] ipp = frame.imagePositionPatient();
        int nearest = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < target.slices(); k++) {
            double d = Vectors.dot(Vectors.minus(ipp, target.slicePosition(k)), normal);
            if (Math.abs(d) < Math.abs(best)) {
                best = d;
                nearest = k;
            }
        }
        int slice = nearest;
        boolean byReference = false;
        if (Math.abs(best) > options.positionTolerance()) {
            int referenced = referencedSlice(frame);
            if (referenced < 0) {
                return String.format(Locale.ROOT, "lies %.3f mm from the nearest slice plane (slice %d of %d)",
                        Math.abs(best), nearest + 1, target.slices());
            }
            double off = Vectors.dot(Vectors.minus(ipp, target.slicePosition(referenced)), normal);
            notes.add(String.format(Locale.ROOT, "Frame %d lies %.3f mm from the target's slice %d but was derived from "
                    + "that slice's source image; placed there by reference.", frame.frameNumber(), Math.abs(off),
                    referenced + 1));
            slice = referenced;
            byReference = true;
        }
        double[] d = Vectors.minus(ipp, target.slicePosition(slice));
        double column = Vectors.dot(d, columnUnit) / columnSpacing;
        double row = Vectors.dot(d, rowUnit) / rowSpacing;
        long i0 = Math.round(column);
        long j0 = Math.round(row);
        if (Math.abs(column - i0) * columnSpacing > options.positionTolerance()
                || Math.abs(row - j0) * rowSpacing > options.positionTolerance()) {
            return String.format(Locale.ROOT, "is offset by (%.3f, %.3f) pixels within slice %d, not by whole pixels",
                    column, row, slice + 1);
        }
        if (Math.abs(i0) > Integer.MAX_VALUE / 2 || Math.abs(j0) > Integer.MAX_VALUE / 2) {
            return "lies far outside the grid";
        }
        return new PlacedFrame(frame.frameNumber(), frame.segmentNumber(), slice, (int) i0, (int) j0, byReference);
    }

    private Object byReference(SegmentFrame frame) {
        if (frame.sourceImages().isEmpty()) {
            return "has neither a position in the target's patient coordinates nor a source image reference";
        }
        int slice = referencedSlice(frame);
        if (slice < 0) {
            SourceFrame s = frame.sourceImages().get(0);
            return "has no position usable here and its source image " + s.sopInstanceUid()
                    + (s.frameNumber() > 0 ? " frame " + s.frameNumber() : "") + " is not a slice of the target";
        }
        if (seg.rows() != target.rows() || seg.columns() != target.columns()) {
            return "is placed by reference but is " + seg.columns() + " x " + seg.rows() + " pixels, the target's slices "
                    + target.columns() + " x " + target.rows();
        }
        return new PlacedFrame(frame.frameNumber(), frame.segmentNumber(), slice, 0, 0, true);
    }

    /** The target slice of the frame's first source image that is one, or -1. */
    private int referencedSlice(SegmentFrame frame) {
        for (SourceFrame s : frame.sourceImages()) {
            Integer k = sliceBySource.get(s.sopInstanceUid() + "#" + s.frameNumber());
            if (k == null && s.frameNumber() <= 1) {
                // NB: frame 1 of a single-frame image is the image; a reference without a frame number names
                // the image when the target holds exactly one slice of it.
                List<Integer> ks = slicesByInstance.get(s.sopInstanceUid());
                k = ks != null && ks.size() == 1 ? ks.get(0) : null;
            }
            if (k != null) {
                return k;
            }
        }
        return -1;
    }

    /** Why a placed frame does not fit the grid's rows and columns, or null when it does. */
    private String outside(PlacedFrame p) throws IOException {
        int i0 = p.column();
        int j0 = p.row();
        int cols = seg.columns();
        int rows = seg.rows();
        if (i0 >= 0 && j0 >= 0 && (long) i0 + cols <= target.columns() && (long) j0 + rows <= target.rows()) {
            return null;
        }
        String where = String.format(Locale.ROOT, "covers columns %d to %d and rows %d to %d of slice %d, the grid is %d x %d",
                i0, (long) i0 + cols - 1, j0, (long) j0 + rows - 1, p.slice() + 1, target.columns(), target.rows());
        if ((long) i0 + cols <= 0 || (long) j0 + rows <= 0 || i0 >= target.columns() || j0 >= target.rows()) {
            return "lies outside the grid: it " + where;
        }
        // NB: a frame that reaches beyond the grid fits when nothing but background lies outside.
        Object values = seg.pixels().frame(p.frameNumber() - 1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int x = i0 + c;
                int y = j0 + r;
                boolean in = x >= 0 && y >= 0 && x < target.columns() && y < target.rows();
                if (!in && !seg.isBackground(value(values, r * cols + c))) {
                    return "has segment pixels outside the grid: it " + where;
                }
            }
        }
        return null;
    }

    static int value(Object values, int index) {
        return values instanceof byte[] b ? b[index] & 0xFF : ((short[]) values)[index] & 0xFFFF;
    }

    private static double[] concat(double[] a, double[] b) {
        return new double[] {a[0], a[1], a[2], b[0], b[1], b[2]};
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder();
        for (double d : v) {
            s.append(s.length() == 0 ? "" : "\\").append(String.format(Locale.ROOT, "%.4f", d));
        }
        return s.toString();
    }
}
