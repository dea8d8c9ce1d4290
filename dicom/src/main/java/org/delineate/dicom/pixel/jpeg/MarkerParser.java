package org.delineate.dicom.pixel.jpeg;

/**
 * Walks the marker segments of a JPEG stream (ITU-T T.81 Annex B): reads the table-specification and
 * miscellaneous segments (DQT, DHT, DRI, DNL; APPn and COM skipped), the frame header and each scan header,
 * and has each scan decoded. Not thread-safe; one per stream.
 */
final class MarkerParser {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DNL = 0xDC;
    private static final int DRI = 0xDD;
    private static final int DHT = 0xC4;
    private static final int DAC = 0xCC;

    private final byte[] data;
    private final int expectedColumns;
    private final int expectedRows;
    /** Quantization tables 0 to 3 in zig-zag order, or null while undefined. */
    private final int[][] quantization = new int[4][];
    /** Huffman tables: [0][n] DC, [1][n] AC, or null while undefined. */
    private final HuffmanTable[][] huffman = new HuffmanTable[2][4];
    private int restartInterval;
    private Frame frame;

    MarkerParser(byte[] data, int expectedColumns, int expectedRows) {
        this.data = data;
        this.expectedColumns = expectedColumns;
        this.expectedRows = expectedRows;
    }

    /** Parses and decodes the whole stream, returning the frame with its decoded component planes. */
    Frame parse() throws JpegFormatException {
        if (data.length < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw new JpegFormatException(0, "expected the SOI marker FFD8 at the start of the stream");
        }
        int pos = 2;
        boolean dnlPending = false;
        // NB: each iteration moves pos forward by at least 2 bytes, so the loop ends.
        while (pos < data.length) {
            if ((data[pos] & 0xFF) != 0xFF || pos + 1 >= data.length) {
                throw new JpegFormatException(pos, String.format("expected a marker, found byte %02X", data[pos]));
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == EOI) {
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                // NB: a stray RSTn after the last MCU (some encoders end scans with one) or TEM: no parameters.
                pos += 2;
                continue;
            }
            Segment s = new Segment(data, pos, name(marker));
            if (marker == 0xC0 || marker == 0xC1) {
                if (frame != null) {
                    throw s.error("a second frame header (only one frame per stream is supported)");
                }
                frame = Frame.parse(s, marker - 0xC0, expectedColumns, expectedRows);
                dnlPending = frame.rowsFromDnl;
                pos = s.end();
            } else if (marker >= 0xC2 && marker <= 0xCF && marker != DHT && marker != DAC) {
                throw unsupported(pos, marker);
            } else if (marker == DHT) {
                readHuffman(s);
                pos = s.end();
            } else if (marker == DQT) {
                readQuantization(s);
                pos = s.end();
            } else if (marker == DRI) {
                s.require(2, "the restart interval Ri");
                restartInterval = s.u16();
                pos = s.end();
            } else if (marker == DNL) {
                s.require(2, "the number of lines");
                int lines = s.u16();
                if (frame == null || lines != frame.rows) {
                    throw s.error("DNL says " + lines + " lines, expected " + (frame == null ? "a frame header first"
                            : frame.rows));
                }
                dnlPending = false;
                pos = s.end();
            } else if (marker == SOS) {
                if (frame == null) {
                    throw s.error("scan header before the frame header");
                }
                pos = new ScanHeader(frame, quantization, huffman).parse(s).decode(data, s.end(), restartInterval);
            } else if (marker == DAC) {
                throw unsupported(pos, marker);
            } else {
                pos = s.end();
            }
        }
        if (frame == null) {
            throw new JpegFormatException(pos, "the stream has no frame header (SOF0 or SOF1)");
        }
        for (Component c : frame.components) {
            if (!c.scanned) {
                throw new JpegFormatException(pos, "component " + c.id + " is in no scan before the end of the stream");
            }
        }
        if (dnlPending) {
            throw new JpegFormatException(pos, "the frame header gives 0 lines and no DNL marker follows");
        }
        return frame;
    }

    private void readQuantization(Segment s) throws JpegFormatException {
        // NB: bounded: each table consumes at least 65 bytes of the segment.
        while (s.remaining() > 0) {
            int pt = s.u8();
            int pq = pt >> 4;
            int tq = pt & 15;
            if (pq > 1 || tq > 3) {
                throw s.error("quantization table precision " + pq + " and destination " + tq
                        + ", expected 0 or 1 and 0 to 3");
            }
            s.require(64 * (pq + 1), "quantization table " + tq);
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[k] = pq == 0 ? s.u8() : s.u16();
            }
            quantization[tq] = table;
        }
    }

    private void readHuffman(Segment s) throws JpegFormatException {
        while (s.remaining() > 0) {
            int tcth = s.u8();
            int tc = tcth >> 4;
            int th = tcth & 15;
            if (tc > 1 || th > 3) {
                throw s.error("Huffman table class " + tc + " and destination " + th + ", expected 0 or 1 and 0 to 3");
            }
            s.require(16, "the 16 code counts of Huffman table " + th);
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = s.u8();
                total += counts[i];
            }
            String wrong = HuffmanTable.check(counts);
            if (wrong != null || total > 256) {
                throw s.error("Huffman table " + th + ": " + (wrong != null ? wrong : total + " codes, at most 256"));
            }
            s.require(total, total + " Huffman values");
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = s.u8();
            }
            huffman[tc][th] = new HuffmanTable(counts, values);
        }
    }

    private JpegFormatException unsupported(int pos, int marker) {
        String process = switch (marker) {
            case 0xC2 -> "progressive DCT (SOF2), not a DICOM JPEG process";
            case 0xC3 -> "lossless (SOF3)";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical (SOF" + (marker - 0xC0) + ")";
            case 0xCC -> "arithmetic coding (DAC)";
            default -> "arithmetic-coded (SOF" + (marker - 0xC0) + ")";
        };
        return new JpegFormatException(pos, process + " JPEG is not supported: only sequential Huffman-coded "
                + "DCT (SOF0, SOF1)");
    }

    private static String name(int marker) {
        return switch (marker) {
            case 0xC0 -> "SOF0";
            case 0xC1 -> "SOF1";
            case DHT -> "DHT";
            case DQT -> "DQT";
            case DRI -> "DRI";
            case DNL -> "DNL";
            case SOS -> "SOS";
            default -> String.format("FF%02X", marker);
        };
    }
}
