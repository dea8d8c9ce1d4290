package org.delineate.dicom.pixel;

import java.util.Objects;

/**
 * One decoded frame: the stored values of Rows * Columns pixels, row by row, samples interleaved, in a
 * primitive array whose type follows BitsAllocated: {@code byte[]} for 1 (one value 0 or 1 per pixel) and
 * 8, {@code short[]} for 16, {@code int[]} for 32, {@code float[]} for Float Pixel Data and
 * {@code double[]} for Double Float Pixel Data.
 *
 * <p>Values are stored values: shifted down when HighBit + 1 > BitsStored, sign-extended from BitsStored
 * when signed, masked to BitsStored when unsigned. Unsigned values use the array's bits as unsigned
 * ({@code short} 0xFFFF is 65535): read them with {@link #value(int)}, or mask. No lookup table, rescale
 * or color conversion has been applied; see {@link ModalityLut}, {@link PaletteColorLut} and
 * {@link ColorConversion}. MONOCHROME1 values are not inverted.
 *
 * <p>Immutable apart from the array, which {@link #data()} returns without copying; not to be modified
 * by callers that share the frame.
 */
public final class PixelFrame {

    /** The primitive type of the values. */
    public enum Type { BYTE, SHORT, INT, FLOAT, DOUBLE }

    private final int frameIndex;
    private final FrameFormat format;
    private final Object data;
    private final Type type;

    /**
     * @param frameIndex the 0-based index of the frame in its Pixel Data
     * @param format how to read the values
     * @param data a byte[], short[], int[], float[] or double[] of {@code format.length()} values
     */
    public PixelFrame(int frameIndex, FrameFormat format, Object data) {
        this.frameIndex = frameIndex;
        this.format = Objects.requireNonNull(format, "format");
        this.data = Objects.requireNonNull(data, "data");
        int length;
        if (data instanceof byte[] b) {
            type = Type.BYTE;
            length = b.length;
        } else if (data instanceof short[] s) {
            type = Type.SHORT;
            length = s.length;
        } else if (data instanceof int[] i) {
            type = Type.INT;
            length = i.length;
        } else if (data instanceof float[] f) {
            type = Type.FLOAT;
            length = f.length;
        } else if (data instanceof double[] d) {
            type = Type.DOUBLE;
            length = d.length;
        } else {
            throw new IllegalArgumentException("not a primitive pixel array: " + data.getClass());
        }
        if (length != format.length()) {
            throw new IllegalArgumentException(length + " values for a frame of " + format.length());
        }
    }

    /** The 0-based index of this frame in its Pixel Data. */
    public int frameIndex() {
        return frameIndex;
    }

    public FrameFormat format() {
        return format;
    }

    public int rows() {
        return format.rows();
    }

    public int columns() {
        return format.columns();
    }

    public int samplesPerPixel() {
        return format.samplesPerPixel();
    }

    public int bitsStored() {
        return format.bitsStored();
    }

    public boolean signed() {
        return format.signed();
    }

    /** The interpretation of the returned values; MONOCHROME1 is flagged here and left to the display. */
    public PhotometricInterpretation photometricInterpretation() {
        return format.photometricInterpretation();
    }

    public Type type() {
        return type;
    }

    /** The number of values: Rows * Columns * SamplesPerPixel. */
    public int length() {
        return format.length();
    }

    /** The array itself (not a copy). */
    public Object data() {
        return data;
    }

    /** The values as bytes; throws {@link IllegalStateException} for another type. */
    public byte[] bytes() {
        return as(Type.BYTE, byte[].class);
    }

    public short[] shorts() {
        return as(Type.SHORT, short[].class);
    }

    public int[] ints() {
        return as(Type.INT, int[].class);
    }

    public float[] floats() {
        return as(Type.FLOAT, float[].class);
    }

    public double[] doubles() {
        return as(Type.DOUBLE, double[].class);
    }

    private <T> T as(Type wanted, Class<T> cls) {
        if (type != wanted) {
            throw new IllegalStateException("frame holds " + type + " values, not " + wanted);
        }
        return cls.cast(data);
    }

    /** Value {@code index} (pixel * SamplesPerPixel + sample) as an integer, unsigned values read as unsigned. */
    public long value(int index) {
        boolean signed = format.signed();
        switch (type) {
            case BYTE:
                byte b = ((byte[]) data)[index];
                return signed ? b : b & 0xFF;
            case SHORT:
                short s = ((short[]) data)[index];
                return signed ? s : s & 0xFFFF;
            case INT:
                int i = ((int[]) data)[index];
                return signed ? i : i & 0xFFFFFFFFL;
            case FLOAT:
                return (long) ((float[]) data)[index];
            default:
                return (long) ((double[]) data)[index];
        }
    }

    /** Value {@code index} as a double. */
    public double doubleValue(int index) {
        switch (type) {
            case FLOAT:
                return ((float[]) data)[index];
            case DOUBLE:
                return ((double[]) data)[index];
            default:
                return value(index);
        }
    }

    /** The value of {@code sample} of the pixel at 0-based {@code row} and {@code column}. */
    public long value(int row, int column, int sample) {
        return value((row * format.columns() + column) * format.samplesPerPixel() + sample);
    }

    @Override
    public String toString() {
        return "frame " + frameIndex + " " + format.rows() + "x" + format.columns() + "x" + format.samplesPerPixel()
                + " " + type + " " + format.photometricInterpretation();
    }
}
