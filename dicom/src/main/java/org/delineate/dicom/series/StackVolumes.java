package org.delineate.dicom.series;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
