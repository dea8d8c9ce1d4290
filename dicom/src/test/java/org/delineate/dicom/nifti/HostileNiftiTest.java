package org.delineate.dicom.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and hostile headers give a NiftiFormatException naming file, byte offset and field; never an OutOfMemoryError. */
class HostileNiftiTest {

    @TempDir
    Path tmp;

    /** A valid 4x3x2 uint8 .nii (NIfTI-1 or 2), its header edited by {@code edit}, optionally gzipped. */
    private Path file(String name, int version, Consumer<ByteBuffer> edit, boolean gzip) throws IOException {
        return file(name, version, edit, gzip, List.of());
    }

    private Path file(String name, int version, Consumer<ByteBuffer> edit, boolean gzip, List<NiftiExtension> extensions)
            throws IOException {
        NiftiHeader h = NiftiHeader.builder().shape(4, 3, 2).dataType(NiftiDataType.UINT8).extensions(extensions).build();
        NiftiImage image = NiftiImage.of(h, List.of(new byte[24]));
        byte[] header = NiftiWriter.header(image, version == 1 ? NiftiWriter.Version.NIFTI1 : NiftiWriter.Version.NIFTI2);
        ByteBuffer buf = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(buf);
        Path p = tmp.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(header);
            out.write(new byte[24]);
        }
        return p;
    }

    private void assertRefused(Path file, String message) {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file));
        assertEquals(file + ": " + message, e.getMessage());
    }

    @Test
    void hugeDimsAreRefusedBeforeAllocating() throws IOException {
        Path p = file("huge.nii", 1, b -> b.putShort(42, (short) 32767).putShort(44, (short) 32767).putShort(46, (short) 32767)
                .putShort(70, (short) 64), false);
        assertRefused(p, "at byte 40, dim: sizes [32767, 32767, 32767] of FLOAT64 make a 3D volume over 2 GiB; expected less");
        Path two = file("huge2.nii", 2, b -> b.putLong(24, 1L << 40), false);
        assertRefused(two, "at byte 16, dim: sizes [1099511627776, 3, 2] of UINT8 make a 3D volume over 2 GiB; expected less");
    }

    @Test
    void dataLargerThanTheFileIsRefused() throws IOException {
        Path p = file("big.nii", 1, b -> b.putShort(42, (short) 1000).putShort(44, (short) 1000), false);
        assertRefused(p, "at byte 352, dim: sizes [1000, 1000, 2] of UINT8 need 2000000 bytes from vox_offset 352, but the"
                + " file has 376 bytes");
    }

    /** 30000 x 16000 x 2 bytes = 0.96 GB claimed by a gzip stream of a few hundred bytes: read what inflates, then stop. */
    @Test
    void gzipDataIsCheckedAgainstWhatInflates() throws IOException {
        Path p = file("big.nii.gz", 1, b -> b.putShort(42, (short) 30000).putShort(44, (short) 16000), true);
        assertRefused(p, "at byte 376, dim: the data ends in volume 0 after 24 of 960000000 bytes that sizes"
                + " [30000, 16000, 2] of UINT8 need");
        Path many = file("many.nii.gz", 1, b -> b.putShort(40, (short) 4).putShort(48, (short) 32767), true);
        assertRefused(many, "at byte 376, dim: the data ends in volume 1 after 24 of 786408 bytes that sizes"
                + " [4, 3, 2, 32767] of UINT8 need");
    }

    @Test
    void voxOffsetPastTheEndIsRefused() throws IOException {
        Path p = file("offset.nii", 1, b -> b.putFloat(108, 1e6f), false);
        assertRefused(p, "at byte 1000000, dim: sizes [4, 3, 2] of UINT8 need 24 bytes from vox_offset 1000000, but the"
                + " file has 376 bytes");
        Path gz = file("offset.nii.gz", 2, b -> b.putLong(168, 1_000_000), true);
        assertRefused(gz, "at byte 568, vox_offset: the file ends before vox_offset 1000000");
        Path low = file("low.nii", 1, b -> b.putFloat(108, 100), false);
        assertRefused(low, "at byte 108, vox_offset: found 100; expected at least 348 (the header) for a single-file image");
        Path fraction = file("fraction.nii", 1, b -> b.putFloat(108, 352.5f), false);
        assertRefused(fraction, "at byte 108, vox_offset: found 352.5; expected a whole number of bytes >= 0");
        Path negative = file("negative.nii", 2, b -> b.putLong(168, -1), false);
        assertRefused(negative, "at byte 168, vox_offset: found -1; expected >= 0");
    }

    @Test
    void negativeAndTooManyDimsAreRefused() throws IOException {
        assertRefused(file("neg.nii", 1, b -> b.putShort(44, (short) -5), false),
                "at byte 44, dim[2]: found -5; expected a size >= 1");
        assertRefused(file("neg2.nii", 2, b -> b.putLong(32, -5), false),
                "at byte 32, dim[2]: found -5; expected a size >= 1");
        assertRefused(file("dim0.nii", 1, b -> b.putShort(40, (short) 9), false),
                "at byte 40, dim[0]: found 9; expected 1 to 7 dimensions");
        assertRefused(file("six.nii", 1, b -> b.putShort(40, (short) 6).putShort(52, (short) 2), false),
                "at byte 52, dim[6]: found 2; images of more than 5 dimensions are not read (expected 1)");
    }

    @Test
    void unsupportedDatatypeIsRefused() throws IOException {
        assertRefused(file("float128.nii", 1, b -> b.putShort(70, (short) 1536), false), "at byte 70, datatype: found 1536;"
                + " expected one of uint8 2, int16 4, int32 8, float32 16, complex64 32, float64 64, RGB24 128, int8 256,"
                + " uint16 512, uint32 768, int64 1024, uint64 1280, complex128 1792, RGBA32 2304");
    }

    @Test
    void notNiftiIsRefused() throws IOException {
        assertRefused(file("size.nii", 1, b -> b.putInt(0, 349), false), "at byte 0, sizeof_hdr: found 349 (little-endian)"
                + " or 1560346624 (big-endian); expected 348 (NIfTI-1) or 540 (NIfTI-2)");
        assertRefused(file("magic.nii", 1, b -> b.put(344, (byte) 'x'), false),
                "at byte 344, magic: found \"x+1\"; expected \"n+1\" or \"ni1\"");
        assertRefused(file("eol.nii", 2, b -> b.put(9, (byte) '\r'), false),
                "at byte 9, magic: found byte 13; expected the check bytes \\r \\n \\032 \\n (was the file transferred as text?)");
        Path truncated = tmp.resolve("truncated.nii");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file("t.nii", 1, b -> { }, false)), 200));
        assertRefused(truncated, "at byte 200, header: the file ends after 200 bytes; expected 148 more");
        Path corrupt = tmp.resolve("corrupt.nii.gz");
        byte[] gz = Files.readAllBytes(file("c.nii.gz", 1, b -> { }, true));
        for (int i = 20; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF;
        }
        Files.write(corrupt, gz);
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(corrupt));
        assertEquals(corrupt + ": at byte 4, header: the gzip stream is corrupt or truncated (EOFException)", e.getMessage());
    }

    @Test
    void extensionsLargerThanTheirRoomAreRefused() throws IOException {
        List<NiftiExtension> one = List.of(new NiftiExtension(6, new byte[8]));
        Path p = file("ext.nii", 1, b -> b.putInt(352, 1 << 30), false, one);
        assertRefused(p, "at byte 352, esize: found 1073741824; expected 8 to 16 (the room before vox_offset 368)");
        Path small = file("ext0.nii", 1, b -> b.putInt(352, 0), false, one);
        assertRefused(small, "at byte 352, esize: found 0; expected 8 to 16 (the room before vox_offset 368)");
    }

    @Test
    void missingImgOfAPairIsNamed() throws IOException {
        Path hdr = file("pair.hdr", 1, b -> b.put(345, (byte) 'i'), false);
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> NiftiReader.read(hdr));
        assertEquals(tmp.resolve("pair.img") + ": the other half of the NIfTI pair pair.hdr is missing", e.getMessage());
        assertEquals("ni1", NiftiReader.readHeader(hdr).magic());
    }

    @Test
    void analyzeHeaderIsRefused() throws IOException {
        assertRefused(file("analyze.hdr", 1, b -> b.putInt(344, 0), false), "at byte 344, magic: found empty, an Analyze 7.5"
                + " header (not read: save it as NIfTI); expected \"n+1\" or \"ni1\"");
    }

    /** A refused write leaves neither the target nor a temporary file; a good one leaves only the target. */
    @Test
    void writesAreAllOrNothing() throws IOException {
        NiftiImage wide = NiftiImage.of(NiftiHeader.builder().shape(40000, 1, 1).dataType(NiftiDataType.UINT8).build(),
                List.of(new byte[40000]));
        Path target = tmp.resolve("out").resolve("wide.nii");
        Files.createDirectories(target.getParent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NiftiWriter.write(wide, target, NiftiWriter.Version.NIFTI1));
        assertEquals("dim[1] = 40000 does not fit NIfTI-1's 16-bit field; write NIfTI-2", e.getMessage());
        assertFalse(Files.exists(target));
        NiftiWriter.write(wide, target);
        assertEquals(2, NiftiReader.readHeader(target).version());
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
        assertThrows(IllegalArgumentException.class, () -> NiftiWriter.write(wide, tmp.resolve("wide.img")));
    }
}
