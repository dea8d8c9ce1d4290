package org.delineate.dicom.pixel;

import java.io.IOException;
import java.util.Optional;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.TransferSyntax;

/**
 * The frames of a file's Pixel Data (or Float / Double Float Pixel Data), decoded one at a time on
 * request: native and encapsulated (RLE, JPEG, JPEG 2000, encapsulated uncompressed) transfer syntaxes.
 * Holds the description and, for encapsulated data, which fragments form each frame; never a decoded
 * frame. Reads only the frame asked for when Pixel Data was left in the file (lazy reading).
 *
 * <p>Frames hold stored values; see {@link PixelFrame}. Immutable; thread-safe as long as the file's
 * data set is not modified.
 */
public final class PixelData {

    private final String source;
    private final TransferSyntax transferSyntax;
    private final PixelDescription description;
    private final NativeFrames nativeFrames;
    private final EncapsulatedFrames encapsulatedFrames;
    private final FrameDecoder decoder;

    private PixelData(DicomFile file) throws IOException {
        source = file.source() == null ? "<stream>" : file.source().toString();
        DataSet ds = file.dataSet();
        if (!ds.contains(Tag.PixelData) && !ds.contains(Tag.FloatPixelData) && !ds.contains(Tag.DoubleFloatPixelData)) {
            throw new DicomFormatException(source, -1, Tag.PixelData,
                    "missing; expected Pixel Data, Float Pixel Data or Double Float Pixel Data");
        }
        description = PixelDescription.of(ds, source);
        DataElement element = ds.get(description.pixelDataTag());
        transferSyntax = element.isFragments() ? pixelTransferSyntax(file) : file.transferSyntax();
        if (element.isFragments()) {
            decoder = FrameDecoders.of(transferSyntax, source);
            encapsulatedFrames = EncapsulatedFrames.of(element.fragments(), description.numberOfFrames(), ds, source);
            nativeFrames = null;
        } else if (element.hasBytes() || element.isBulkData()) {
            if (transferSyntax.encapsulated()) {
                throw new DicomFormatException(source, -1, element.tag(), "native (not encapsulated) value in "
                        + "transfer syntax " + transferSyntax.uid() + ", which requires encapsulated Pixel Data");
            }
            description.checkNativeLength(element.length(), source);
            nativeFrames = new NativeFrames(element, description, ds.bigEndian());
            encapsulatedFrames = null;
            decoder = null;
        } else {
            throw new DicomFormatException(source, -1, element.tag(), "holds a sequence, expected pixel values");
        }
    }

    /**
     * The transfer syntax that encoded the fragments: the file's, or, when the reader found the data set
     * in a native encoding that contradicts an encapsulated Transfer Syntax UID in the File Meta
     * Information (a deviation it reports), the File Meta one.
     */
    private static TransferSyntax pixelTransferSyntax(DicomFile file) {
        TransferSyntax ts = file.transferSyntax();
        String meta = file.fileMeta() == null ? null : file.fileMeta().getString(Tag.TransferSyntaxUID);
        if (!ts.encapsulated() && meta != null && TransferSyntax.of(meta.trim()).encapsulated()) {
            return TransferSyntax.of(meta.trim());
        }
        return ts;
    }

    /**
     * Prepares to decode the Pixel Data of {@code file}, validating its description.
     *
     * @throws DicomFormatException when an Image Pixel attribute is missing or wrong, native Pixel Data is
     *         too short, or the frames of encapsulated Pixel Data cannot be found
     * @throws UnsupportedTransferSyntaxException when no decoder handles the transfer syntax
     */
    public static PixelData of(DicomFile file) throws IOException {
        return new PixelData(file);
    }

    /** Decodes frame {@code frameIndex} (0-based) of {@code file}; for one frame of a file read once. */
    public static PixelFrame frame(DicomFile file, int frameIndex) throws IOException {
        return of(file).frame(frameIndex);
    }

    public PixelDescription description() {
        return description;
    }

    /** The transfer syntax of the Pixel Data (see the class comment on contradicting File Meta). */
    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /** NumberOfFrames (1 when absent). */
    public int numberOfFrames() {
        return description.numberOfFrames();
    }

    /**
     * Where frame {@code frameIndex} (0-based) lies in the file when its bytes are its stored samples as they are,
     * nothing to decode: native little endian Pixel Data left in the file, 8 or 16 bits allocated and stored (high
     * bit BitsStored - 1), one sample per pixel, not palette color. Empty for every other frame, which must be
     * decoded with {@link #frame}. A converter may copy such a range byte for byte.
     *
     * @throws IllegalArgumentException for an index outside 0 to NumberOfFrames - 1
     */
    public Optional<BulkData> storedSampleBytes(int frameIndex) {
        if (frameIndex < 0 || frameIndex >= description.numberOfFrames()) {
            throw new IllegalArgumentException("frame index " + frameIndex + " outside 0 to "
                    + (description.numberOfFrames() - 1));
        }
        return nativeFrames == null ? Optional.empty() : nativeFrames.storedBytes(frameIndex);
    }

    /**
     * Decodes frame {@code frameIndex} (0-based).
     *
     * @throws IllegalArgumentException for an index outside 0 to NumberOfFrames - 1
     * @throws DicomFormatException naming the file and frame when the encoded data is corrupt
     * @throws UnsupportedTransferSyntaxException for a variant the decoder cannot handle (12-bit progressive JPEG)
     */
    public PixelFrame frame(int frameIndex) throws IOException {
        return frame(frameIndex, null);
    }

    /**
     * Decodes frame {@code frameIndex} (0-based), as {@link #frame(int)}, reading native frames left in the file
     * through {@code scratch} (a buffer of at least 2 bytes, best a direct one, whose content and position are
     * overwritten; null for a buffer of its own): a caller decoding many frames passes one buffer per thread, so that
     * reading them makes no garbage beyond the frames themselves.
     */
    public PixelFrame frame(int frameIndex, java.nio.ByteBuffer scratch) throws IOException {
        if (frameIndex < 0 || frameIndex >= description.numberOfFrames()) {
            throw new IllegalArgumentException("frame index " + frameIndex + " outside 0 to "
                    + (description.numberOfFrames() - 1));
        }
        if (nativeFrames != null) {
            return nativeFrames.frame(frameIndex, scratch);
        }
        return decoder.decode(encapsulatedFrames.frame(frameIndex), description, frameIndex, source);
    }
}
