package org.delineate.dicom.nifti;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads NIfTI-1 and NIfTI-2 images: {@code .nii}, {@code .nii.gz}, and {@code .hdr}/{@code .img} pairs
 * (either part may be gzipped), in either byte order, with their header extensions. Stateless and
 * thread-safe. Files are only read, never modified.
 *
 * <p>Gzip is recognised by its magic bytes, not the name. Malformed or hostile input gives a
 * {@link NiftiFormatException} naming file, byte offset and field; nothing is allocated for voxel data
 * before the file (or, for gzip, the inflated stream) has shown that the data exists. Analyze 7.5 headers
 * (no NIfTI magic) are refused.
 */
public final class NiftiReader {

    private static final int MAX_VOLUME_BYTES = Integer.MAX_VALUE - 8;

    private NiftiReader() {
    }

    /** The header and extensions of a NIfTI file (for a pair, of its .hdr); the voxel data is not read. */
    public static NiftiHeader readHeader(Path file) throws IOException {
        Path headerFile = headerFileOf(file);
        try (Input in = Input.open(headerFile)) {
            return readHeader(in, headerFile);
        }
    }

    /** The header, extensions and voxel data of a NIfTI image given by its .nii, .hdr or .img file. */
    public static NiftiImage read(Path file) throws IOException {
        Path headerFile = headerFileOf(file);
        try (Input in = Input.open(headerFile)) {
            NiftiHeader header = readHeader(in, headerFile);
            checkDataFields(header, headerFile.toString());
            if (isSingle(header)) {
                return readData(header, in, headerFile);
            }
            Path dataFile = dataFileOf(headerFile);
            try (Input data = Input.open(dataFile)) {
                return readData(header, data, dataFile);
            }
        }
    }

    private static boolean isSingle(NiftiHeader h) {
        return h.magic().startsWith("n+");
    }

    private static NiftiHeader readHeader(Input in, Path file) throws IOException {
        String source = file.toString();
        byte[] first = in.read(4, "sizeof_hdr", false);
        NiftiHeaderCodec.Layout layout = NiftiHeaderCodec.detect(first, source);
        byte[] rest = in.read(layout.size() - 4, "header", false);
        byte[] all = new byte[layout.size()];
        System.arraycopy(first, 0, all, 0, 4);
        System.arraycopy(rest, 0, all, 4, rest.length);
        NiftiHeader header = NiftiHeaderCodec.decode(all, source);
        boolean single = isSingle(header);
        if (single && header.voxOffset() < layout.size()) {
            throw new NiftiFormatException(source, voxOffsetField(header), "vox_offset", "found " + header.voxOffset()
                    + "; expected at least " + layout.size() + " (the header) for a single-file image");
        }
        byte[] extender = in.read(4, "extension", true);
        if (extender.length < 4 || extender[0] == 0) {
            return header;
        }
        List<NiftiExtension> extensions = new ArrayList<>();
        // NB: as nibabel: in a .nii, extensions fill the space up to vox_offset (stop below 16 bytes left);
        // in a .hdr they run to the end of the file.
        while (true) {
            long left = single ? header.voxOffset() - in.position() : Long.MAX_VALUE;
            if (left < 16) {
                break;
            }
            long at = in.position();
            byte[] code = in.read(8, "esize", !single);
            if (code.length == 0) {
                break;
            }
            if (code.length < 8) {
                throw new NiftiFormatException(source, at, "esize", "the file ends inside an extension header");
            }
            ByteBuffer buf = ByteBuffer.wrap(code).order(header.byteOrder());
            int esize = buf.getInt(0);
            if (esize < 8 || esize - 8 > left - 8) {
                throw new NiftiFormatException(source, at, "esize", "found " + esize + "; expected 8 to " + Math.min(left,
                        Integer.MAX_VALUE) + (single ? " (the room before vox_offset " + header.voxOffset() + ")" : ""));
            }
            byte[] data = in.read(esize - 8, "edata", false);
            extensions.add(new NiftiExtension(buf.getInt(4), data));
        }
        return header.toBuilder().extensions(extensions).build();
    }

