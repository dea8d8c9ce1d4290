package org.delineate.dicom.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.delineate.dicom.io.AtomicFiles;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.pixel.PixelFrame;

/**
 * Writes the decoded frames of a file as raw little-endian samples, frame after frame, samples
 * interleaved, to a temporary file moved into place when complete.
 */
final class PixelDump {

    private PixelDump() {
    }

    /** Writes all frames to {@code target}; returns a one-line description of what was written. */
    static String write(DicomFile file, Path target) throws IOException {
        PixelData pixels = PixelData.of(file);
        long[] bytes = {0};
        PixelFrame[] first = {null};
        AtomicFiles.write(target, out -> {
            for (int i = 0; i < pixels.numberOfFrames(); i++) {
                PixelFrame frame = pixels.frame(i);
                first[0] = first[0] == null ? frame : first[0];
                byte[] encoded = littleEndian(frame);
                out.write(encoded);
                bytes[0] += encoded.length;
            }
        });
        return describe(first[0], pixels.numberOfFrames(), bytes[0], target);
    }

    private static String describe(PixelFrame first, int frames, long bytes, Path target) {
        if (first == null) {
            return "no frames";
        }
        return String.format("rows %d, columns %d, frames %d, samples %d, bits %d (stored %d), %s%s; %d bytes written to %s",
                first.rows(), first.columns(), frames, first.samplesPerPixel(), bitsPerSample(first),
                first.bitsStored(), first.type() == PixelFrame.Type.FLOAT || first.type() == PixelFrame.Type.DOUBLE ? "float"
                        : first.signed() ? "signed" : "unsigned",
                ", " + first.photometricInterpretation(), bytes, target);
    }

    private static int bitsPerSample(PixelFrame frame) {
        switch (frame.type()) {
            case BYTE: return 8;
            case SHORT: return 16;
            case DOUBLE: return 64;
            default: return 32;
        }
    }

    private static byte[] littleEndian(PixelFrame frame) {
        int n = frame.length();
        ByteBuffer buffer = ByteBuffer.allocate(n * bitsPerSample(frame) / 8).order(ByteOrder.LITTLE_ENDIAN);
        switch (frame.type()) {
            case BYTE: buffer.put(frame.bytes()); break;
            case SHORT: buffer.asShortBuffer().put(frame.shorts()); break;
            case INT: buffer.asIntBuffer().put(frame.ints()); break;
            case FLOAT: buffer.asFloatBuffer().put(frame.floats()); break;
            default: buffer.asDoubleBuffer().put(frame.doubles());
        }
        return buffer.array();
    }
}
