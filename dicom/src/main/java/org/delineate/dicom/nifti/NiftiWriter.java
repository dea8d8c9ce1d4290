package org.delineate.dicom.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.io.AtomicFiles;

/**
 * Writes a {@link NiftiImage} as a single little-endian {@code .nii} or gzipped {@code .nii.gz} file,
 * NIfTI-1 or NIfTI-2, with its header extensions. Stateless and thread-safe.
 *
 * <p>Every header field is written as the image holds it, except those the file layout decides:
 * sizeof_hdr, magic ("n+1"/"n+2"), vox_offset (header, 4 extender bytes and the extensions, a multiple of
 * 16), datatype and bitpix from the image's type, and the byte order. The file is written beside the
 * target under a temporary name and moved into place when complete, so a failure never leaves a partial
 * target and never touches an existing one.
 */
public final class NiftiWriter {

    /** Which header layout to write. */
    public enum Version {
        /** NIfTI-1 unless a value does not fit its 16-bit or float32 fields (e.g. a dim over 32767), then NIfTI-2. */
        AUTO,
        NIFTI1,
        NIFTI2
    }

    private NiftiWriter() {
    }

    /** Writes {@code image} to {@code target} (.nii or .nii.gz) as NIfTI-1 when it fits, else NIfTI-2. */
    public static void write(NiftiImage image, Path target) throws IOException {
        write(image, target, Version.AUTO);
    }

    /**
     * Writes {@code image} to {@code target} in the given layout.
     *
     * @throws IllegalArgumentException when the name does not end in .nii or .nii.gz, or NIfTI-1 was asked
     *     for and a value does not fit it
     */
    public static void write(NiftiImage image, Path target, Version version) throws IOException {
        NiftiHeader h = image.header().toBuilder().dataType(image.dataType()).build();
        write(h, target, version, out -> {
            for (int t = 0; t < image.volumeCount(); t++) {
                out.write(image.sharedVolumeBytes(t));
            }
        });
    }

    /** Writes the voxel bytes of an image, in file order, after the header. */
    @FunctionalInterface
    interface Voxels {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a header and then the voxels {@code voxels} produces (which must match the header's shape and
     * datatype), so that an image can be written without holding all its bytes.
     */
    static void write(NiftiHeader header, Path target, Version version, Voxels voxels) throws IOException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".nii.gz");
        if (!gzip && !name.endsWith(".nii")) {
            throw new IllegalArgumentException("write NIfTI to a .nii or .nii.gz file, not " + target);
        }
        byte[] bytes = header(header, version);
        AtomicFiles.write(target, file -> {
            OutputStream out = gzip ? new GZIPOutputStream(file, 1 << 16) : new BufferedOutputStream(file, 1 << 16);
            out.write(bytes);
            voxels.writeTo(out);
            out.flush();
            if (gzip) {
                out.close(); // NB: finishes the gzip member and frees its deflater; closing twice is harmless
            }
        });
    }

    /**
     * Writes a header and then the byte ranges {@code voxels} of other files, which hold the voxels in file order
     * as the header describes them (little endian). A .nii is copied file to file by the operating system
     * (FileChannel.transferTo); a .nii.gz through a buffer.
     *
     * @throws java.io.EOFException naming the file when a range goes past the end of its file
     */
    static void copy(NiftiHeader header, Path target, Version version, List<BulkData> voxels) throws IOException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii.gz")) {
            write(header, target, version, out -> {
                for (BulkData range : voxels) {
                    range.copyTo(out);
                }
            });
            return;
        }
        if (!name.endsWith(".nii")) {
            throw new IllegalArgumentException("write NIfTI to a .nii or .nii.gz file, not " + target);
        }
        byte[] bytes = header(header, version);
        AtomicFiles.writeChannel(target, out -> {
            ByteBuffer head = ByteBuffer.wrap(bytes);
            while (head.hasRemaining()) {
                out.write(head);
            }
            for (BulkData range : voxels) {
                range.transferTo(out);
            }
        });
    }

    /** The header, extender and extensions as written, vox_offset bytes in all. */
    static byte[] header(NiftiImage image, Version version) {
        return header(image.header().toBuilder().dataType(image.dataType()).build(), version);
    }

    /** The header (whose datatype is set), extender and extensions as written, vox_offset bytes in all. */
    static byte[] header(NiftiHeader h, Version version) {
        int v = version == Version.NIFTI2 ? 2 : 1;
        if (version == Version.AUTO && !fitsNifti1(h)) {
            v = 2;
        }
        List<NiftiExtension> extensions = h.extensions();
        int size = (v == 1 ? NiftiHeaderCodec.NIFTI1_SIZE : NiftiHeaderCodec.NIFTI2_SIZE) + 4;
        for (NiftiExtension e : extensions) {
            size += e.sizeOnDisk();
        }
        int voxOffset = (size + 15) / 16 * 16;
        ByteBuffer out = ByteBuffer.allocate(voxOffset).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NiftiHeaderCodec.encode(h, v, v == 1 ? "n+1" : "n+2", voxOffset));
        out.put((byte) (extensions.isEmpty() ? 0 : 1)).put(new byte[3]);
        for (NiftiExtension e : extensions) {
            byte[] data = e.data();
            out.putInt(e.sizeOnDisk()).putInt(e.code()).put(data).put(new byte[e.sizeOnDisk() - 8 - data.length]);
        }
        return out.array();
    }

    private static boolean fitsNifti1(NiftiHeader h) {
        try {
            NiftiHeaderCodec.encode(h, 1, "n+1", 352);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
