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
        // frame 1: 10 pixels, bits 0 and 9 set; frame 2: 7 pixels, bits 0 and 6 set
        packer.add(new byte[] {1, 2}, 0, 10);
        packer.add(new byte[] {0, 0x41}, 1, 7);
        packer.finish();
        // bits 0 and 9 of frame 1, then bits 10 and 16 of the stream from frame 2
        assertEquals("[1, 6, 1]", java.util.Arrays.toString(toInts(bytes.toByteArray())));
        assertEquals(3, packer.bytesWritten());
        assertEquals(3, BinaryFramePacker.packedLength(17));
    }

    @Test
    void planesPackAsTheirPixelsOneByOne() throws IOException {
        java.util.Random random = new java.util.Random(7);
        for (int pixels : new int[] {1, 7, 8, 9, 23 * 38, 64, 1001}) {
            byte[] b = new byte[pixels];
            short[] sh = new short[pixels];
            int[] in = new int[pixels];
            for (int i = 0; i < pixels; i++) {
                // few distinct values, including the high bits that a sign or carry would spoil
                int v = new int[] {0, 1, 3, 127, 128, 255, 0x7FFF, 0x8000, 0xFFFF}[random.nextInt(9)];
                b[i] = (byte) v;
                sh[i] = (short) v;
                in[i] = v;
            }
            byte[] packed = new byte[BitPacking.packedLength(pixels)];
            for (int sample : new int[] {0, 1, 3, 127, 128, 255, 0x7FFF, 0x8000, 0xFFFF, 256, -1}) {
                BitPacking.packEqual(b, 0, pixels, sample, packed);
                assertEquals(bits(pixels, i -> (b[i] & 0xFF) == sample), bits(packed, pixels), "bytes = " + sample);
                BitPacking.packEqual(sh, 0, pixels, sample, packed);
                assertEquals(bits(pixels, i -> (sh[i] & 0xFFFF) == sample), bits(packed, pixels), "shorts = " + sample);
                BitPacking.packEqual(in, 0, pixels, sample, packed);
                assertEquals(bits(pixels, i -> in[i] == sample), bits(packed, pixels), "ints = " + sample);
            }
            BitPacking.packNonZero(b, 0, pixels, packed);
            assertEquals(bits(pixels, i -> b[i] != 0), bits(packed, pixels), "non-zero bytes");
            assertEquals(0, pixels % 8 == 0 ? 0 : (packed[packed.length - 1] & 0xFF) >>> (pixels % 8),
                    "the unused bits of the last byte are 0");
        }
    }

    @Test
    void framesJoinedAtAnyBitOffsetGiveThePixelsInOrder() throws IOException {
        java.util.Random random = new java.util.Random(11);
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryFramePacker packer = new BinaryFramePacker(bytes);
        for (int pixels : new int[] {3, 874, 16, 5, 1, 64, 13, 874}) {
            byte[] frame = new byte[pixels];
            for (int i = 0; i < pixels; i++) {
                frame[i] = (byte) random.nextInt(2);
                expected.append(frame[i]);
            }
            byte[] packed = new byte[BitPacking.packedLength(pixels)];
            BitPacking.packNonZero(frame, 0, pixels, packed);
            packer.add(packed, 0, pixels);
        }
        packer.finish();
        assertEquals(BinaryFramePacker.packedLength(expected.length()), bytes.size());
        assertEquals(expected.toString(), bits(bytes.toByteArray(), expected.length()));
    }

    @Test
    void framesPackedByTheirPlannedRowBandsEqualWholeFrames() {
        // 40 x 130 pixels: 65 bands of 2 rows would be too many, so 3 rows a band (44 bands, 120 pixels each).
        int columns = 40;
        int rows = 130;
        java.util.Random random = new java.util.Random(3);
        List<Object> planes = new ArrayList<>();
        List<byte[]> mask = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            short[] plane = new short[columns * rows];
            int top = random.nextInt(rows - 20);
            for (int j = top; j < top + 15; j++) {
                for (int i = 5; i < 30; i++) {
                    plane[j * columns + i] = (short) (k % 2 == 0 ? 300 : 7);
                }
            }
            plane[(rows - 1) * columns] = 7;
            planes.add(plane);
            byte[] m = new byte[columns * rows];
            m[random.nextInt(m.length)] = (byte) 200;
            mask.add(m);
        }
        RowBands bands = new RowBands(columns, rows);
        assertEquals(44, bands.count());
        assertTrue(bands.byteAligned());
        for (PlaneFrames frames : List.of((PlaneFrames) SegmentationFrames.ofLabels(columns, rows, planes, 300, 7),
                (PlaneFrames) SegmentationFrames.ofMasks(columns, rows, List.of(mask)))) {
            SegFramePlan plan = SegFramePlan.scan(frames, SegWriteOptions.defaults(), new ArrayList<>());
            for (int f = 0; f < plan.frameCount(); f++) {
                assertTrue(Long.bitCount(plan.bands(f)) < 10, "frame " + f + " lies in a few bands");
                byte[] whole = new byte[columns * rows / 8];
                byte[] banded = new byte[whole.length];
                java.util.Arrays.fill(banded, (byte) 0x55);
                frames.packFrame(plan.segment(f), plan.slice(f), RowBands.ALL, whole);
                frames.packFrame(plan.segment(f), plan.slice(f), plan.bands(f), banded);
                assertEquals(java.util.Arrays.toString(whole), java.util.Arrays.toString(banded), "frame " + f);
            }
        }
    }

    @Test
    void pixelDataIsTheSameBitStreamForAnyNumberOfThreads() throws IOException {
        // 512 x 512 frames are 32 KiB packed: 32 a batch, so 24 slices of 3 segments run through several batches.
        int[] labelValues = {4, 9, 200};
        List<SegmentationFrames> inputs = List.of(
                SegmentationFrames.ofLabels(512, 512, SegWriterInputs.labelPlanes(512, 512, 24, labelValues, false), labelValues),
                SegmentationFrames.ofMasks(512, 512, SegWriterInputs.overlappingMasks(512, 512, 8, 2)),
                SegmentationFrames.ofMasks(23, 38, SegWriterInputs.overlappingMasks(23, 38, 40, 3)));
        for (SegmentationFrames frames : inputs) {
            int pixels = frames.columns() * frames.rows();
            SegFramePlan plan = SegFramePlan.scan(frames, SegWriteOptions.builder().threads(3).build(), new ArrayList<>());
            assertEquals(plan.frameCount(), SegFramePlan.scan(frames, SegWriteOptions.builder().threads(1).build(),
                    new ArrayList<>()).frameCount());
            // The stream by its definition: frame after frame, pixel n of the whole image at bit n % 8 of byte n / 8.
            byte[] expected = new byte[(int) BinaryFramePacker.packedLength((long) pixels * plan.frameCount())];
            byte[] frame = new byte[pixels];
            for (int f = 0; f < plan.frameCount(); f++) {
                frames.readFrame(plan.segment(f), plan.slice(f), frame);
                for (int i = 0; i < pixels; i++) {
                    long n = (long) f * pixels + i;
                    expected[(int) (n >>> 3)] |= (byte) (frame[i] != 0 ? 1 << (n & 7) : 0);
                }
            }
            for (int threads : new int[] {1, 2, 3}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                SegPixelDataWriter.write(out, frames, plan, SegmentationType.BINARY, 1, threads);
                assertTrue(java.util.Arrays.equals(expected, out.toByteArray()), frames.columns() + " x " + frames.rows()
                        + ", " + plan.frameCount() + " frames, " + threads + " threads");
            }
        }
    }

    private static String bits(int pixels, java.util.function.IntPredicate set) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pixels; i++) {
            s.append(set.test(i) ? '1' : '0');
        }
        return s.toString();
    }

    /** The first {@code pixels} bits of {@code packed}, least significant bit of each byte first. */
    private static String bits(byte[] packed, int pixels) {
        return bits(pixels, i -> (packed[i >>> 3] >> (i & 7) & 1) == 1);
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xFF;
        }
        return v;
    }
}
