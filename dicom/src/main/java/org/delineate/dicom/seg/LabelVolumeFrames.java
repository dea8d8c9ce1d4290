package org.delineate.dicom.seg;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A label volume read in place: one unsigned plane per slice ({@code byte[]}, {@code short[]} or {@code int[]}), the
 * sample {@code labelValue + offset} marking a segment; the volume is never copied.
 */
final class LabelVolumeFrames extends PlaneFrames {

    private final List<?> planes;
    /** The sample that marks segment s at index s - 1: its label value plus the offset. */
    private final int[] samples;
    /** Segment number of each label value 0..max; 0 where no segment. */
    private final int[] segmentOfLabel;
    /** Subtracted from every sample to give the label value (a Volume's stored offset for signed data). */
    private final int offset;

    LabelVolumeFrames(int columns, int rows, List<?> planes, int[] labelValues, int offset) {
        super(columns, rows, checked(columns, rows, planes).size(), checked(labelValues).length);
        int max = Arrays.stream(labelValues).max().getAsInt();
        segmentOfLabel = new int[max + 1];
        samples = new int[labelValues.length];
        for (int s = 0; s < labelValues.length; s++) {
            int v = labelValues[s];
            if (segmentOfLabel[v] != 0) {
                throw new IllegalArgumentException("label value " + v + " is given for segments " + segmentOfLabel[v]
                        + " and " + (s + 1));
            }
            segmentOfLabel[v] = s + 1;
            samples[s] = v + offset;
        }
        this.planes = List.copyOf(planes);
        this.offset = offset;
    }

    private static List<?> checked(int columns, int rows, List<?> planes) {
        if (columns < 1 || rows < 1 || planes == null || planes.isEmpty()) {
            throw new IllegalArgumentException("a label volume needs a positive size and at least one slice");
        }
        checkPlanes(columns, rows, planes, "label slice", false);
        return planes;
    }

    private static int[] checked(int[] labelValues) {
        if (labelValues == null || labelValues.length == 0) {
            throw new IllegalArgumentException("a label volume needs at least one label value");
        }
        for (int v : labelValues) {
            if (v < 1 || v > 0xFFFF) {
                throw new IllegalArgumentException("label values are 1 to 65535, not " + v);
            }
        }
        return labelValues;
    }

    @Override
    public void readFrame(int segment, int slice, byte[] target) {
        Object plane = planes.get(slice);
        int sample = samples[segment - 1];
        // NB: written out per plane type; a per-pixel type test made writing several times slower (bench/seg.sh).
        if (plane instanceof byte[] b) {
            for (int i = 0; i < target.length; i++) {
                target[i] = (b[i] & 0xFF) == sample ? (byte) 1 : 0;
            }
        } else if (plane instanceof short[] sh) {
            for (int i = 0; i < target.length; i++) {
                target[i] = (sh[i] & 0xFFFF) == sample ? (byte) 1 : 0;
            }
        } else {
            int[] in = (int[]) plane;
            for (int i = 0; i < target.length; i++) {
                target[i] = in[i] == sample ? (byte) 1 : 0;
            }
        }
    }

    @Override
    void packRange(int segment, int slice, int from, int to, byte[] packed) {
        Object plane = planes.get(slice);
        int sample = samples[segment - 1];
        if (plane instanceof byte[] b) {
            BitPacking.packEqual(b, from, to, sample, packed);
        } else if (plane instanceof short[] sh) {
            BitPacking.packEqual(sh, from, to, sample, packed);
        } else {
            BitPacking.packEqual((int[]) plane, from, to, sample, packed);
        }
    }

    @Override
    public int readLabels(int slice, int[] target) {
        Object plane = planes.get(slice);
        for (int i = 0; i < target.length; i++) {
            target[i] = segmentOf(label(plane, i));
        }
        return 0;
    }

