package org.delineate.dicom.pixel;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;

/**
 * The Image Pixel Description attributes (PS3.3 C.7.6.3) that say how to read Pixel Data, validated.
 * Immutable and thread-safe.
 *
 * <p>Also describes Float Pixel Data (7FE0,0008) and Double Float Pixel Data (7FE0,0009), for which
 * BitsStored, HighBit and PixelRepresentation are absent and taken as BitsAllocated, BitsAllocated - 1
 * and 1 (signed).
 */
public final class PixelDescription {

    private final int pixelDataTag;
    private final int rows;
    private final int columns;
    private final int samplesPerPixel;
    private final int bitsAllocated;
    private final int bitsStored;
    private final int highBit;
    private final int pixelRepresentation;
    private final PhotometricInterpretation photometricInterpretation;
    private final int planarConfiguration;
    private final int numberOfFrames;

    private PixelDescription(DataSet ds, String source, int pixelDataTag) throws DicomFormatException {
        this.pixelDataTag = pixelDataTag;
        boolean floating = pixelDataTag != Tag.PixelData;
        rows = required(ds, source, Tag.Rows, 1, 65535);
        columns = required(ds, source, Tag.Columns, 1, 65535);
        samplesPerPixel = required(ds, source, Tag.SamplesPerPixel, 1, 4);
        String pi = ds.getString(Tag.PhotometricInterpretation);
        if (pi == null) {
            throw error(source, Tag.PhotometricInterpretation, "missing; expected e.g. MONOCHROME2 or RGB");
        }
        photometricInterpretation = PhotometricInterpretation.of(pi).orElseThrow(() -> error(source,
                Tag.PhotometricInterpretation, "found \"" + pi.trim() + "\", expected one of PS3.3 C.7.6.3.1.2"));
        if (photometricInterpretation.samplesPerPixel() != samplesPerPixel) {
            throw error(source, Tag.SamplesPerPixel, "found " + samplesPerPixel + ", expected "
                    + photometricInterpretation.samplesPerPixel() + " for PhotometricInterpretation " + pi.trim());
        }
        bitsAllocated = required(ds, source, Tag.BitsAllocated, 1, 64);
        int[] allowed = floating ? new int[] {pixelDataTag == Tag.FloatPixelData ? 32 : 64} : new int[] {1, 8, 16, 32};
        if (!contains(allowed, bitsAllocated)) {
            throw error(source, Tag.BitsAllocated, "found " + bitsAllocated + ", expected "
                    + (floating ? allowed[0] : "1, 8, 16 or 32"));
        }
        if (bitsAllocated == 1 && samplesPerPixel != 1) {
            throw error(source, Tag.SamplesPerPixel, "found " + samplesPerPixel + ", expected 1 with BitsAllocated 1");
        }
        if (floating) {
            bitsStored = bitsAllocated;
            highBit = bitsAllocated - 1;
            pixelRepresentation = 1;
        } else {
            bitsStored = required(ds, source, Tag.BitsStored, 1, bitsAllocated);
            // NB: tolerant on read: a missing HighBit is taken as BitsStored - 1, its only sensible value.
            highBit = ds.getInt(Tag.HighBit, bitsStored - 1);
            if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
                throw error(source, Tag.HighBit, "found " + highBit + ", expected from BitsStored - 1 = "
                        + (bitsStored - 1) + " to BitsAllocated - 1 = " + (bitsAllocated - 1));
            }
            pixelRepresentation = required(ds, source, Tag.PixelRepresentation, 0, 1);
        }
        int planar = ds.getInt(Tag.PlanarConfiguration, 0);
        if (samplesPerPixel > 1 && planar != 0 && planar != 1) {
            throw error(source, Tag.PlanarConfiguration, "found " + planar + ", expected 0 or 1");
        }
        planarConfiguration = samplesPerPixel > 1 ? planar : 0;
        // NB: NumberOfFrames 0 (written by some converters) is read as 1, like absent.
        int frames = ds.getInt(Tag.NumberOfFrames, 1);
        if (frames < 0) {
            throw error(source, Tag.NumberOfFrames, "found " + frames + ", expected 1 or more");
        }
        numberOfFrames = Math.max(frames, 1);
    }

    /**
     * The description of the Pixel Data (or Float / Double Float Pixel Data) of {@code ds}.
     *
     * @param ds the data set holding the Image Pixel module
     * @param source the file name for messages, or null
     * @throws DicomFormatException naming the attribute when one is missing or out of range
     */
    public static PixelDescription of(DataSet ds, String source) throws DicomFormatException {
        int tag = ds.contains(Tag.PixelData) ? Tag.PixelData
                : ds.contains(Tag.FloatPixelData) ? Tag.FloatPixelData
                : ds.contains(Tag.DoubleFloatPixelData) ? Tag.DoubleFloatPixelData : Tag.PixelData;
        return new PixelDescription(ds, source == null ? "<data set>" : source, tag);
    }

    /** {@link #of(DataSet, String)} without a file name. */
    public static PixelDescription of(DataSet ds) throws DicomFormatException {
        return of(ds, null);
    }

    private static int required(DataSet ds, String source, int tag, int min, int max) throws DicomFormatException {
        DataElement e = ds.get(tag);
        long[] values = e == null || !e.hasBytes() ? new long[0] : ds.getLongs(tag);
        if (values.length == 0) {
            throw error(source, tag, "missing or empty; expected a value from " + min + " to " + max);
        }
        if (values[0] < min || values[0] > max) {
            throw error(source, tag, "found " + values[0] + ", expected " + min + " to " + max);
        }
        return (int) values[0];
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    static DicomFormatException error(String source, int tag, String problem) {
        return new DicomFormatException(source, -1, tag, problem);
    }

    /** The tag of the pixel element: PixelData, FloatPixelData or DoubleFloatPixelData. */
    public int pixelDataTag() {
        return pixelDataTag;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public int bitsAllocated() {
        return bitsAllocated;
    }

    public int bitsStored() {
        return bitsStored;
    }

    public int highBit() {
        return highBit;
    }

    /** 0 for unsigned integers, 1 for two's complement. */
    public int pixelRepresentation() {
        return pixelRepresentation;
    }

    /** True for two's complement samples (PixelRepresentation 1) and for floating point Pixel Data. */
    public boolean signed() {
        return pixelRepresentation == 1;
    }

    /** True for Float or Double Float Pixel Data. */
    public boolean floatingPoint() {
        return pixelDataTag != Tag.PixelData;
    }

    public PhotometricInterpretation photometricInterpretation() {
        return photometricInterpretation;
    }

    /** 0 for color-by-pixel (R1G1B1R2...), 1 for color-by-plane (R1R2...G1G2...); 0 for one sample. */
    public int planarConfiguration() {
        return planarConfiguration;
    }

    /** NumberOfFrames, 1 when absent or 0. */
    public int numberOfFrames() {
        return numberOfFrames;
    }

    /** Rows * Columns. */
    public int pixelsPerFrame() {
        return rows * columns;
    }

    /**
     * The bits one native (uncompressed) frame occupies: Rows * Columns * SamplesPerPixel * BitsAllocated,
     * or two samples per pixel for YBR_FULL_422, whose Cb and Cr are shared by two pixels.
     */
    public long nativeFrameBits() {
        long samples = photometricInterpretation == PhotometricInterpretation.YBR_FULL_422
                ? 2L * pixelsPerFrame() : (long) pixelsPerFrame() * samplesPerPixel;
        return samples * bitsAllocated;
    }

    /** The bytes all native frames occupy, without the padding to even length; 1-bit frames are not byte aligned. */
    public long nativeLength() {
        return (nativeFrameBits() * numberOfFrames + 7) / 8;
    }

    /**
     * Checks that native Pixel Data of {@code actual} bytes holds all frames.
     *
     * @throws DicomFormatException with the actual and expected lengths when it is too short
     */
    public void checkNativeLength(long actual, String source) throws DicomFormatException {
        if (actual < nativeLength()) {
            throw error(source, pixelDataTag, "value is " + actual + " bytes, expected at least " + nativeLength()
                    + " = Rows " + rows + " * Columns " + columns + " * " + (nativeFrameBits() / bitsAllocated
                    / pixelsPerFrame()) + " samples * BitsAllocated " + bitsAllocated + " / 8 * NumberOfFrames "
                    + numberOfFrames);
        }
    }

    @Override
    public String toString() {
        return rows + "x" + columns + "x" + numberOfFrames + " " + photometricInterpretation + " samples "
                + samplesPerPixel + " bits " + bitsAllocated + "/" + bitsStored + "/" + highBit
                + (signed() ? " signed" : " unsigned") + (planarConfiguration == 1 ? " planar" : "");
    }
}
