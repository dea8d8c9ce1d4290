package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/** Masks or fractions held as one byte array per segment and slice (null for all 0), read in place. */
final class BytePlaneFrames extends PlaneFrames {

    private final List<List<byte[]>> planes;
    private final boolean binary;

    BytePlaneFrames(int columns, int rows, List<List<byte[]>> planes, boolean binary) {
        super(columns, rows, checked(columns, rows, planes), planes.size());
        this.planes = List.copyOf(planes);
        this.binary = binary;
    }

    /** The number of slices, once every segment is found to have as many planes of the right size. */
    private static int checked(int columns, int rows, List<List<byte[]>> planes) {
        if (columns < 1 || rows < 1 || planes == null || planes.isEmpty()) {
            throw new IllegalArgumentException("frames need a positive size and at least one segment");
        }
        int slices = planes.get(0).size();
        for (int s = 0; s < planes.size(); s++) {
            List<byte[]> segment = planes.get(s);
            if (segment.size() != slices) {
                throw new IllegalArgumentException("segment " + (s + 1) + " has " + segment.size()
                        + " slices, segment 1 has " + slices);
            }
            checkPlanes(columns, rows, segment, "segment " + (s + 1) + " slice", true);
        }
        return slices;
    }

    @Override
    public void readFrame(int segment, int slice, byte[] target) {
        byte[] plane = planes.get(segment - 1).get(slice);
        if (plane == null) {
            Arrays.fill(target, (byte) 0);
        } else if (binary) {
            for (int i = 0; i < plane.length; i++) {
                target[i] = plane[i] != 0 ? (byte) 1 : 0;
            }
        } else {
            System.arraycopy(plane, 0, target, 0, plane.length);
        }
    }

    @Override
    void packRange(int segment, int slice, int from, int to, byte[] packed) {
        byte[] plane = planes.get(segment - 1).get(slice);
        if (plane == null) {
            BitPacking.clear(from, to, packed);
        } else {
            BitPacking.packNonZero(plane, from, to, packed);
        }
    }

    /**
     * Writes the frame of {@code segment} at {@code slice} one byte a pixel, as {@link #readFrame} gives it: a
     * plane of fractions straight from its array, anything else through {@code scratch} (columns x rows bytes).
     */
    void writeFrame(int segment, int slice, OutputStream out, byte[] scratch) throws IOException {
        byte[] plane = planes.get(segment - 1).get(slice);
        if (plane != null && !binary) {
            out.write(plane, 0, pixels());
        } else {
            readFrame(segment, slice, scratch);
            out.write(scratch, 0, pixels());
        }
    }

    @Override
    public boolean overlapFree() {
        return planes.size() == 1;
    }
}
