package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the frames of a plan as Pixel Data: BINARY frames packed straight from the input's planes into bits (a
 * byte-per-pixel frame only for inputs other than the package's own), FRACTIONAL planes as they are held, LABELMAP
 * frames through a table of segment numbers. BINARY frames of the package's inputs are packed by worker threads in
 * batches of about 1 MiB, at most two batches per thread ahead of the one being written; the caller writes them in
 * order. Otherwise one frame at a time is in memory.
 */
final class SegPixelDataWriter {

    private SegPixelDataWriter() {
    }

    /** A batch of BINARY frames being packed: how many, and the buffer that will hold them one after another. */
    private record Batch(int frames, java.util.concurrent.Future<byte[]> packed) {
    }

    /** Packed bytes of a batch of BINARY frames. */
    private static final int BATCH_BYTES = 1 << 20;

    static void write(OutputStream out, SegmentationFrames frames, SegFramePlan plan, SegmentationType type, int bits,
            int threads) throws IOException {
        int pixels = frames.columns() * frames.rows();
        switch (type) {
            case BINARY -> {
                if (frames instanceof PlaneFrames planes && threads > 1) {
                    writeBinaryInParallel(out, planes, plan, pixels, threads);
                } else {
                    writeBinary(out, frames, plan, pixels);
                }
            }
            case FRACTIONAL -> writeFractional(out, frames, plan, pixels);
            case LABELMAP -> writeLabelMap(out, frames, plan, pixels, bits == 16);
        }
    }

    private static void writeBinary(OutputStream out, SegmentationFrames frames, SegFramePlan plan, int pixels)
            throws IOException {
        BinaryFramePacker packer = new BinaryFramePacker(out);
        byte[] packed = new byte[BitPacking.packedLength(pixels)];
        PlaneFrames planes = frames instanceof PlaneFrames p ? p : null;
        byte[] frame = planes == null ? new byte[pixels] : null;
        for (int f = 0; f < plan.frameCount(); f++) {
            if (planes != null) {
                planes.packFrame(plan.segment(f), plan.slice(f), plan.bands(f), packed);
            } else {
                frames.readFrame(plan.segment(f), plan.slice(f), frame);
                BitPacking.packNonZero(frame, 0, pixels, packed);
            }
            packer.add(packed, 0, pixels);
        }
        packer.finish();
    }

    private static void writeBinaryInParallel(OutputStream out, PlaneFrames planes, SegFramePlan plan, int pixels,
            int threads) throws IOException {
        BinaryFramePacker packer = new BinaryFramePacker(out);
        int packedBytes = BitPacking.packedLength(pixels);
        int batch = Math.max(1, BATCH_BYTES / packedBytes);
        // NB: batch buffers are reused once written (at most 2 x threads + 1 exist): allocating 40 MB of them per
        // write made the collector copy the caller's label volume (bench/seg.sh).
        java.util.ArrayDeque<byte[]> free = new java.util.ArrayDeque<>();
        try (Workers workers = new Workers(threads)) {
            java.util.ArrayDeque<Batch> pending = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < plan.frameCount() || !pending.isEmpty()) {
                while (next < plan.frameCount() && pending.size() < 2 * workers.threads()) {
                    int from = next;
                    int to = Math.min(plan.frameCount(), from + batch);
                    byte[] packed = free.isEmpty() ? new byte[batch * packedBytes] : free.poll();
                    pending.add(new Batch(to - from, workers.submit(() -> {
                        byte[] one = new byte[packedBytes];
                        for (int f = from; f < to; f++) {
                            planes.packFrame(plan.segment(f), plan.slice(f), plan.bands(f), one);
                            System.arraycopy(one, 0, packed, (f - from) * packedBytes, packedBytes);
                        }
                        return packed;
                    })));
                    next = to;
                }
                Batch done = pending.poll();
                byte[] packed = Workers.result(done.packed());
                for (int f = 0; f < done.frames(); f++) {
                    packer.add(packed, f * packedBytes, pixels);
                }
                free.add(packed);
            }
        }
        packer.finish();
    }

    private static void writeFractional(OutputStream out, SegmentationFrames frames, SegFramePlan plan, int pixels)
            throws IOException {
        byte[] frame = new byte[pixels];
        for (int f = 0; f < plan.frameCount(); f++) {
            if (frames instanceof BytePlaneFrames planes) {
                planes.writeFrame(plan.segment(f), plan.slice(f), out, frame);
            } else {
                frames.readFrame(plan.segment(f), plan.slice(f), frame);
                out.write(frame);
            }
        }
    }

    private static void writeLabelMap(OutputStream out, SegmentationFrames frames, SegFramePlan plan, int pixels,
            boolean sixteenBit) throws IOException {
        byte[] bytes = new byte[sixteenBit ? 2 * pixels : pixels];
        int[] labels = frames instanceof LabelVolumeFrames ? null : new int[pixels];
        for (int f = 0; f < plan.frameCount(); f++) {
            if (frames instanceof LabelVolumeFrames volume) {
                volume.labelMapFrame(plan.slice(f), bytes, sixteenBit);
            } else {
                frames.readLabels(plan.slice(f), labels);
                for (int i = 0; i < pixels; i++) {
                    if (sixteenBit) {
                        bytes[2 * i] = (byte) labels[i];
                        bytes[2 * i + 1] = (byte) (labels[i] >>> 8);
                    } else {
                        bytes[i] = (byte) labels[i];
                    }
                }
            }
            out.write(bytes);
        }
    }
}
