package org.delineate.dicom.volume;

import java.util.List;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.pixel.ModalityLut;

/**
 * One or more volumes whose slices lie in their files exactly as a NIfTI image stores them: each slice is a
 * byte range of a file holding its stored samples, little endian, one per pixel, 8 or 16 bits, nothing to
 * decode, mask or reorder. What a converter copies without decoding (see
 * {@code org.delineate.dicom.series.StackVolumes#storedSlices}). Slices are in volume order: slice k of volume t
 * is {@code slices.get(t * slicesPerVolume + k)}. Immutable.
 *
 * @param columns pixels per row
 * @param rows rows per slice
 * @param slicesPerVolume slices of each volume
 * @param type {@link SampleType#UINT8} or {@link SampleType#UINT16}, as a {@link Volume} of these frames would hold
 * @param storedOffset 0 for unsigned stored values; 128 or 32768 for signed ones (as {@link Volume#storedOffset()})
 * @param geometry the geometry every volume shares
 * @param modalityLut the modality LUT every slice shares
 * @param slices the byte range of each slice, {@code columns * rows * bytes per sample} long
 */
public record StoredSlices(int columns, int rows, int slicesPerVolume, SampleType type, int storedOffset,
        VolumeGeometry geometry, ModalityLut modalityLut, List<BulkData> slices) {

    public StoredSlices {
        if (type != SampleType.UINT8 && type != SampleType.UINT16) {
            throw new IllegalArgumentException("stored slices hold 8- or 16-bit samples, not " + type);
        }
        if (slicesPerVolume < 1 || slices.isEmpty() || slices.size() % slicesPerVolume != 0) {
            throw new IllegalArgumentException(slices.size() + " slices do not make volumes of " + slicesPerVolume);
        }
        long sliceBytes = (long) columns * rows * (type == SampleType.UINT8 ? 1 : 2);
        for (BulkData slice : slices) {
            if (slice.length() != sliceBytes) {
                throw new IllegalArgumentException("a slice of " + columns + " x " + rows + " " + type + " is " + sliceBytes
                        + " bytes, not " + slice.length() + " (" + slice.file() + " from byte " + slice.offset() + ")");
            }
        }
        slices = List.copyOf(slices);
    }

    /** The number of volumes (1 for 3D). */
    public int volumes() {
        return slices.size() / slicesPerVolume;
    }
}
