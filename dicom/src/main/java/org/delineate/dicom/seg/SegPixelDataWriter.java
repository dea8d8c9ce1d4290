package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the frames of a plan as Pixel Data, one frame in memory at a time: BINARY frames packed straight from the
 * input's planes into bits (a byte-per-pixel frame only for inputs other than the package's own), FRACTIONAL planes
 * as they are held, LABELMAP frames through a table of segment numbers.
 */
final class SegPixelDataWriter {

    private SegPixelDataWriter() {
    }

    static void write(OutputStream out, SegmentationFrames frames, SegFramePlan plan, SegmentationType type, int bits)
            throws IOException {
        int pixels = frames.columns() * frames.rows();
        switch (type) {
            case BINARY -> writeBinary(out, frames, plan, pixels);
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
            packer.add(packed, pixels);
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
