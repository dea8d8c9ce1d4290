package org.delineate.dicom.volume;

import java.lang.reflect.Array;
import java.nio.file.Path;

import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.pixel.FrameFormat;
import org.delineate.dicom.pixel.PixelFrame;

/** Cuts tiles (Siemens mosaic slices) out of decoded frames. */
final class Tiles {

    private Tiles() {
    }

    /** The tile of {@code frame} as a frame of its own, samples copied. */
    static PixelFrame cut(PixelFrame frame, VolumeAssembler.Tile tile, Path file) throws DicomFormatException {
        if (tile.row() < 0 || tile.column() < 0 || tile.row() + tile.rows() > frame.rows()
                || tile.column() + tile.columns() > frame.columns()) {
            throw new DicomFormatException(file.toString(), -1, -1, "tile " + tile + " lies outside the "
                    + frame.columns() + " x " + frame.rows() + " frame");
        }
        FrameFormat f = frame.format();
        int samples = f.samplesPerPixel();
        Object source = frame.data();
        Object out = Array.newInstance(source.getClass().getComponentType(), tile.rows() * tile.columns() * samples);
        int rowLength = tile.columns() * samples;
        for (int r = 0; r < tile.rows(); r++) {
            System.arraycopy(source, ((tile.row() + r) * frame.columns() + tile.column()) * samples, out, r * rowLength,
                    rowLength);
        }
        FrameFormat format = new FrameFormat(tile.rows(), tile.columns(), samples, f.bitsStored(), f.signed(),
                f.photometricInterpretation(), f.originalPlanarConfiguration());
        return new PixelFrame(frame.frameIndex(), format, out);
    }
}
