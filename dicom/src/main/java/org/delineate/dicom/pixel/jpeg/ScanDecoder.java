package org.delineate.dicom.pixel.jpeg;

import java.util.Arrays;

/**
 * Decodes the entropy-coded data of one sequential Huffman scan (ITU-T T.81 F.2.2): the MCUs of an
 * interleaved scan (A.2.3) or the blocks of a single component (A.2.2), with restart intervals (F.2.2.5,
 * E.2.4), dequantized and inverse transformed into the components' planes. Not thread-safe; one per scan.
 */
final class ScanDecoder {

    /** ZIGZAG[k]: the natural (row-major) index of the k-th coefficient of the zig-zag sequence (T.81 A.3.6). */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private final Frame frame;
    private final Component[] components;
    private final HuffmanTable[] dc;
    private final HuffmanTable[] ac;
    private final int[][] quantization;
    private final int restartInterval;
    private final int[] block = new int[64];
    private final int[] predictions;
    private final Idct idct;
    private final int maxCategory;

    /**
     * @param components the scan's components, in scan order
     * @param dc the DC table of each scan component
     * @param ac the AC table of each scan component
     * @param quantization the quantization table (in zig-zag order) of each scan component
     * @param restartInterval Ri of the DRI marker in effect, or 0
     */
    ScanDecoder(Frame frame, Component[] components, HuffmanTable[] dc, HuffmanTable[] ac, int[][] quantization,
            int restartInterval) {
        this.frame = frame;
        this.components = components;
        this.dc = dc;
        this.ac = ac;
        this.quantization = quantization;
        this.restartInterval = restartInterval;
        this.predictions = new int[components.length];
        this.idct = new Idct(frame.precision);
        // NB: T.81 F.1.2.1 and F.1.2.2: difference categories go to 11 (8-bit) or 15 (12-bit).
        this.maxCategory = frame.precision == 8 ? 11 : 15;
    }

    /**
     * Decodes the scan's data starting at {@code start}.
     *
     * @return the offset of the marker after the entropy-coded data (or the end of the stream)
     */
    int decode(BitReader in) throws JpegFormatException {
        boolean single = components.length == 1;
        Component only = components[0];
        int perLine = single ? Frame.ceilDiv(only.width, 8) : frame.mcusPerLine;
        int perColumn = single ? Frame.ceilDiv(only.height, 8) : frame.mcusPerColumn;
        long total = (long) perLine * perColumn;
        int restarts = 0;
        for (int mcu = 0; mcu < total; mcu++) {
            in.mcu(mcu);
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                in.restart(restarts & 7);
                restarts++;
                Arrays.fill(predictions, 0);
            }
            int row = mcu / perLine;
            int column = mcu % perLine;
            if (single) {
                decodeBlock(in, 0, row, column, mcu);
            } else {
                for (int i = 0; i < components.length; i++) {
                    Component c = components[i];
                    for (int by = 0; by < c.v; by++) {
                        for (int bx = 0; bx < c.h; bx++) {
                            decodeBlock(in, i, row * c.v + by, column * c.h + bx, mcu);
                        }
                    }
                }
            }
        }
        return in.markerAfterScan();
    }

    private void decodeBlock(BitReader in, int i, int blockRow, int blockColumn, int mcu) throws JpegFormatException {
        Arrays.fill(block, 0);
        int[] q = quantization[i];
        int s = dc[i].decode(in);
        if (s > maxCategory) {
            throw error(in, mcu, "DC difference category " + s + ", expected at most " + maxCategory);
        }
        predictions[i] += in.receiveExtend(s);
        block[0] = predictions[i] * q[0];
        HuffmanTable table = ac[i];
        for (int k = 1; k < 64; k++) {
            int rs = table.decode(in);
            int r = rs >> 4;
            s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 15;
            } else {
                k += r;
                if (k > 63) {
                    throw error(in, mcu, "AC coefficients run past the 64th of the block (zero run " + r + ")");
                }
                block[ZIGZAG[k]] = in.receiveExtend(s) * q[k];
            }
        }
        Component c = components[i];
        int stride = c.stride();
        idct.transform(block, c.plane, blockRow * 8 * stride + blockColumn * 8, stride);
    }

    private JpegFormatException error(BitReader in, int mcu, String problem) {
        return new JpegFormatException(in.position(), "MCU " + mcu + ": " + problem);
    }
}
