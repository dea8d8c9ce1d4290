package org.delineate.dicom.volume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.concurrent.IndexedWork;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.pixel.PaletteColorLut;
import org.delineate.dicom.pixel.PhotometricInterpretation;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.pixel.PixelFrame;

/**
 * Reads the pixels of an ordered list of DICOM frames into a {@link Volume}: one plane per frame,
 * decoded in parallel, each file read once however many of its frames are used. Stateless apart
 * from its thread count; thread-safe.
 */
public final class VolumeAssembler {

    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int FRAME_OF_REFERENCE_UID = 0x00200052;
    private static final int WINDOW_CENTER = 0x00281050;
    private static final int WINDOW_WIDTH = 0x00281051;
    private static final int WINDOW_EXPLANATION = 0x00281055;

    /**
     * A frame, or a tile of a frame, to read as one slice.
     *
     * @param file the DICOM file
     * @param frameNumber the 1-based frame number in a multi-frame file; 0 for a single-frame file
     * @param tile the part of the frame that is the slice (a Siemens mosaic tile), or null for the whole frame
     * @param known what a scan already learned of the frame, so that its file's header need not be parsed
     *     again; null to read the file
     */
    public record FrameRef(Path file, int frameNumber, Tile tile, Known known) {

        /** A whole frame, its file to be read. */
        public FrameRef(Path file, int frameNumber) {
            this(file, frameNumber, null, null);
        }

        /** A frame or tile, its file to be read. */
        public FrameRef(Path file, int frameNumber, Tile tile) {
            this(file, frameNumber, tile, null);
        }
    }

    /**
     * What is already known of a frame from its file's header.
     *
     * @param pixels the file's pixel data, left in the file (not palette color)
     * @param modalityLut the frame's modality LUT
     * @param source the frame's SOP Class and Instance UIDs and frame number
     */
    public record Known(PixelData pixels, ModalityLut modalityLut, SourceFrame source) {
    }

    /**
     * A rectangle of a frame, 0-based.
     *
     * @param row first row
     * @param column first column
     * @param rows number of rows
     * @param columns number of columns
     */
    public record Tile(int row, int column, int rows, int columns) {
    }

    private final int threads;

