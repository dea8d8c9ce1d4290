package org.delineate.dicom.pixel;

import org.delineate.dicom.io.DicomFormatException;

/**
 * What the markers before the first scan of a JPEG stream (ITU-T T.81 Annex B) say about decoding it:
 * the coding process of the SOF marker, the sample precision, and an Adobe APP14 color transform.
 *
 * @param process n of the SOFn marker (0 baseline, 1 extended, 3 lossless...)
 * @param precision the sample precision P in bits
 * @param adobeTransform the APP14 "Adobe" transform flag (0 none, 1 YCbCr, 2 YCCK), or -1 without one
 * @param shortAdobeAt the offset of an APP14 "Adobe" marker too short to hold the transform flag, or -1
 * @param rows the number of lines Y of the SOF marker (0 when given by a later DNL marker)
 * @param columns the samples per line X of the SOF marker
 */
record JpegHeader(int process, int precision, int adobeTransform, int shortAdobeAt, int rows, int columns) {

    /** True for the lossless processes (SOF3, SOF7, SOF11, SOF15). */
    boolean lossless() {
        return process % 4 == 3;
    }

    /** Parses the markers of {@code jpeg} up to the first SOS. */
    static JpegHeader parse(byte[] jpeg, String source, int frameIndex) throws DicomFormatException {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw RleFrameDecoder.error(source, frameIndex, "not a JPEG stream: expected the SOI marker FFD8, found "
                    + (jpeg.length < 2 ? "only " + jpeg.length + " bytes" : String.format("%02X%02X", jpeg[0], jpeg[1])));
        }
        int process = -1;
        int precision = -1;
        int adobe = -1;
        int shortAdobe = -1;
        int rows = 0;
        int columns = 0;
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                break;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = (jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF);
            int data = pos + 4;
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && data + 5 <= jpeg.length) {
                process = marker - 0xC0;
                precision = jpeg[data] & 0xFF;
                rows = (jpeg[data + 1] & 0xFF) << 8 | (jpeg[data + 2] & 0xFF);
                columns = (jpeg[data + 3] & 0xFF) << 8 | (jpeg[data + 4] & 0xFF);
            } else if (marker == 0xEE && length >= 7 && data + 5 <= jpeg.length
                    && new String(jpeg, data, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("Adobe")) {
                if (length >= 14 && data + 12 <= jpeg.length) {
                    adobe = jpeg[data + 11] & 0xFF;
                } else {
                    shortAdobe = pos;
                }
            }
            pos += 2 + length;
        }
        if (process < 0) {
            throw RleFrameDecoder.error(source, frameIndex, "JPEG stream without a SOF marker before its first scan");
        }
        return new JpegHeader(process, precision, adobe, shortAdobe, rows, columns);
    }
}
