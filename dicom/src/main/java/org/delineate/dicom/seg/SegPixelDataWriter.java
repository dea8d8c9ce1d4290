package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the frames of a plan as Pixel Data, one frame in memory at a time. */
final class SegPixelDataWriter {

    private SegPixelDataWriter() {
    }

    static void write(OutputStream out, SegmentationFrames frames, SegFramePlan plan, SegmentationType type, int bits)
            throws IOException {
        int pixels = frames.columns() * frames.rows();
        if (type == SegmentationType.LABELMAP) {
            int[] labels = new int[pixels];
            byte[] bytes = new byte[pixels * (bits / 8)];
            for (int f = 0; f < plan.frameCount(); f++) {
                frames.readLabels(plan.slice(f), labels);
                for (int i = 0; i < pixels; i++) {
                    if (bits == 8) {
                        bytes[i] = (byte) labels[i];
                    } else {
                        bytes[2 * i] = (byte) labels[i];
                        bytes[2 * i + 1] = (byte) (labels[i] >>> 8);
                    }
                }
                out.write(bytes);
            }
            return;
        }
        byte[] frame = new byte[pixels];
        BinaryFramePacker packer = type == SegmentationType.BINARY ? new BinaryFramePacker(out) : null;
        if (packer != null && frames instanceof LabelVolumeFrames labels && pixels % 8 == 0) {
            // NB: frames of a multiple of 8 pixels start on a byte; a label volume packs them directly (bench/seg.sh).
            byte[] packed = new byte[pixels / 8];
            for (int f = 0; f < plan.frameCount(); f++) {
                if (!labels.packFrame(plan.segment(f), plan.slice(f), packed)) {
                    labels.readFrame(plan.segment(f), plan.slice(f), frame);
                    packer.add(frame);
                } else {
                    packer.addPacked(packed);
                }
            }
            packer.finish();
            return;
        }
        for (int f = 0; f < plan.frameCount(); f++) {
            frames.readFrame(plan.segment(f), plan.slice(f), frame);
            if (packer != null) {
                packer.add(frame);
            } else {
                out.write(frame);
            }
        }
        if (packer != null) {
            packer.finish();
        }
    }
}
