package org.delineate.dicom.seg;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.pixel.PixelDescription;
import org.delineate.dicom.pixel.PixelFrame;

/**
 * The frames of a segmentation's Pixel Data as one value per pixel: 0/1 for BINARY, the stored value for
 * FRACTIONAL and LABELMAP. Native 1-bit Pixel Data, one LSB-first bit stream over all frames (a frame may
 * start inside a byte), is unpacked here a byte at a time through a table; everything else (8/16-bit,
 * encapsulated RLE and others) goes through {@link PixelData}. Immutable; thread-safe.
 */
final class FramePixels {

    /** NB: frames larger than this (2^28 pixels) are refused before any decoder allocates them. */
    static final long MAX_FRAME_PIXELS = 1L << 28;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** BITS[b] holds the 8 pixels of byte b, bit 0 first, as 8 little-endian bytes of 0 or 1. */
    private static final long[] BITS = new long[256];

    static {
        for (int b = 0; b < 256; b++) {
            long v = 0;
            for (int bit = 0; bit < 8; bit++) {
                v |= (long) ((b >> bit) & 1) << (8 * bit);
            }
            BITS[b] = v;
        }
    }

    private final PixelData pixels;
    private final byte[] bitStream;
    private final int rows;
    private final int columns;
    private final boolean sixteenBit;

    private FramePixels(PixelData pixels, byte[] bitStream, int rows, int columns, boolean sixteenBit) {
        this.pixels = pixels;
        this.bitStream = bitStream;
        this.rows = rows;
        this.columns = columns;
        this.sixteenBit = sixteenBit;
    }

    /**
     * Prepares the frames of {@code file}, checking the Image Pixel attributes against the segmentation type.
     *
     * @throws DicomFormatException naming the attribute when BitsAllocated, SamplesPerPixel or the size do
     *     not suit the type, or the Pixel Data is shorter than NumberOfFrames frames
     */
    static FramePixels of(DicomFile file, SegmentationType type, String source) throws IOException {
        PixelDescription d = PixelDescription.of(file.dataSet(), source);
        int bits = d.bitsAllocated();
        boolean ok = switch (type) {
            case BINARY -> bits == 1;
            case FRACTIONAL -> bits == 8;
            case LABELMAP -> bits == 8 || bits == 16;
        };
        if (!ok) {
            throw new DicomFormatException(source, -1, Tag.BitsAllocated, "found " + bits + ", expected "
                    + (type == SegmentationType.BINARY ? "1" : type == SegmentationType.FRACTIONAL ? "8" : "8 or 16")
                    + " for SegmentationType " + type);
        }
        if (d.samplesPerPixel() != 1) {
            throw new DicomFormatException(source, -1, Tag.SamplesPerPixel, "found " + d.samplesPerPixel() + ", expected 1");
        }
        if ((long) d.rows() * d.columns() > MAX_FRAME_PIXELS) {
            throw new DicomFormatException(source, -1, Tag.Rows, "Rows " + d.rows() + " x Columns " + d.columns()
                    + " is more than the " + MAX_FRAME_PIXELS + " pixels a segmentation frame may have here");
        }
        PixelData pixels = PixelData.of(file);
        DataElement element = file.dataSet().get(Tag.PixelData);
        byte[] stream = bits == 1 && element != null && element.hasBytes() && !file.dataSet().bigEndian()
                ? element.bytes() : null;
        return new FramePixels(pixels, stream, d.rows(), d.columns(), bits == 16);
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    int frames() {
        return pixels.numberOfFrames();
    }

    /** True when frames come as {@code short[]} (16-bit LABELMAP), else {@code byte[]}. */
    boolean sixteenBit() {
        return sixteenBit;
    }

    /** Frame {@code index} (0-based) as a new {@code byte[]} or {@code short[]} of Rows x Columns values, row by row. */
    Object frame(int index) throws IOException {
        return frame(index, null);
    }

    /**
     * Frame {@code index} (0-based) as a {@code byte[]} or {@code short[]} of Rows x Columns values, row by
     * row: {@code scratch} refilled when it is a {@code byte[]} of that size and the frame is unpacked here,
     * else a new array.
     */
    Object frame(int index, Object scratch) throws IOException {
        if (bitStream != null) {
            int n = rows * columns;
            byte[] out = scratch instanceof byte[] b && b.length == n ? b : new byte[n];
            unpack(bitStream, (long) index * n, out);
            return out;
        }
        PixelFrame frame = pixels.frame(index);
        return sixteenBit ? frame.shorts() : frame.bytes();
    }

    /** True when frames are native 1-bit, so that {@link #setColumns} reads them without unpacking. */
    boolean packed() {
        return bitStream != null;
    }

    /**
     * Finds the set pixels of columns {@code c0} to {@code c1 - 1} of row {@code row} of a packed frame
     * straight from the bit stream, a byte at a time (background bytes are skipped whole).
     *
     * @param columns receives the 0-based columns of the set pixels, in order; at least c1 - c0 long
     * @return how many were found
     */
    int setColumns(int index, int row, int c0, int c1, int[] columns) {
        long rowStart = ((long) index * rows + row) * this.columns;
        long bit = rowStart + c0;
        long end = rowStart + c1;
        int found = 0;
        int limit = bitStream.length - 8;
        while (bit < end) {
            if ((bit & 7) == 0 && bit + 64 <= end && (bit >>> 3) <= limit && longAt(bitStream, (int) (bit >>> 3)) == 0) {
                bit += 64;
                continue;
            }
            int shift = (int) (bit & 7);
            int bits = (bitStream[(int) (bit >>> 3)] & 0xFF) >>> shift;
            int n = (int) Math.min(8 - shift, end - bit);
            if (bits != 0) {
                int x = (int) (bit - rowStart);
                for (int t = 0; t < n; t++) {
                    if ((bits >>> t & 1) != 0) {
                        columns[found++] = x + t;
                    }
                }
            }
            bit += n;
        }
        return found;
    }

    /** The 8 bytes at {@code index} as one little-endian long (for skipping runs of background). */
    static long longAt(byte[] b, int index) {
        return (long) LONG_LE.get(b, index);
    }

    /** Unpacks {@code out.length} bits from bit {@code startBit} of {@code stream} (LSB first) into 0/1 bytes. */
    static void unpack(byte[] stream, long startBit, byte[] out) {
        int n = out.length;
        int first = (int) (startBit >>> 3);
        int shift = (int) (startBit & 7);
        int whole = n >>> 3;
        // NB: with shift > 0 each output byte takes bits from two input bytes; the last one may not exist.
        int safe = shift == 0 ? whole : Math.min(whole, stream.length - first - 1);
        int o = 0;
        if (shift == 0) {
            for (int b = 0; b < safe; b++, o += 8) {
                LONG_LE.set(out, o, BITS[stream[first + b] & 0xFF]);
            }
        } else {
            for (int b = 0; b < safe; b++, o += 8) {
                int v = ((stream[first + b] & 0xFF) >>> shift) | ((stream[first + b + 1] & 0xFF) << (8 - shift));
                LONG_LE.set(out, o, BITS[v & 0xFF]);
            }
        }
        for (long bit = startBit + o; o < n; o++, bit++) {
            out[o] = (byte) ((stream[(int) (bit >>> 3)] >> (bit & 7)) & 1);
        }
    }
}
