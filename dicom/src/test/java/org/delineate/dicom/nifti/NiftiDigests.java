package org.delineate.dicom.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The data digests nibabel_dump.py computes, computed from our model. */
final class NiftiDigests {

    private NiftiDigests() {
    }

    /** sha256 of the unscaled data, little-endian, i fastest, volumes in order. */
    static String raw(NiftiImage image) {
        MessageDigest md = sha256();
        for (int t = 0; t < image.volumeCount(); t++) {
            md.update(image.volumeBytes(t));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** sha256 of the scaled values as little-endian float32 (nibabel: get_fdata().astype('<f4')). */
    static String scaledFloat32(NiftiImage image) {
        MessageDigest md = sha256();
        long perVolume = NiftiImage.volumeVoxels(image.shape());
        ByteBuffer buf = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < image.volumeCount(); t++) {
            for (long n = 0; n < perVolume; n++) {
                buf.putFloat((float) image.scaledValue(t, n, 0));
                if (!buf.hasRemaining()) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
