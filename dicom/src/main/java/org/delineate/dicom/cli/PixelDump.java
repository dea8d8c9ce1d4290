package org.delineate.dicom.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".part");
        long bytes = 0;
        PixelFrame first = null;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                for (int i = 0; i < pixels.numberOfFrames(); i++) {
                    PixelFrame frame = pixels.frame(i);
                    first = first == null ? frame : first;
                    byte[] encoded = littleEndian(frame);
                    out.write(encoded);
                    bytes += encoded.length;
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (first == null) {
            return "no frames";
        }
        return String.format("rows %d, columns %d, frames %d, samples %d, bits %d (stored %d), %s%s; %d bytes written to %s",
                first.rows(), first.columns(), pixels.numberOfFrames(), first.samplesPerPixel(), bitsPerSample(first),
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
