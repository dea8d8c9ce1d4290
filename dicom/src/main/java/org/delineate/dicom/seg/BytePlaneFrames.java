package org.delineate.dicom.seg;

import java.util.Arrays;
import java.util.List;

/** Masks or fractions held as one byte array per segment and slice, read in place. */
final class BytePlaneFrames implements SegmentationFrames {

    private final int columns;
    private final int rows;
    private final List<List<byte[]>> planes;
    private final boolean binary;
    private final int slices;

    BytePlaneFrames(int columns, int rows, List<List<byte[]>> planes, boolean binary) {
        if (columns < 1 || rows < 1 || planes == null || planes.isEmpty()) {
            throw new IllegalArgumentException("frames need a positive size and at least one segment");
        }
        this.slices = planes.get(0).size();
        for (int s = 0; s < planes.size(); s++) {
            List<byte[]> segment = planes.get(s);
            if (segment.size() != slices) {
                throw new IllegalArgumentException("segment " + (s + 1) + " has " + segment.size()
                        + " slices, segment 1 has " + slices);
            }
            for (int k = 0; k < slices; k++) {
                byte[] plane = segment.get(k);
                if (plane != null && plane.length != columns * rows) {
                    throw new IllegalArgumentException("segment " + (s + 1) + " slice " + k + " has " + plane.length
                            + " pixels, not " + columns + " x " + rows);
                }
            }
        }
        this.columns = columns;
        this.rows = rows;
        this.planes = List.copyOf(planes);
        this.binary = binary;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int slices() {
        return slices;
    }

    @Override
    public int segmentCount() {
        return planes.size();
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
    public boolean overlapFree() {
        return planes.size() == 1;
    }
}
