package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8- and 16-bit frames left in the file are read in chunks through the caller's buffer: the same samples as when the
 * whole Pixel Data is held in memory, for frames that are not a whole number of chunks, with a direct, a heap, a
 * tiny or no buffer; a file cut short is reported with its name and frame.
 */
class ChunkedFrameReadTest {

    @TempDir
    Path tmp;

    @Test
    void eightAndSixteenBitFramesReadInChunksAsWhenHeld() throws IOException {
        for (int bits : new int[] {8, 16}) {
            // 301 x 257 samples: neither frame is a whole number of 64 KiB chunks
            Path file = write(bits, 301, 257, 3, "frames" + bits + ".dcm");
            PixelData held = PixelData.of(DicomReader.read(file));
            PixelData lazy = PixelData.of(new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file));
            for (ByteBuffer scratch : new ByteBuffer[] {null, ByteBuffer.allocateDirect(1 << 16), ByteBuffer.allocate(1000),
                ByteBuffer.allocateDirect(2)}) {
                for (int f = 0; f < 3; f++) {
                    Object expected = held.frame(f).data();
                    Object actual = lazy.frame(f, scratch).data();
                    if (bits == 8) {
                        assertArrayEquals((byte[]) expected, (byte[]) actual, bits + " bits, frame " + f + ", " + scratch);
                    } else {
                        assertArrayEquals((short[]) expected, (short[]) actual, bits + " bits, frame " + f + ", " + scratch);
                    }
                }
            }
        }
    }

    @Test
    void aFileCutAfterItsHeaderWasReadNamesTheFileAndFrame() throws IOException {
        for (int bits : new int[] {8, 16}) {
            Path file = write(bits, 64, 64, 2, "shrinks" + bits + ".dcm");
            PixelData lazy = PixelData.of(new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file));
            // the file changes between the header read (a scan) and the frame read (the volume)
            byte[] all = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(all, all.length - 100));
            EOFException e = assertThrows(EOFException.class, () -> lazy.frame(1, ByteBuffer.allocateDirect(1 << 16)));
            assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("frame 2"), e.getMessage());
            assertTrue(lazy.frame(0, null).length() == 64 * 64, "the first frame is still whole");
        }
    }

    private Path write(int bits, int rows, int columns, int frames, String name) throws IOException {
        byte[] pixels = new byte[rows * columns * frames * (bits / 8)];
        new Random(bits).nextBytes(pixels);
        DataSet ds = Images.pixelModule(rows, columns, 1, bits, bits, bits - 1, 0, "MONOCHROME2", frames);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25." + (1000 + bits));
        DicomFile dicom = Images.nativeFile(ds, pixels);
        Path file = tmp.resolve(name);
        new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).write(dicom, file);
        return file;
    }
}