    /** @param threads how many files to decode at once (at least 1) */
    public VolumeAssembler(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * Reads {@code frames} (slice k = frames.get(k)) into a volume with the given geometry; every
     * frame must have the rows, columns and sample layout of the first. {@code notes} go into the
     * volume for the user.
     */
    public Volume assemble(List<FrameRef> frames, VolumeGeometry geometry, List<String> notes) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to assemble");
        }
        Map<Path, List<Integer>> slicesByFile = new LinkedHashMap<>();
        for (int k = 0; k < frames.size(); k++) {
            slicesByFile.computeIfAbsent(frames.get(k).file(), f -> new ArrayList<>()).add(k);
        }
        List<Map.Entry<Path, List<Integer>>> tasks = tasks(slicesByFile, frames);
        Slice[] slices = new Slice[frames.size()];
        DataSet[] header = new DataSet[1];
        // NB: one read buffer per decoding thread of this call, so that reading the frames makes no garbage beyond them
        ThreadLocal<ByteBuffer> scratch = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SCRATCH));
        IndexedWork.run(tasks.size(), threads, "delineate-volume-read", t -> {
            Map.Entry<Path, List<Integer>> task = tasks.get(t);
            readFile(task.getKey(), task.getValue(), frames, slices, header, scratch.get());
        });
        return build(frames, slices, header[0], geometry, notes);
    }

    /**
     * The reading tasks: one per file, except that the frames of a multi-frame file whose pixels the scan located
     * (no header to parse, no tile of a shared frame) are split among the threads. NB: a volume of one enhanced
     * file would otherwise be read by one thread.
     */
    private List<Map.Entry<Path, List<Integer>>> tasks(Map<Path, List<Integer>> slicesByFile, List<FrameRef> frames) {
        List<Map.Entry<Path, List<Integer>>> tasks = new ArrayList<>();
        for (Map.Entry<Path, List<Integer>> entry : slicesByFile.entrySet()) {
            List<Integer> slices = entry.getValue();
            boolean splittable = slices.size() >= 2 * threads && allKnownWhole(slices, frames);
            int parts = splittable ? threads : 1;
            for (int p = 0; p < parts; p++) {
                List<Integer> part = slices.subList(p * slices.size() / parts, (p + 1) * slices.size() / parts);
                tasks.add(Map.entry(entry.getKey(), part));
            }
        }
        return tasks;
    }

    /** Whether the scan located the pixels of all {@code slices} and none is a tile of a shared frame. */
    private static boolean allKnownWhole(List<Integer> slices, List<FrameRef> frames) {
        for (int k : slices) {
            if (frames.get(k).known() == null || frames.get(k).tile() != null) {
                return false;
            }
        }
        return true;
    }

    /** One decoded slice with what the volume needs to know of its source. */
    private record Slice(Object plane, SampleType type, int storedOffset, int rows, int columns, ModalityLut lut,
            SourceFrame source) {
    }

    /** The size of each decoding thread's read buffer. */
    private static final int SCRATCH = 1 << 16;

    private static void readFile(Path file, List<Integer> sliceIndices, List<FrameRef> frames, Slice[] slices,
            DataSet[] header, ByteBuffer scratch) throws IOException {
        boolean known = true;
        for (int k : sliceIndices) {
            known &= frames.get(k).known() != null;
        }
        DataSet ds = null;
        PixelData pixels;
        PaletteColorLut palette = null;
        if (known) {
            pixels = frames.get(sliceIndices.get(0)).known().pixels();
        } else {
            DicomFile dicom = new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file);
            ds = dicom.dataSet();
            pixels = PixelData.of(dicom);
            palette = pixels.description().photometricInterpretation() == PhotometricInterpretation.PALETTE_COLOR
                    ? PaletteColorLut.of(ds, file.toString()) : null;
        }
        PixelFrame decoded = null;
        for (int k : sliceIndices) {
            FrameRef ref = frames.get(k);
            int frameNumber = ref.frameNumber();
            int frameIndex = Math.max(0, frameNumber - 1);
            if (frameIndex >= pixels.numberOfFrames()) {
                throw new DicomFormatException(file.toString(), -1, 0x00280008, "frame " + frameNumber
                        + " was asked for, but NumberOfFrames is " + pixels.numberOfFrames());
            }
            if (decoded == null || decoded.frameIndex() != frameIndex) {
                decoded = pixels.frame(frameIndex, scratch);
                if (palette != null) {
                    decoded = palette.apply(decoded);
                }
            }
            Tile tile = ref.tile();
            PixelFrame frame = tile == null ? decoded : Tiles.cut(decoded, tile, file);
            SampleType type = SliceSamples.typeOf(frame);
            Object plane;
            try {
                plane = SliceSamples.plane(frame, type);
            } catch (IllegalArgumentException e) {
                throw new DicomFormatException(file.toString(), -1, 0x00280004, "cannot make a volume plane: " + e.getMessage());
            }
            ModalityLut lut = known ? ref.known().modalityLut() : ModalityLut.of(ds, frameIndex);
            SourceFrame source = known ? ref.known().source() : new SourceFrame(ds.getString(SOP_CLASS_UID),
                    ds.getString(SOP_INSTANCE_UID), frameNumber);
            slices[k] = new Slice(plane, type, SliceSamples.storedOffset(frame), frame.rows(), frame.columns(), lut, source);
        }
        if (sliceIndices.contains(0)) {
            if (ds == null) {
                // NB: one header read for the volume's metadata, instead of one per file.
                ds = new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true)).readFile(file).dataSet();
            }
            DataSet copy = new DataSet();
            for (var e : ds) {
                if (e.tag() != PIXEL_DATA) {
                    copy.put(e);
                }
            }
            header[0] = copy;
        }
    }

    private static Volume build(List<FrameRef> frames, Slice[] slices, DataSet header, VolumeGeometry geometry,
            List<String> notes) throws IOException {
        Slice first = slices[0];
        List<Object> planes = new ArrayList<>(slices.length);
        Volume.Builder builder = Volume.builder();
        for (int k = 0; k < slices.length; k++) {
            Slice s = slices[k];
            if (s.rows != first.rows || s.columns != first.columns || s.type != first.type
                    || s.storedOffset != first.storedOffset) {
                throw new DicomFormatException(frames.get(k).file().toString(), -1, -1, "slice " + k + " is " + s.columns
                        + " x " + s.rows + " " + s.type + (s.storedOffset != 0 ? " signed" : "") + ", but slice 0 is "
                        + first.columns + " x " + first.rows + " " + first.type + (first.storedOffset != 0 ? " signed" : ""));
            }
            planes.add(s.plane);
            builder.modalityLut(s.lut).source(s.source);
        }
        builder.image(PlanarImages.wrap(first.type, first.columns, first.rows, planes), first.type, first.storedOffset)
                .geometry(geometry).header(header);
        if (header != null) {
            builder.frameOfReferenceUid(header.getString(FRAME_OF_REFERENCE_UID));
            windows(header).forEach(builder::window);
        }
        notes.forEach(builder::note);
        return builder.build();
    }

    /** The windows of (0028,1050), (0028,1051) and (0028,1055), in the header's order. */
    static List<WindowPreset> windows(DataSet header) {
        double[] centers = header.getDoubles(WINDOW_CENTER);
        double[] widths = header.getDoubles(WINDOW_WIDTH);
        String[] explanations = header.getStrings(WINDOW_EXPLANATION);
        List<WindowPreset> windows = new ArrayList<>();
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            if (widths[i] > 0) {
                windows.add(new WindowPreset(centers[i], widths[i], i < explanations.length ? explanations[i] : ""));
            }
        }
        return windows;
    }

    @Override
    public String toString() {
        return "VolumeAssembler[" + threads + " threads]";
    }
}
