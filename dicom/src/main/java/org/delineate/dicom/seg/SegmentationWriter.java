package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.TrailingValue;
import org.delineate.dicom.io.WriteOptions;

/**
 * Writes DICOM segmentations: Segmentation Storage (BINARY or FRACTIONAL) and Label Map Segmentation Storage
 * (LABELMAP), in Explicit VR Little Endian, on the grid of their source (every frame a whole source slice).
 * Everything is validated first ({@link SegmentationValidator}); an invalid segmentation is not written but
 * refused with an {@link InvalidSegmentationException} listing every problem.
 *
 * <p>Frames are ordered by segment, then by source slice (LABELMAP: by slice). Frames without a pixel of their
 * segment are omitted unless {@link SegWriteOptions#keepEmptyFrames()}; a segment without any pixel keeps one
 * empty frame at slice 0, so that every segment described is present and the object always has a frame.
 *
 * <p>Memory: every frame is read twice (once to plan, once to write); Pixel Data is streamed to the output after
 * the header, and beyond the caller's input only a few MiB of packed frames are held (see
 * {@link SegWriteOptions#threads()}, the threads that plan and pack). Stateless and thread-safe.
 */
public final class SegmentationWriter {

    private SegmentationWriter() {
    }

    /**
     * What was written.
     *
     * @param sopClassUid Segmentation Storage or Label Map Segmentation Storage
     * @param sopInstanceUid SOP Instance UID of the segmentation
     * @param seriesInstanceUid its Series Instance UID
     * @param numberOfFrames Number of Frames (0028,0008), at least 1
     */
    public record Written(String sopClassUid, String sopInstanceUid, String seriesInstanceUid, int numberOfFrames) {
    }

    /**
     * Writes a segmentation to {@code target} atomically (nothing is left under that name on failure).
     *
     * @param segments the segment descriptions, segment s = {@code segments.get(s - 1)}; written with Segment
     *     Numbers 1..N in this order, whatever numbers they carry
     * @throws InvalidSegmentationException listing every problem when the segmentation would not be valid
     */
    public static Written write(Path target, SegmentationSource source, SegmentationFrames frames,
            List<SegmentDescription> segments, SegWriteOptions options) throws IOException {
        Prepared prepared = prepare(source, frames, segments, options);
        new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .write(prepared.file, prepared.pixelData, target);
        return prepared.written;
    }

    /** As {@link #write(Path, SegmentationSource, SegmentationFrames, List, SegWriteOptions)}, to a stream it does not close. */
    public static Written write(OutputStream out, SegmentationSource source, SegmentationFrames frames,
            List<SegmentDescription> segments, SegWriteOptions options) throws IOException {
        Prepared prepared = prepare(source, frames, segments, options);
        new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .write(prepared.file, prepared.pixelData, out);
        return prepared.written;
    }

    /**
     * Writes the segments of a label volume: segment s is {@code segments.get(s - 1)}, marked in {@code frames} by
     * its label value (see {@link SegmentationFrames#ofLabels(org.delineate.dicom.volume.Volume, List)}).
     */
    public static Written writeLabels(Path target, SegmentationSource source, SegmentationFrames frames,
            List<LabeledSegment> segments, SegWriteOptions options) throws IOException {
        return write(target, source, frames, segments.stream().map(LabeledSegment::description).toList(), options);
    }

    private record Prepared(DicomFile file, TrailingValue pixelData, Written written) {
    }

    private static Prepared prepare(SegmentationSource source, SegmentationFrames frames, List<SegmentDescription> segments,
            SegWriteOptions options) throws InvalidSegmentationException {
        List<SegmentationProblem> problems = new ArrayList<>(
                SegmentationValidator.checkMetadata(source, frames, segments, options));
        if (!problems.isEmpty()) {
            if (problems.stream().noneMatch(p -> p.path().isEmpty())) {
                SegFramePlan.scan(frames, options, problems);
            }
            throw new InvalidSegmentationException(problems);
        }
        SegFramePlan plan = SegFramePlan.scan(frames, options, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSegmentationException(problems);
        }
        String seriesUid = options.seriesInstanceUid() != null ? options.seriesInstanceUid() : Uids.newUid();
        String sopUid = options.sopInstanceUid() != null ? options.sopInstanceUid() : Uids.newUid();
        DataSet header = SegmentationHeaderBuilder.build(source, segments, options, plan, seriesUid, sopUid);
        int bits = SegmentationHeaderBuilder.bitsAllocated(options.type(), segments.size());
        long pixels = (long) frames.columns() * frames.rows() * plan.frameCount();
        long length = bits == 1 ? BinaryFramePacker.packedLength(pixels) : pixels * (bits / 8);
        if (length + (length & 1) > 0xFFFFFFFEL) {
            throw new InvalidSegmentationException(List.of(new SegmentationProblem("(7FE0,0010)", "the pixel data would "
                    + "be " + length + " bytes, more than a native Pixel Data value can hold; write fewer frames")));
        }
        TrailingValue pixelData = new TrailingValue(Tag.PixelData, bits == 16 ? VR.OW : VR.OB, length,
                out -> SegPixelDataWriter.write(out, frames, plan, options.type(), bits, options.threads()));
        Written written = new Written(options.type().sopClassUid(), sopUid, seriesUid, plan.frameCount());
        return new Prepared(DicomFile.of(header, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), pixelData, written);
    }
}
