package org.delineate.dicom.pixel.jpeg;

/**
 * A scan header (SOS marker segment, ITU-T T.81 B.2.3) checked against the frame and the tables defined so
 * far: for the sequential processes each component is coded in exactly one scan. Not thread-safe; one per
 * scan.
 */
final class ScanHeader {

    private final Frame frame;
    private final int[][] quantization;
    private final HuffmanTable[][] huffman;
    private Component[] components;
    private HuffmanTable[] dc;
    private HuffmanTable[] ac;
    private int[][] tables;

    /**
     * @param quantization the quantization tables defined so far (zig-zag order, null when undefined)
     * @param huffman the Huffman tables defined so far, [0] DC and [1] AC
     */
    ScanHeader(Frame frame, int[][] quantization, HuffmanTable[][] huffman) {
        this.frame = frame;
        this.quantization = quantization;
        this.huffman = huffman;
    }

    /** Reads and checks the scan header; returns this. */
    ScanHeader parse(Segment s) throws JpegFormatException {
        int ns = s.u8();
        if (ns < 1 || ns > 4 || ns > frame.components.size()) {
            throw s.error("the scan has " + ns + " components, expected 1 to " + Math.min(4, frame.components.size()));
        }
        s.require(2 * ns + 3, "the scan's component specifications and spectral selection");
        components = new Component[ns];
        dc = new HuffmanTable[ns];
        ac = new HuffmanTable[ns];
        tables = new int[ns][];
        int blocksPerMcu = 0;
        for (int i = 0; i < ns; i++) {
            int id = s.u8();
            int tdta = s.u8();
            Component c = frame.component(id);
            if (c == null || c.scanned) {
                throw s.error("scan component " + id + (c == null ? " is not in the frame header" : " is in an earlier scan"));
            }
            for (int j = 0; j < i; j++) {
                if (components[j] == c) {
                    throw s.error("component " + id + " twice in the scan");
                }
            }
            components[i] = c;
            blocksPerMcu += c.h * c.v;
            dc[i] = table(s, 0, tdta >> 4, id);
            ac[i] = table(s, 1, tdta & 15, id);
            tables[i] = c.tq < quantization.length ? quantization[c.tq] : null;
            if (tables[i] == null) {
                throw s.error("component " + id + " uses quantization table " + c.tq + ", which is not defined");
            }
        }
        if (ns > 1 && blocksPerMcu > 10) {
            throw s.error("an MCU of " + blocksPerMcu + " blocks, at most 10 allowed (T.81 B.2.3)");
        }
        // NB: Ss, Se, Ah and Al (T.81 B.2.3: 0, 63, 0, 0 for sequential DCT) are ignored, as by libjpeg, which
        // only warns: pydicom's JPEG-lossy.dcm has Se 0, and GDCM and dcmtk decode all 64 coefficients.
        return this;
    }

    private HuffmanTable table(Segment s, int tableClass, int destination, int id) throws JpegFormatException {
        HuffmanTable t = destination < 4 ? huffman[tableClass][destination] : null;
        if (t == null) {
            throw s.error("component " + id + " uses " + (tableClass == 0 ? "DC" : "AC") + " Huffman table "
                    + destination + ", which is not defined");
        }
        return t;
    }

    /**
     * Decodes the entropy-coded data that starts at {@code start} and marks the components as scanned.
     *
     * @return the offset of the marker that follows the data, or the end of the stream
     */
    int decode(byte[] data, int start, int restartInterval) throws JpegFormatException {
        BitReader in = new BitReader(data, start, data.length);
        int next = new ScanDecoder(frame, components, dc, ac, tables, restartInterval).decode(in);
        for (Component c : components) {
            c.scanned = true;
        }
        return next;
    }
}