    private static void checkDataFields(NiftiHeader h, String source) throws NiftiFormatException {
        boolean v1 = h.version() == 1;
        NiftiDataType type = h.dataType();
        if (type == null) {
            throw new NiftiFormatException(source, v1 ? 70 : 12, "datatype", "found " + h.datatype()
                    + "; expected one of uint8 2, int16 4, int32 8, float32 16, complex64 32, float64 64, RGB24 128, "
                    + "int8 256, uint16 512, uint32 768, int64 1024, uint64 1280, complex128 1792, RGBA32 2304");
        }
        long[] dim = h.dim();
        if (dim[0] < 1 || dim[0] > 7) {
            throw new NiftiFormatException(source, v1 ? 40 : 16, "dim[0]", "found " + dim[0] + "; expected 1 to 7 dimensions");
        }
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw new NiftiFormatException(source, (v1 ? 40 + 2 * i : 16 + 8 * i), "dim[" + i + "]", "found " + dim[i]
                        + "; expected a size >= 1");
            }
            if (i >= 6 && dim[i] > 1) {
                throw new NiftiFormatException(source, (v1 ? 40 + 2 * i : 16 + 8 * i), "dim[" + i + "]", "found " + dim[i]
                        + "; images of more than 5 dimensions are not read (expected 1)");
            }
        }
        long voxels = h.voxelCount();
        long perVolume = NiftiImage.volumeVoxels(h.shape());
        if (voxels < 0 || perVolume > MAX_VOLUME_BYTES / type.bytesPerVoxel()
                || voxels > Long.MAX_VALUE / type.bytesPerVoxel()) {
            throw new NiftiFormatException(source, v1 ? 40 : 16, "dim", "sizes " + java.util.Arrays.toString(h.shape())
                    + " of " + type + " make a 3D volume over 2 GiB; expected less");
        }
    }

    private static NiftiImage readData(NiftiHeader h, Input in, Path file) throws IOException {
        String source = file.toString();
        NiftiDataType type = h.dataType();
        long[] shape = h.shape();
        int volumeBytes = (int) (NiftiImage.volumeVoxels(shape) * type.bytesPerVoxel());
        long count = NiftiImage.volumeCount(shape);
        long total = volumeBytes * count;
        if (in.position() > h.voxOffset()) {
            throw new NiftiFormatException(source, voxOffsetField(h), "vox_offset", "found " + h.voxOffset()
                    + "; expected at least " + in.position() + ", the end of the header and its extensions");
        }
        if (!in.gzipped()) {
            long size = Files.size(file);
            if (h.voxOffset() > size || size - h.voxOffset() < total) {
                throw new NiftiFormatException(source, h.voxOffset(), "dim", "sizes " + java.util.Arrays.toString(shape)
                        + " of " + type + " need " + total + " bytes from vox_offset " + h.voxOffset()
                        + ", but the file has " + size + " bytes");
            }
        }
        in.skipTo(h.voxOffset(), source);
        List<byte[]> volumes = new ArrayList<>((int) Math.min(count, 1 << 16));
        for (long t = 0; t < count; t++) {
            long at = in.position();
            // NB: for gzip, readNBytes grows its buffer with what actually inflates, so a hostile dim cannot
            // allocate more than the stream holds.
            byte[] bytes = in.read(volumeBytes, "voxel data", true);
            if (bytes.length < volumeBytes) {
                throw new NiftiFormatException(source, at + bytes.length, "dim", "the data ends in volume " + t + " after "
                        + (at + bytes.length - h.voxOffset()) + " of " + total + " bytes that sizes "
                        + java.util.Arrays.toString(shape) + " of " + type + " need");
            }
            if (h.byteOrder() == ByteOrder.BIG_ENDIAN) {
                swap(bytes, type.bytesPerValue());
            }
            volumes.add(bytes);
        }
        return NiftiImage.owning(h, volumes);
    }

    private static void swap(byte[] b, int width) {
        for (int i = 0; i + width <= b.length; i += width) {
            for (int lo = i, hi = i + width - 1; lo < hi; lo++, hi--) {
                byte tmp = b[lo];
                b[lo] = b[hi];
                b[hi] = tmp;
            }
        }
    }

    private static long voxOffsetField(NiftiHeader h) {
        return h.version() == 1 ? 108 : 168;
    }

    /** For a .img or .img.gz, its .hdr; otherwise the file itself. */
    static Path headerFileOf(Path file) throws NoSuchFileException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".img") || lower.endsWith(".img.gz")) {
            String stem = name.substring(0, lower.lastIndexOf(".img"));
            return partner(file, stem, ".hdr", lower.endsWith(".gz"));
        }
        return file;
    }

    private static Path dataFileOf(Path headerFile) throws NoSuchFileException {
        String name = headerFile.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int dot = lower.lastIndexOf(".hdr");
        if (dot < 0) {
            throw new NoSuchFileException(headerFile.toString(), null,
                    "the header says \"ni1\"/\"ni2\" (data in a separate .img) but the file is not named .hdr");
        }
        return partner(headerFile, name.substring(0, dot), ".img", lower.endsWith(".gz"));
    }

    private static Path partner(Path file, String stem, String extension, boolean gzipFirst) throws NoSuchFileException {
        String upper = extension.toUpperCase(java.util.Locale.ROOT);
        String[] plain = {stem + extension, stem + upper};
        String[] gzip = {stem + extension + ".gz", stem + upper + ".GZ", stem + upper + ".gz"};
        List<String> names = new ArrayList<>(List.of(gzipFirst ? gzip : plain));
        names.addAll(List.of(gzipFirst ? plain : gzip));
        for (String n : names) {
            Path p = file.resolveSibling(n);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new NoSuchFileException(file.resolveSibling(names.get(0)).toString(), null,
                "the other half of the NIfTI pair " + file.getFileName() + " is missing");
    }

    /** A sequential input that knows its position and whether it is gzipped. */
    private static final class Input implements AutoCloseable {
        private final InputStream in;
        private final boolean gzipped;
        private final String source;
        private long position;

        private Input(InputStream in, boolean gzipped, String source) {
            this.in = in;
            this.gzipped = gzipped;
            this.source = source;
        }

        static Input open(Path file) throws IOException {
            BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            boolean gz = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new Input(in, gz, file.toString());
        }

        boolean gzipped() {
            return gzipped;
        }

        long position() {
            return position;
        }

        /** Up to n bytes; fewer only at the end of the data and only when {@code shortOk}. */
        byte[] read(int n, String field, boolean shortOk) throws IOException {
            byte[] bytes;
            try {
                bytes = in.readNBytes(n);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new NiftiFormatException(source, position, field, "the gzip stream is corrupt or truncated ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
            }
            position += bytes.length;
            if (bytes.length < n && !shortOk) {
                throw new NiftiFormatException(source, position, field, "the file ends after " + position + " bytes; expected "
                        + (n - bytes.length) + " more");
            }
            return bytes;
        }

        void skipTo(long offset, String source) throws IOException {
            while (position < offset) {
                long skipped = in.skip(offset - position);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new NiftiFormatException(source, position, "vox_offset", "the file ends before vox_offset "
                                + offset);
                    }
                    skipped = 1;
                }
                position += skipped;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
