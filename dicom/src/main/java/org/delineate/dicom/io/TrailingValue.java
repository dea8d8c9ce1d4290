package org.delineate.dicom.io;

import java.io.IOException;
import java.io.OutputStream;

import org.delineate.dicom.data.VR;

/**
 * The last element of a data set whose value is not held in memory but produced, while the file is written,
 * by a callback that writes exactly {@code length} bytes (for example Pixel Data streamed frame by frame).
 * The writer adds the padding byte of an odd length itself. Immutable.
 *
 * @param tag the element's tag; greater than every tag of the data set it follows
 * @param vr the element's VR (a VR with a 32-bit length field, such as OB or OW, when the value may exceed 65535 bytes)
 * @param length the exact number of bytes {@code producer} writes, 0 to 0xFFFFFFFE
 * @param producer writes the value
 */
public record TrailingValue(int tag, VR vr, long length, Producer producer) {

    /** Writes a value of the announced length into a stream it must not close. */
    @FunctionalInterface
    public interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    public TrailingValue {
        if (vr == null || producer == null) {
            throw new IllegalArgumentException("a trailing value needs a VR and a producer");
        }
        long max = vr.longHeader() ? 0xFFFFFFFEL : 0xFFFFL;
        if (length < 0 || length + (length & 1) > max) {
            throw new IllegalArgumentException("a " + vr + " value cannot be " + length + " bytes long");
        }
    }
}
