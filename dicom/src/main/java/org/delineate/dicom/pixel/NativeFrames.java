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
            return read8(index, start, end - start, scratch);
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
     * NB: 8- and 16-bit frames left in the file are read in chunks of 64 KiB straight into the frame's array, so that
     * opening a volume makes no throwaway copy of each slice on the heap. (A memory map per frame did the same, but
     * left a mapping and its cleaner per slice for the collector: under G1 that made a volume's read several times
     * slower.)
     */
    private PixelFrame read16(int index, long start, long length, ByteBuffer scratch) throws IOException {
        short[] out = new short[(int) (length / 2)];
        readChunks(index, start, length, 2, scratch, (chunk, done) -> chunk.asShortBuffer().get(out, done / 2, chunk.remaining() / 2));
        return NativeSamples.decode16(out, description, index);
    }

    private PixelFrame read8(int index, long start, long length, ByteBuffer scratch) throws IOException {
        byte[] out = new byte[(int) length];
        readChunks(index, start, length, 1, scratch, (chunk, done) -> chunk.get(out, done, chunk.remaining()));
        return NativeSamples.decode8(out, description, index);
    }

    /** Takes a chunk of a frame's bytes (position 0 to limit), {@code done} bytes of the frame after its start. */
    private interface ChunkSink {
        void accept(ByteBuffer chunk, int done);
    }

    /**
     * Reads bytes {@code start} to {@code start + length} of the Pixel Data in chunks (multiples of {@code unit}
     * bytes) through {@code scratch}, handing each to {@code sink}.
     */
    private void readChunks(int index, long start, long length, int unit, ByteBuffer scratch, ChunkSink sink)
            throws IOException {
        BulkData bulk = element.bulkData();
        // NB: a direct buffer is read into by the kernel itself; a heap one goes through a temporary direct buffer and
        // one more copy
        ByteBuffer buffer = (scratch != null && scratch.capacity() >= unit ? scratch
                : ByteBuffer.allocate((int) Math.min(length, CHUNK))).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            long position = bulk.offset() + start;
            if (position + length > channel.size()) {
                throw new EOFException(bulk.file() + ": file ends at byte " + channel.size() + " inside frame " + (index + 1)
                        + " of the Pixel Data that starts at byte " + bulk.offset());
            }
            int done = 0;
            while (done < length) {
                int bytes = (int) Math.min(buffer.capacity() / unit * unit, length - done);
                buffer.clear().limit(bytes);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new EOFException(bulk.file() + ": file ends inside frame " + (index + 1) + " of the Pixel Data"
                                + " that starts at byte " + bulk.offset());
                    }
                }
                buffer.flip();
                sink.accept(buffer, done);
                done += bytes;
                position += bytes;
            }
        }
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
