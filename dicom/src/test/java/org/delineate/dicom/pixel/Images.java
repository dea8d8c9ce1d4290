package org.delineate.dicom.pixel;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.TransferSyntax;

/** Builds small in-memory images for the pixel tests. */
final class Images {

    private Images() {
    }

    /** An Image Pixel module: rows, columns, samples, BitsAllocated/Stored/HighBit, PixelRepresentation, frames. */
    static DataSet pixelModule(int rows, int columns, int samples, int allocated, int stored, int highBit,
            int representation, String photometric, int frames) {
        return pixelModule(new DataSet(), rows, columns, samples, allocated, stored, highBit, representation,
                photometric, frames);
    }

    /** {@link #pixelModule(int, int, int, int, int, int, int, String, int)} into {@code ds} (e.g. a big-endian one). */
    static DataSet pixelModule(DataSet ds, int rows, int columns, int samples, int allocated, int stored, int highBit,
            int representation, String photometric, int frames) {
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, columns);
        ds.setInts(Tag.SamplesPerPixel, VR.US, samples);
        ds.setInts(Tag.BitsAllocated, VR.US, allocated);
        ds.setInts(Tag.BitsStored, VR.US, stored);
        ds.setInts(Tag.HighBit, VR.US, highBit);
        ds.setInts(Tag.PixelRepresentation, VR.US, representation);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        if (samples > 1) {
            ds.setInts(Tag.PlanarConfiguration, VR.US, 0);
        }
        if (frames != 1) {
            ds.setLongs(Tag.NumberOfFrames, VR.IS, frames);
        }
        return ds;
    }

    /** A file in Explicit VR Little Endian with native Pixel Data (VR OW, or OB for 1 and 8 bits). */
    static DicomFile nativeFile(DataSet ds, byte[] pixels) {
        VR vr = ds.getInt(Tag.BitsAllocated, 16) <= 8 ? VR.OB : VR.OW;
        ds.put(DataElement.of(Tag.PixelData, vr, pixels));
        return DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** A file in {@code uid} whose Pixel Data has the given Basic Offset Table and fragments. */
    static DicomFile encapsulatedFile(DataSet ds, String uid, byte[] offsetTable, byte[]... fragments) {
        Fragments f = new Fragments().add(offsetTable);
        for (byte[] fragment : fragments) {
            f.add(fragment);
        }
        ds.put(DataElement.of(Tag.PixelData, VR.OB, f));
        return DicomFile.of(ds, TransferSyntax.of(uid));
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Little-endian 16-bit words. */
    static byte[] words(int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            b[2 * i] = (byte) values[i];
            b[2 * i + 1] = (byte) (values[i] >> 8);
        }
        return b;
    }

    /** Little-endian 32-bit values. */
    static byte[] longs(long... values) {
        byte[] b = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (values[i] >> (8 * k));
            }
        }
        return b;
    }
}
