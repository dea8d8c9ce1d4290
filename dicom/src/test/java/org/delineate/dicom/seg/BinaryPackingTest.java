package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BINARY frames are one continuous little-endian bit stream: with 23 x 38 = 874 pixels per frame (874 = 8 x 109
 * + 2), frame 2 starts at bit 2 of byte 109; two frames take 1748 bits = 218.5 bytes, written as 219 bytes plus
 * one padding byte. Checked on the raw Pixel Data with numpy's unpackbits(bitorder='little').
 */
class BinaryPackingTest {

    @TempDir
    Path tmp;

    private static final String UNPACK = String.join("\n",
            "import sys, pydicom, numpy as np",
            "d = pydicom.dcmread(sys.argv[1])",
            "raw = d.PixelData",
            "bits = np.unpackbits(np.frombuffer(raw, dtype=np.uint8), bitorder='little')",
            "print(len(raw), int(d.NumberOfFrames), d.BitsAllocated)",
            "print(''.join(str(b) for b in bits))",
            "print(''.join(str(v) for v in d.pixel_array.reshape(-1)))");

    @Test
    void framesOf23By38PackWithoutPaddingBetweenThem() throws Exception {
        SegWriterSources.Loaded src = SegWriterSources.tiny();
        SegmentationSource source = src.source();
        assertEquals(23, source.columns());
        assertEquals(38, source.rows());
        int pixels = 23 * 38;
        // One segment, present on slices 1 and 2 only: two frames.
        List<byte[]> planes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            byte[] plane = new byte[pixels];
            for (int i = 0; k > 0 && i < pixels; i++) {
                plane[i] = (byte) ((i * 7 + k) % 3 == 0 ? 1 : 0);
            }
            planes.add(plane);
        }
        SegmentationFrames frames = SegmentationFrames.ofMasks(23, 38, List.of(planes));
        Path out = tmp.resolve("packed.dcm");
        SegmentationWriter.Written written = SegmentationWriter.write(out, source, frames, SegWriterInputs.descriptions(1),
                SegWriteOptions.defaults());
        assertEquals(2, written.numberOfFrames());
        SegRoundTrip.assertReadsBack(out, src.volume(), frames, SegWriterInputs.descriptions(1));

        Peers.assumePydicom();
        Peers.Result result = Peers.runPython(UNPACK, List.of(out), 60);
        assertEquals(0, result.exitCode(), result.all());
        List<String> lines = result.stdout().lines().toList();
        assertEquals("220 2 1", lines.get(0), "Pixel Data length: ceil(1748 / 8) = 219, padded to 220");
        StringBuilder expected = new StringBuilder();
        for (int k = 1; k <= 2; k++) {
            for (byte b : planes.get(k)) {
                expected.append(b);
            }
        }
        String bits = lines.get(1);
        assertEquals(220 * 8, bits.length());
        assertEquals(expected.toString(), bits.substring(0, 1748), "the bit stream, least significant bit first");
        assertTrue(bits.substring(1748).chars().allMatch(c -> c == '0'), "bits after the last frame are 0");
        assertEquals(expected.toString(), lines.get(2), "pydicom's pixel_array of both frames");
    }

    @Test
    void packerStartsTheSecondFrameMidByte() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryFramePacker packer = new BinaryFramePacker(bytes);
        byte[] first = new byte[10];
        first[0] = 1;
        first[9] = 1;
        byte[] second = {1, 0, 0, 0, 0, 0, 1};
        packer.add(first);
        packer.add(second);
        packer.finish();
        // bits 0 and 9 of frame 1, then bits 10 and 16 of the stream from frame 2
        assertEquals("[1, 6, 1]", java.util.Arrays.toString(toInts(bytes.toByteArray())));
        assertEquals(3, packer.bytesWritten());
        assertEquals(3, BinaryFramePacker.packedLength(17));
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xFF;
        }
        return v;
    }
}
