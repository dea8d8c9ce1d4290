package org.delineate.dicom.pixel.jpeg;

/**
 * Decodes sequential DCT JPEG with Huffman coding, ITU-T T.81 processes 1, 2 and 4 (SOF0 baseline and SOF1
 * extended) with 8- or 12-bit samples: the "JPEG Baseline (Process 1)" and "JPEG Extended (Process 2 and
 * 4)" transfer syntaxes of DICOM PS3.5 A.4.1. Interleaved and single-component scans, any sampling factors,
 * restart intervals (DRI, RSTn), tables defined or redefined between scans, and a number of lines given by
 * a DNL marker are supported; progressive, lossless, hierarchical and arithmetic-coded processes are not.
 *
 * <p>The components are returned as coded, without color conversion. Thread-safe: each call works on its
 * own state.
 */
public final class JpegDecoder {

    private JpegDecoder() {
    }

    /**
     * Decodes a JPEG stream (SOI to EOI) holding one frame of {@code columns} x {@code rows} samples.
     *
     * <p>NB: the frame size is checked against the one expected before anything is allocated, so that a
     * hostile header cannot make the decoder allocate more than the caller expects.
     *
     * @param jpeg the stream
     * @param columns the number of samples per line the frame must have
     * @param rows the number of lines the frame must have (a frame header with 0 lines must be followed by a
     *        DNL marker with this number)
     * @return the decoded samples, components interleaved
     * @throws JpegFormatException when the stream is malformed or truncated, of another size, or of a coding
     *         process other than SOF0 and SOF1
     * @throws IllegalArgumentException when {@code columns} or {@code rows} is not positive
     */
    public static JpegImage decode(byte[] jpeg, int columns, int rows) throws JpegFormatException {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("expected frame size must be positive: " + columns + " x " + rows);
        }
        Frame frame = new MarkerParser(jpeg, columns, rows).parse();
        return new JpegImage(frame.columns, frame.rows, frame.components.size(), frame.precision,
                Upsampler.interleave(frame));
    }
}
