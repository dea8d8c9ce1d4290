package org.delineate.dicom.pixel.jpeg;

import java.util.List;

/**
 * The frame header (SOF0 or SOF1 marker segment, ITU-T T.81 B.2.2) with its components and the MCU layout
 * of A.2. Not thread-safe; owned by one decoding.
 */
final class Frame {

    /** The largest number of components accepted (T.81 allows 255; DICOM uses 1 or 3, Adobe CMYK 4). */
    static final int MAX_COMPONENTS = 4;

    /** Sample precision P: 8 or 12. */
    final int precision;
    /** Number of lines Y (after a DNL marker, when the header said 0) and samples per line X. */
    final int rows;
    final int columns;
    /** True when the header's Y was 0: the number of lines is to come in a DNL marker. */
    final boolean rowsFromDnl;
    final List<Component> components;
    final int hMax;
    final int vMax;
    /** MCUs per line and per column of an interleaved scan. */
    final int mcusPerLine;
    final int mcusPerColumn;

    private Frame(int precision, int rows, int columns, boolean rowsFromDnl, List<Component> components) {
        this.precision = precision;
        this.rows = rows;
        this.columns = columns;
        this.rowsFromDnl = rowsFromDnl;
        this.components = components;
        this.hMax = components.stream().mapToInt(c -> c.h).max().orElse(1);
        this.vMax = components.stream().mapToInt(c -> c.v).max().orElse(1);
        this.mcusPerLine = ceilDiv(columns, 8 * hMax);
        this.mcusPerColumn = ceilDiv(rows, 8 * vMax);
    }

    /**
     * Parses the frame header whose parameters start at {@code s}, requiring the frame size the caller
     * expects, and allocates the component planes.
     *
     * @param sof the n of SOFn (0 or 1)
     * @param expectedColumns the number of samples per line required
     * @param expectedRows the number of lines required (used when the header defers it to a DNL marker)
     */
    static Frame parse(Segment s, int sof, int expectedColumns, int expectedRows) throws JpegFormatException {
        int precision = s.u8();
        if (precision != 8 && (sof == 0 || precision != 12)) {
            throw s.error("SOF" + sof + " sample precision is " + precision + ", expected 8"
                    + (sof == 0 ? " for baseline" : " or 12"));
        }
        int y = s.u16();
        int x = s.u16();
        if (x != expectedColumns || (y != expectedRows && y != 0)) {
            throw s.error("the frame is " + x + " columns x " + y + " rows, expected " + expectedColumns + " x "
                    + expectedRows);
        }
        int nf = s.u8();
        if (nf < 1 || nf > MAX_COMPONENTS) {
            throw s.error("the frame has " + nf + " components, expected 1 to " + MAX_COMPONENTS);
        }
        s.require(3 * nf, "the frame header's " + nf + " component specifications");
        Component[] components = new Component[nf];
        for (int i = 0; i < nf; i++) {
            int id = s.u8();
            int hv = s.u8();
            int tq = s.u8();
            int h = hv >> 4;
            int v = hv & 15;
            if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) {
                throw s.error("component " + id + " has sampling factors " + h + " x " + v + " and quantization table "
                        + tq + ", expected 1 to 4 and 0 to 3");
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == id) {
                    throw s.error("two components with identifier " + id);
                }
            }
            components[i] = new Component(id, h, v, tq);
        }
        Frame frame = new Frame(precision, expectedRows, x, y == 0, List.of(components));
        frame.allocate(s);
        return frame;
    }

    private void allocate(Segment s) throws JpegFormatException {
        long total = 0;
        for (Component c : components) {
            c.width = ceilDiv(columns * c.h, hMax);
            c.height = ceilDiv(rows * c.v, vMax);
            c.blocksPerLine = mcusPerLine * c.h;
            c.blocksPerColumn = mcusPerColumn * c.v;
            total += 64L * c.blocksPerLine * c.blocksPerColumn;
        }
        if (total > Integer.MAX_VALUE - 64) {
            throw s.error("the frame of " + columns + " x " + rows + " samples is too large to decode");
        }
        for (Component c : components) {
            c.plane = new short[64 * c.blocksPerLine * c.blocksPerColumn];
        }
    }

    /** The component with identifier {@code id}, or null. */
    Component component(int id) {
        for (Component c : components) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
