package org.delineate.dicom.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;

import org.delineate.dicom.geometry.PatientCoordinates;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;

/**
 * Converts one 3D volume of a {@link NiftiImage} to a Delineate {@link Volume} (LPS geometry, ImageJ
 * planar samples). The inverse, volumes to an image, is {@link NiftiVolumeWriter}.
 *
 * <p>Samples: uint8 to UINT8; int8 to UINT8 with stored offset 128; int16 to UINT16 with offset 32768;
 * uint16 to UINT16; int32, uint32, int64 and uint64 to UINT16 (offset 0 or 32768) when every value of the
 * volume fits, else FLOAT32; float32, float64 and one channel of complex64/128 to FLOAT32; RGB24 and
 * RGBA32 to RGB (alpha dropped). scl_slope/scl_inter become the modality LUT of every slice (identity
 * when the header has no scaling). The geometry is {@link NiftiAffines#best} converted from RAS to LPS by
 * {@link PatientCoordinates}; NIfTI's (i, j, k) are the volume's (columns, rows, slices).
 */
public final class NiftiVolumes {

    private NiftiVolumes() {
    }

    /**
     * Volume t (0-based over dimensions 4 and 5) of an image; {@code channel} selects real (0) or
     * imaginary (1) of complex data and must be 0 otherwise.
     *
     * @throws NiftiFormatException when the affine is singular or the scaling intercept is not finite
     * @throws IllegalArgumentException when t or channel is out of range
     */
    public static Volume toVolume(NiftiImage image, int t, int channel) throws NiftiFormatException {
        NiftiHeader h = image.header();
        NiftiDataType type = image.dataType();
        if (t < 0 || t >= image.volumeCount()) {
            throw new IllegalArgumentException("volume " + t + " does not exist; the image has " + image.volumeCount());
        }
        boolean complex = type == NiftiDataType.COMPLEX64 || type == NiftiDataType.COMPLEX128;
        if (channel < 0 || channel > (complex ? 1 : 0)) {
            throw new IllegalArgumentException("channel " + channel + " does not exist for " + type
                    + (complex ? " (0 real, 1 imaginary)" : " (only 0)"));
        }
        int[] s = image.volumeShape();
        Volume.Builder b = Volume.builder().geometry(geometry(h));
        ModalityLut lut = ModalityLut.IDENTITY;
        if (h.hasScaling() && type.channels() != 3 && type.channels() != 4) {
            if (!Double.isFinite(h.sclInter())) {
                throw new NiftiFormatException("NIfTI image", h.version() == 1 ? 116 : 184, "scl_inter", "found "
                        + h.sclInter() + " with scl_slope " + h.sclSlope() + "; expected a finite intercept");
            }
            lut = new ModalityLut(h.sclSlope(), h.sclInter(), "");
        }
        b.modalityLut(lut);
        ByteBuffer data = ByteBuffer.wrap(image.sharedVolumeBytes(t)).order(ByteOrder.LITTLE_ENDIAN);
        int plane = s[0] * s[1];
        switch (type) {
            case UINT8: case INT8: {
                PlanarImg<?, ?> img = PlanarImgs.unsignedBytes(s[0], s[1], s[2]);
                int flip = type == NiftiDataType.INT8 ? 0x80 : 0;
                for (int k = 0; k < s[2]; k++) {
                    byte[] p = (byte[]) array(img, k);
                    for (int n = 0; n < plane; n++) {
                        p[n] = (byte) (data.get(k * plane + n) ^ flip);
                    }
                }
                return b.image(img, SampleType.UINT8, flip).build();
            }
            case INT16: case UINT16: {
                PlanarImg<?, ?> img = PlanarImgs.unsignedShorts(s[0], s[1], s[2]);
                int flip = type == NiftiDataType.INT16 ? 0x8000 : 0;
                for (int k = 0; k < s[2]; k++) {
                    short[] p = (short[]) array(img, k);
                    for (int n = 0; n < plane; n++) {
                        p[n] = (short) (data.getShort(2 * (k * plane + n)) ^ flip);
                    }
                }
                return b.image(img, SampleType.UINT16, flip).build();
            }
            case RGB24: case RGBA32: {
                PlanarImg<?, ?> img = PlanarImgs.argbs(s[0], s[1], s[2]);
                int step = type.bytesPerVoxel();
                for (int k = 0; k < s[2]; k++) {
                    int[] p = (int[]) array(img, k);
                    for (int n = 0; n < plane; n++) {
                        int at = step * (k * plane + n);
                        p[n] = (data.get(at) & 0xFF) << 16 | (data.get(at + 1) & 0xFF) << 8 | data.get(at + 2) & 0xFF;
                    }
                }
                if (type == NiftiDataType.RGBA32) {
                    b.note("NIfTI RGBA32: the alpha channel is not kept in the volume");
                }
                return b.image(img, SampleType.RGB, 0).build();
            }
            default:
                return numeric(image, t, channel, s, b);
        }
    }

