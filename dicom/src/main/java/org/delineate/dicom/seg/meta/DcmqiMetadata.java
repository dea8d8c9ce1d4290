package org.delineate.dicom.seg.meta;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.io.AtomicFiles;

/**
 * Reads and writes dcmqi's segment metadata JSON ({@code doc/schemas/seg-schema.json} of QIICR/dcmqi), the
 * "meta.json" that dcmqi's itkimage2segimage reads and segimage2itkimage writes, and that pydicom-seg and 3D
 * Slicer use too. See {@code docs/seg-metadata.md}.
 *
 * <p>Tolerant on reading: unknown fields are ignored, missing optional fields are null, and common deviations
 * are accepted; each is reported as a warning ({@link #readWithWarnings}). Values that cannot be interpreted
 * throw {@link MetadataFormatException} naming the file and JSON path. Strict on writing: what is written
 * validates against dcmqi's schema, otherwise nothing is written. Stateless and thread-safe.
 */
public final class DcmqiMetadata {

    /** Larger metadata files are refused rather than read (real ones are a few kilobytes). */
    public static final long MAX_FILE_SIZE = 16L << 20;

    /** Metadata read, with what was accepted or ignored on the way (each warning names the file and JSON path). */
    public record Reading(SegmentationMetadata metadata, List<String> warnings) {
        public Reading {
            warnings = List.copyOf(warnings);
        }
    }

    private DcmqiMetadata() {
    }

    /** Reads a metadata file; warnings are dropped (see {@link #readWithWarnings}). */
    public static SegmentationMetadata read(Path file) throws IOException {
        return readWithWarnings(file).metadata();
    }

    /** Reads a metadata file and reports what was tolerated. */
    public static Reading readWithWarnings(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE) {
            throw new MetadataFormatException(file.toString(), null, size + " bytes, more than the "
                    + MAX_FILE_SIZE + " a metadata file may have");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_SIZE + 1);
        }
        if (bytes.length > MAX_FILE_SIZE) {
            throw new MetadataFormatException(file.toString(), null, "more than " + MAX_FILE_SIZE + " bytes");
        }
        return parse(bytes, file.toString());
    }

    /**
     * Reads metadata from JSON text.
     *
     * @param source how to name the text in messages, e.g. a file name
     */
    public static Reading parse(String json, String source) throws MetadataFormatException {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    private static Reading parse(byte[] json, String source) throws MetadataFormatException {
        DcmqiReader reader = new DcmqiReader(source);
        SegmentationMetadata metadata = reader.read(JsonText.parse(json, source));
        return new Reading(metadata, reader.warnings());
    }

    /**
     * Every reason the metadata would not validate against dcmqi's schema (and the DICOM rules it leaves
     * open: Tracking ID with Tracking UID, a UID's form, Series Number an integer string), each starting with
     * the JSON path; empty when it can be written.
     */
    public static List<String> problems(SegmentationMetadata metadata) {
        return DcmqiWriter.problems(metadata);
    }

    /**
     * The metadata as dcmqi JSON text (UTF-8, pretty-printed).
     *
     * @throws IllegalArgumentException listing all {@link #problems} when there are any
     */
    public static String toJson(SegmentationMetadata metadata) {
        requireValid(metadata);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DcmqiWriter.write(metadata, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the metadata to {@code file} atomically (no partial file is ever left under its name).
     *
     * @throws IllegalArgumentException listing all {@link #problems} when there are any; nothing is written
     */
    public static void write(SegmentationMetadata metadata, Path file) throws IOException {
        requireValid(metadata);
        AtomicFiles.write(file, out -> DcmqiWriter.write(metadata, out));
    }

    private static void requireValid(SegmentationMetadata metadata) {
        List<String> problems = problems(metadata);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("metadata does not validate against dcmqi's seg-schema: "
                    + String.join("; ", problems));
        }
    }
}
