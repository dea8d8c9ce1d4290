package org.delineate.dicom.pixel;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.VR;

/**
 * Frames of native (uncompressed) Pixel Data, held in memory or left in the file; reads only the bytes
 * of the frame asked for. Immutable.
 */
final class NativeFrames {

    private final DataElement element;
    private final PixelDescription description;
    private final boolean bigEndian;
    private final boolean swapPairs;

    /**
     * @param element the Pixel Data element, its value as bytes or bulk data
     * @param bigEndian true for Explicit VR Big Endian
     */
    NativeFrames(DataElement element, PixelDescription description, boolean bigEndian) {
        this.element = element;
        this.description = description;
        this.bigEndian = bigEndian;
        // NB: in big endian, OW is a stream of byte-swapped 16-bit words; 1- and 8-bit values packed in
        // them come back in order only once each pair of bytes is swapped back (PS3.5 section 8.1.1).
        this.swapPairs = bigEndian && element.vr() == VR.OW && description.bitsAllocated() <= 8;
    }

    /** Decodes frame {@code index} (0-based), reading through {@code scratch} when not null (see {@link PixelData}). */
    PixelFrame frame(int index, ByteBuffer scratch) throws IOException {
        long frameBits = description.nativeFrameBits();
        long startBit = index * frameBits;
        long start = startBit / 8;
        long end = (startBit + frameBits + 7) / 8;
        long from = swapPairs ? start & ~1L : start;
        long to = swapPairs ? Math.min(element.length(), (end + 1) & ~1L) : end;
        if (element.isBulkData() && !swapPairs && description.bitsAllocated() == 16 && (startBit & 7) == 0
                && NativeSamples.Layout.of(description) == NativeSamples.Layout.INTERLEAVED) {
            return read16(index, start, end - start, scratch);
        }
        if (element.isBulkData() && !swapPairs && description.bitsAllocated() == 8 && (startBit & 7) == 0
                && NativeSamples.Layout.of(description) == NativeSamples.Layout.INTERLEAVED) {
            return NativeSamples.decode8(element.bulkData().readRange(start, end - start, "frame " + (index + 1)), description,
                    index);
        }
        byte[] buf;
        int offset;
        if (element.hasBytes() && !swapPairs) {
            buf = element.bytes();
            offset = (int) start;
        } else {
            buf = range(from, to);
            offset = (int) (start - from);
            if (swapPairs) {
                for (int i = 0; i + 1 < buf.length; i += 2) {
                    byte b = buf[i];
                    buf[i] = buf[i + 1];
                    buf[i + 1] = b;
                }
            }
        }
        return NativeSamples.decode(buf, offset, (int) (startBit & 7), bigEndian, description, index);
    }

    /**
     * The bytes of frame {@code index} in the file when they are its stored values as they are: little endian,
     * 8 or 16 bits allocated and all of them stored (high bit BitsStored - 1), one sample per pixel, not palette
     * color; empty when the frame must be decoded (other layouts, big endian, or Pixel Data read into memory).
     */
    Optional<BulkData> storedBytes(int index) {
        int bits = description.bitsAllocated();
        if (!element.isBulkData() || bigEndian || (bits != 8 && bits != 16) || description.bitsStored() != bits
                || description.highBit() != bits - 1 || description.samplesPerPixel() != 1 || description.floatingPoint()
                || description.photometricInterpretation() == PhotometricInterpretation.PALETTE_COLOR) {
            return Optional.empty();
        }
        long frameBytes = description.nativeFrameBits() / 8;
        BulkData bulk = element.bulkData();
        return Optional.of(new BulkData(bulk.file(), bulk.offset() + index * frameBytes, frameBytes));
    }

    /**
     * NB: 16-bit frames left in the file are read in chunks of 64 KiB straight into the frame's array, so that
     * opening a volume makes no throwaway copy of each slice on the heap. (A memory map per frame did the same, but
     * left a mapping and its cleaner per slice for the collector: under G1 that made a volume's read several times
     * slower.)
     */
    private PixelFrame read16(int index, long start, long length, ByteBuffer scratch) throws IOException {
        BulkData bulk = element.bulkData();
        short[] out = new short[(int) (length / 2)];
        // NB: a direct buffer is read into by the kernel itself; a heap one goes through a temporary direct buffer and
        // one more copy
        ByteBuffer buffer = (scratch != null && scratch.capacity() >= 2 ? scratch
                : ByteBuffer.allocate((int) Math.min(length, CHUNK))).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            long position = bulk.offset() + start;
            if (position + length > channel.size()) {
                throw new EOFException(bulk.file() + ": file ends at byte " + channel.size() + " inside frame " + (index + 1)
                        + " of the Pixel Data that starts at byte " + bulk.offset());
            }
            int done = 0;
            while (done < out.length) {
                int bytes = Math.min(buffer.capacity() & ~1, 2 * (out.length - done));
                buffer.clear().limit(bytes);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new EOFException(bulk.file() + ": file ends inside frame " + (index + 1) + " of the Pixel Data"
                                + " that starts at byte " + bulk.offset());
                    }
                }
                buffer.flip();
                buffer.asShortBuffer().get(out, done, bytes / 2);
                done += bytes / 2;
                position += bytes;
            }
        }
        return NativeSamples.decode16(out, description, index);
    }

    private static final int CHUNK = 1 << 16;

    private byte[] range(long from, long to) throws IOException {
        if (element.hasBytes()) {
            byte[] copy = new byte[(int) (to - from)];
            System.arraycopy(element.bytes(), (int) from, copy, 0, copy.length);
            return copy;
        }
        BulkData bulk = element.bulkData();
        return new BulkData(bulk.file(), bulk.offset() + from, to - from).read();
    }
}