    private static Volume numeric(NiftiImage image, int t, int channel, int[] s, Volume.Builder b) {
        NiftiDataType type = image.dataType();
        long voxels = (long) s[0] * s[1] * s[2];
        int plane = s[0] * s[1];
        boolean integer = type == NiftiDataType.INT32 || type == NiftiDataType.UINT32 || type == NiftiDataType.INT64
                || type == NiftiDataType.UINT64;
        if (integer) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (long n = 0; n < voxels; n++) {
                double v = image.value(t, n, 0);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            // NB: integer labels and counts stored in 32/64 bits usually fit 16 bits; keep them exact
            // there instead of making every such image float.
            int offset = min >= 0 && max <= 0xFFFF ? 0 : min >= Short.MIN_VALUE && max <= Short.MAX_VALUE ? 0x8000 : -1;
            if (offset >= 0) {
                PlanarImg<?, ?> img = PlanarImgs.unsignedShorts(s[0], s[1], s[2]);
                for (int k = 0; k < s[2]; k++) {
                    short[] p = (short[]) array(img, k);
                    for (int n = 0; n < plane; n++) {
                        p[n] = (short) ((long) image.value(t, (long) k * plane + n, 0) + offset);
                    }
                }
                return b.image(img, SampleType.UINT16, offset).build();
            }
            if (Math.max(-min, max) > (1 << 24)) {
                b.note("NIfTI " + type + ": values beyond +-2^24 are rounded to float32");
            }
        } else if (type == NiftiDataType.FLOAT64 || type == NiftiDataType.COMPLEX128) {
            b.note("NIfTI " + type + ": values rounded to float32");
        }
        PlanarImg<?, ?> img = PlanarImgs.floats(s[0], s[1], s[2]);
        for (int k = 0; k < s[2]; k++) {
            float[] p = (float[]) array(img, k);
            for (int n = 0; n < plane; n++) {
                p[n] = (float) image.value(t, (long) k * plane + n, channel);
            }
        }
        return b.image(img, SampleType.FLOAT32, 0).build();
    }

    /** The header's best affine as an LPS {@link VolumeGeometry}. */
    public static VolumeGeometry geometry(NiftiHeader h) throws NiftiFormatException {
        double[][] ras = NiftiAffines.best(h);
        try {
            return VolumeGeometry.ofLpsAffine(PatientCoordinates.rasToLps(ras));
        } catch (IllegalArgumentException e) {
            String source = NiftiAffines.bestSource(h);
            long offset = source.equals("sform") ? (h.version() == 1 ? 280 : 400)
                    : source.equals("qform") ? (h.version() == 1 ? 256 : 352) : (h.version() == 1 ? 76 : 104);
            String field = source.equals("sform") ? "srow_x" : source.equals("qform") ? "quatern_b" : "pixdim";
            throw new NiftiFormatException("NIfTI image", offset, field, "the " + source + " " + java.util.Arrays.deepToString(ras)
                    + " is not a usable voxel-to-world map (" + e.getMessage() + "); expected 3 independent steps", e);
        }
    }

    static Object array(PlanarImg<?, ?> img, int k) {
        return ((net.imglib2.img.basictypeaccess.array.ArrayDataAccess<?>) img.getPlane(k)).getCurrentStorageArray();
    }
}
