package org.delineate.dicom.series;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.nifti.NiftiVolumeWriter;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.pixel.PixelDescription;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.StoredSlices;

import org.delineate.dicom.volume.Volume;
import org.delineate.dicom.volume.VolumeAssembler;
import org.delineate.dicom.volume.SourceFrame;
import org.delineate.dicom.volume.VolumeAssembler.FrameRef;
import org.delineate.dicom.volume.VolumeAssembler.Known;
import org.delineate.dicom.volume.VolumeAssembler.Tile;

/** Reads the pixels of a {@link FrameStack} into a {@link Volume}; mosaic tiles become slices. */
public final class StackVolumes {

    private StackVolumes() {
    }

    /**
     * The volume of a usable stack, decoding with {@code threads} threads; an {@link IOException}
     * naming the series for a refused stack or unreadable pixels.
     */
    public static Volume read(FrameStack stack, int threads) throws IOException {
        if (!stack.usable()) {
            throw new IOException("series " + stack.seriesInstanceUid() + " (" + stack.label() + ") cannot be read as a volume: "
                    + stack.refusal());
        }
        return new VolumeAssembler(threads).assemble(frameRefs(stack), stack.geometry(), stack.notes());
    }

    /**
     * The slices of a volume group (one stack, or the stacks of a 4D series) as byte ranges of their files, when
     * every frame's bytes are its stored samples as they are (see {@link PixelData#storedSampleBytes}) and the
     * frames share one sample layout, one modality LUT, and (within {@link NiftiVolumeWriter#SAME_GEOMETRY_MM}) one
     * geometry: what a converter copies without decoding. Empty when any frame must be decoded (compressed, big
     * endian, fewer bits stored than allocated, mosaic, ...) or the group is not usable.
     */
    public static Optional<StoredSlices> storedSlices(List<FrameStack> group) {
        FrameStack first = group.get(0);
        List<BulkData> slices = new ArrayList<>();
        PixelDescription layout = null;
        ModalityLut lut = null;
        for (FrameStack stack : group) {
            if (!stack.usable() || stack.mosaic() != null || stack.slices() != first.slices()
                    || !stack.geometry().sameWithin(first.geometry(), NiftiVolumeWriter.SAME_GEOMETRY_MM)) {
                return Optional.empty();
            }
            for (FrameHeader frame : stack.frames()) {
                PixelData pixels = frame.pixelData();
                if (pixels == null) {
                    return Optional.empty();
                }
                PixelDescription d = pixels.description();
                if (layout == null) {
                    layout = d;
                    lut = frame.modalityLut();
                }
                Optional<BulkData> bytes = pixels.storedSampleBytes(Math.max(0, frame.frameNumber() - 1));
                if (bytes.isEmpty() || d.rows() != layout.rows() || d.columns() != layout.columns()
                        || d.bitsAllocated() != layout.bitsAllocated() || d.signed() != layout.signed()
                        || !frame.modalityLut().equals(lut)) {
                    return Optional.empty();
                }
                slices.add(bytes.get());
            }
        }
        int bits = layout.bitsAllocated();
        int offset = layout.signed() ? 1 << (bits - 1) : 0;
        return Optional.of(new StoredSlices(layout.columns(), layout.rows(), first.slices(),
                bits == 8 ? SampleType.UINT8 : SampleType.UINT16, offset, first.geometry(), lut, slices));
    }

    /**
     * The header of the file of the stack's first slice, read up to Pixel Data: what {@link Volume#header()} of
     * {@link #read} holds.
     */
    public static DataSet header(FrameStack stack) throws IOException {
        return new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true)).readFile(stack.frames().get(0).file())
                .dataSet();
    }

    /** The frame (or mosaic tile) of each slice, in slice order. */
    static List<FrameRef> frameRefs(FrameStack stack) {
        List<FrameRef> refs = new ArrayList<>();
        Mosaic mosaic = stack.mosaic();
        if (mosaic != null) {
            FrameHeader frame = stack.frames().get(0);
            for (int k = 0; k < mosaic.numberOfSlices(); k++) {
                refs.add(new FrameRef(frame.file(), frame.frameNumber(), new Tile(mosaic.tileRowOffset(k),
                        mosaic.tileColumnOffset(k), mosaic.tileRows(), mosaic.tileColumns()), known(frame)));
            }
            return refs;
        }
        for (FrameHeader frame : stack.frames()) {
            refs.add(new FrameRef(frame.file(), frame.frameNumber(), null, known(frame)));
        }
        return refs;
    }

    /** What the scan learned of the frame's pixels, or null when its file must be read again. */
    private static Known known(FrameHeader frame) {
        return frame.pixelData() == null ? null : new Known(frame.pixelData(), frame.modalityLut(),
                new SourceFrame(frame.sopClassUid(), frame.sopInstanceUid(), frame.frameNumber()));
    }
}