    /**
     * The LABELMAP frame of slice k: the segment number of each pixel (0 for none) into {@code frame}, one byte a
     * pixel, or two (little endian) when {@code sixteenBit}.
     */
    void labelMapFrame(int slice, byte[] frame, boolean sixteenBit) {
        Object plane = planes.get(slice);
        int n = pixels();
        if (plane instanceof byte[] b && !sixteenBit) {
            byte[] segmentOfSample = new byte[256];
            for (int s = 0; s < samples.length; s++) {
                if (samples[s] >= 0 && samples[s] < 256) {
                    segmentOfSample[samples[s]] = (byte) (s + 1);
                }
            }
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long word = BitPacking.word(b, i);
                if (BitPacking.uniform(word)) {
                    BitPacking.setWord(frame, i, BitPacking.repeated(segmentOfSample[(int) word & 0xFF]));
                } else {
                    for (int m = i; m < i + 8; m++) {
                        frame[m] = segmentOfSample[b[m] & 0xFF];
                    }
                }
            }
            for (; i < n; i++) {
                frame[i] = segmentOfSample[b[i] & 0xFF];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int s = segmentOf(label(plane, i));
            if (sixteenBit) {
                frame[2 * i] = (byte) s;
                frame[2 * i + 1] = (byte) (s >>> 8);
            } else {
                frame[i] = (byte) s;
            }
        }
    }

    /**
     * Surveys slices one after another, in one pass over each: which row bands ({@link RowBands}) hold each segment,
     * and which label values (besides 0) no segment names. Holds scratch tables between slices; not thread-safe.
     */
    final class Survey {

        /** For each unsigned sample, a stamp of the last slice and band it was seen in (see {@link #base}). */
        private int[] stamps = new int[0];
        /** Stamps of the current slice are base + 1 + band; earlier slices have lower ones. */
        private int base;

        /**
         * Surveys slice k: ORs into {@code bands[s]} (segment s, 1-based) the bit of every band holding a pixel of s,
         * and adds to {@code unnamed} the label values no segment names.
         */
        void slice(int slice, long[] bands, BitSet unnamed) {
            Object plane = planes.get(slice);
            RowBands rows = bands();
            if (plane instanceof int[] in) {
                for (int b = 0; b < rows.count(); b++) {
                    for (int i = rows.start(b); i < rows.end(b); i++) {
                        int v = in[i] - offset;
                        if (in[i] >= 0 && v > 0) {
                            int s = segmentOf(v);
                            if (s > 0) {
                                bands[s] |= 1L << b;
                            } else {
                                unnamed.set(v);
                            }
                        }
                    }
                }
                return;
            }
            int size = plane instanceof byte[] ? 256 : 65536;
            if (stamps.length != size) {
                stamps = new int[size];
                base = 0;
            }
            // NB: one store per pixel marks the values seen (one per 8 pixels of a byte plane where they are equal,
            // as most are in a label map); the segments' samples are looked up once per band.
            for (int b = 0; b < rows.count(); b++) {
                int mark = base + 1 + b;
                if (plane instanceof byte[] p) {
                    int i = rows.start(b);
                    int end = rows.end(b);
                    for (; i + 8 <= end; i += 8) {
                        long word = BitPacking.word(p, i);
                        if (BitPacking.uniform(word)) {
                            stamps[(int) word & 0xFF] = mark;
                        } else {
                            for (int n = i; n < i + 8; n++) {
                                stamps[p[n] & 0xFF] = mark;
                            }
                        }
                    }
                    for (; i < end; i++) {
                        stamps[p[i] & 0xFF] = mark;
                    }
                } else {
                    short[] p = (short[]) plane;
                    for (int i = rows.start(b); i < rows.end(b); i++) {
                        stamps[p[i] & 0xFFFF] = mark;
                    }
                }
                for (int s = 0; s < samples.length; s++) {
                    if (samples[s] >= 0 && samples[s] < size && stamps[samples[s]] == mark) {
                        bands[s + 1] |= 1L << b;
                    }
                }
            }
            for (int sample = 0; sample < size; sample++) {
                int v = sample - offset;
                if (stamps[sample] > base && v > 0 && segmentOf(v) == 0) {
                    unnamed.set(v);
                }
            }
            base += 64;
        }
    }

    private int label(Object plane, int i) {
        if (plane instanceof byte[] b) {
            return (b[i] & 0xFF) - offset;
        }
        if (plane instanceof short[] s) {
            return (s[i] & 0xFFFF) - offset;
        }
        return ((int[]) plane)[i] - offset;
    }

    private int segmentOf(int label) {
        return label >= 0 && label < segmentOfLabel.length ? segmentOfLabel[label] : 0;
    }

    @Override
    public boolean overlapFree() {
        return true;
    }
}
