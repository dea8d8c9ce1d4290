package org.delineate.dicom.pixel.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a baseline stream with one interleaved scan (no restart interval, each component with its own
 * tables) as the same coefficients in one non-interleaved scan per component (ITU-T T.81 A.2.2): the blocks
 * of each component in raster order, without the blocks that only pad the interleaved MCUs, DC differences
 * recomputed, Huffman codes re-emitted with the same tables. The JDK's writer cannot make such streams, and
 * its reader refuses them; the pixels must still equal the JDK's decoding of the interleaved original.
 */
final class ScanSplitter {

    private record Table(int[] counts, int[] values) {
    }

    private ScanSplitter() {
    }

    static byte[] split(byte[] jpeg) throws JpegFormatException {
        Table[][] tables = new Table[2][4];
        int pos = 2;
        int[][] sof = null;
        int rows = 0;
        int columns = 0;
        while ((jpeg[pos + 1] & 0xFF) != 0xDA) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = (jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF);
            int at = pos + 4;
            if (marker == 0xC4) {
                while (at < pos + 2 + length) {
                    int[] counts = new int[16];
                    int total = 0;
                    for (int i = 0; i < 16; i++) {
                        counts[i] = jpeg[at + 1 + i] & 0xFF;
                        total += counts[i];
                    }
                    int[] values = new int[total];
                    for (int i = 0; i < total; i++) {
                        values[i] = jpeg[at + 17 + i] & 0xFF;
                    }
                    tables[(jpeg[at] & 0xFF) >> 4][jpeg[at] & 15] = new Table(counts, values);
                    at += 17 + total;
                }
            } else if (marker == 0xC0) {
                rows = (jpeg[at + 1] & 0xFF) << 8 | (jpeg[at + 2] & 0xFF);
                columns = (jpeg[at + 3] & 0xFF) << 8 | (jpeg[at + 4] & 0xFF);
                sof = new int[jpeg[at + 5]][];
                for (int c = 0; c < sof.length; c++) {
                    int hv = jpeg[at + 7 + 3 * c] & 0xFF;
                    sof[c] = new int[] {jpeg[at + 6 + 3 * c] & 0xFF, hv >> 4, hv & 15, 0, 0};
                }
            }
            pos += 2 + length;
        }
        int ns = jpeg[pos + 4];
        for (int c = 0; c < ns; c++) {
            int tdta = jpeg[pos + 6 + 2 * c] & 0xFF;
            sof[c][3] = tdta >> 4;
            sof[c][4] = tdta & 15;
        }
        int hMax = 0;
        int vMax = 0;
        for (int[] c : sof) {
            hMax = Math.max(hMax, c[1]);
            vMax = Math.max(vMax, c[2]);
        }
        int mcusX = (columns + 8 * hMax - 1) / (8 * hMax);
        int mcusY = (rows + 8 * vMax - 1) / (8 * vMax);
        // Coefficients (zig-zag order, DC absolute) of every block, per component, on the interleaved grid.
        List<int[][][]> blocks = new ArrayList<>();
        for (int[] c : sof) {
            blocks.add(new int[mcusY * c[2]][mcusX * c[1]][]);
        }
        BitReader in = new BitReader(jpeg, pos + 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF)),
                jpeg.length);
        int[] predictions = new int[sof.length];
        for (int m = 0; m < mcusX * mcusY; m++) {
            for (int c = 0; c < sof.length; c++) {
                HuffmanTable dc = huffman(tables[0][sof[c][3]]);
                HuffmanTable ac = huffman(tables[1][sof[c][4]]);
                for (int by = 0; by < sof[c][2]; by++) {
                    for (int bx = 0; bx < sof[c][1]; bx++) {
                        int[] z = new int[64];
                        predictions[c] += in.receiveExtend(dc.decode(in));
                        z[0] = predictions[c];
                        for (int k = 1; k < 64; k++) {
                            int rs = ac.decode(in);
                            if ((rs & 15) == 0) {
                                if (rs != 0xF0) {
                                    break;
                                }
                                k += 15;
                            } else {
                                k += rs >> 4;
                                z[k] = in.receiveExtend(rs & 15);
                            }
                        }
                        blocks.get(c)[(m / mcusX) * sof[c][2] + by][(m % mcusX) * sof[c][1] + bx] = z;
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, pos);
        for (int c = 0; c < sof.length; c++) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, (byte) sof[c][0],
                (byte) (sof[c][3] << 4 | sof[c][4]), 0, 63, 0}, 0, 10);
            int width = (columns * sof[c][1] + hMax - 1) / hMax;
            int height = (rows * sof[c][2] + vMax - 1) / vMax;
            BitWriter bits = new BitWriter(out);
            int prediction = 0;
            for (int by = 0; by < (height + 7) / 8; by++) {
                for (int bx = 0; bx < (width + 7) / 8; bx++) {
                    int[] z = blocks.get(c)[by][bx];
                    bits.symbol(tables[0][sof[c][3]], bits.category(z[0] - prediction), z[0] - prediction);
                    prediction = z[0];
                    int run = 0;
                    for (int k = 1; k < 64; k++) {
                        if (z[k] == 0) {
                            run++;
                            continue;
                        }
                        for (; run > 15; run -= 16) {
                            bits.symbol(tables[1][sof[c][4]], 0xF0, 0);
                        }
                        bits.symbol(tables[1][sof[c][4]], run << 4 | bits.category(z[k]), z[k]);
                        run = 0;
                    }
                    if (run > 0) {
                        bits.symbol(tables[1][sof[c][4]], 0, 0);
                    }
                }
            }
            bits.flush();
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static HuffmanTable huffman(Table t) {
        return new HuffmanTable(t.counts(), t.values());
    }

    /** Writes Huffman codes and appended bits (T.81 F.1.2), stuffing a zero after each 0xFF. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private int buffer;
        private int count;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        int category(int value) {
            return value == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(value));
        }

        /** The code of {@code symbol}, then the low {@code symbol & 15} bits of {@code value} (negatives minus 1). */
        void symbol(Table t, int symbol, int value) {
            int code = 0;
            int k = 0;
            for (int length = 1; length <= 16; length++, code <<= 1) {
                for (int i = 0; i < t.counts()[length - 1]; i++, k++, code++) {
                    if (t.values()[k] == symbol) {
                        write(code, length);
                        int size = symbol & 15;
                        write(value < 0 ? value - 1 : value, size);
                        return;
                    }
                }
            }
            throw new IllegalStateException("no code for symbol " + symbol);
        }

        void write(int bits, int n) {
            for (int i = n - 1; i >= 0; i--) {
                buffer = buffer << 1 | (bits >> i & 1);
                if (++count == 8) {
                    out.write(buffer);
                    if (buffer == 0xFF) {
                        out.write(0);
                    }
                    buffer = 0;
                    count = 0;
                }
            }
        }

        void flush() {
            while (count != 0) {
                write(1, 1);
            }
        }
    }
}
