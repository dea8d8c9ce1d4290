package org.delineate.privacy.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UID;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redaction checked against pydicom: the redacted file, decoded by pydicom, equals pydicom's decoding of
 * the input everywhere except inside the rectangles, where it holds the fill value.
 */
class PixelRedactorTest {

    private static final Path PYDICOM = TestFiles.PYDICOM_DATA.resolve("test_files");
    private static final Path QA_TS = TestFiles.testdata().resolve("dcm_qa_ts/In");

    /** Compares pixel_array of the input (argv[1]) and output (argv[2]) outside/inside the rectangles (argv[3]). */
    private static final String ORACLE = String.join("\n",
            "import json, sys, numpy as np, pydicom",
            "a = pydicom.dcmread(sys.argv[1]); b = pydicom.dcmread(sys.argv[2])",
            "rects = json.loads(sys.argv[3])",
            "pa = a.pixel_array; pb = b.pixel_array",
            "frames = int(a.get('NumberOfFrames', 1) or 1)",
            "if frames == 1: pa = pa[None]; pb = pb[None]",
            "if pa.ndim == 3: pa = pa[..., None]; pb = pb[..., None]",
            "assert pa.shape == pb.shape, (pa.shape, pb.shape)",
            "mask = np.zeros(pa.shape[1:3], bool)",
            "for x, y, w, h in rects: mask[y:y + h, x:x + w] = True",
            "bs = int(a.BitsStored)",
            "fill = -(1 << (bs - 1)) if int(a.PixelRepresentation) == 1 else 0",
            "inside = pb[:, mask, :]",
            "print(json.dumps({'outside_equal': bool(np.array_equal(pa[:, ~mask, :], pb[:, ~mask, :])),",
            "    'outside': int(pa[:, ~mask, :].size), 'inside': int(inside.size),",
            "    'inside_fill': bool((inside.astype(np.int64) == fill).all()),",
            "    'inside_changed_before': bool((pa[:, mask, :].astype(np.int64) != fill).any()),",
            "    'burned': str(b.get('BurnedInAnnotation', '')), 'ts': str(b.file_meta.TransferSyntaxUID),",
            "    'frames': frames}))");

    @TempDir
    Path tmp;

    private static RedactionRule rule(int rows, int columns, List<Rectangle> rectangles) {
        return new RedactionRule("test " + rows + "x" + columns, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.of(rows), OptionalInt.of(columns), rectangles);
    }

    /** A band along the top, a block inside, and one clipped at the bottom-right corner. */
    private static List<Rectangle> rectangles(int rows, int columns) {
        List<Rectangle> r = new ArrayList<>();
        r.add(new Rectangle(0, 0, Math.max(1, columns / 2), Math.max(1, rows / 8)));
        r.add(new Rectangle(columns / 3, rows / 2, Math.max(1, columns / 5), Math.max(1, rows / 6)));
        r.add(new Rectangle(Math.max(0, columns - 3), Math.max(0, rows - 2), 50, 50));
        return r;
    }

    private void assertRedactedLikePydicom(Path input, boolean lazy, String expectedTs) throws IOException {
        Peers.assumePydicom();
        Assumptions.assumeTrue(Files.isRegularFile(input), input + " is missing");
        ReadOptions options = ReadOptions.defaults().withLazyPixelData(lazy);
        DicomFile file = new DicomReader(options).readFile(input);
        int rows = file.dataSet().getInt(Tag.Rows, 0);
        int columns = file.dataSet().getInt(Tag.Columns, 0);
        List<Rectangle> rects = rectangles(rows, columns);
        Redaction r = PixelRedactor.of(RedactionRules.of(List.of(rule(rows, columns, rects)))).redact(file);
        assertEquals(Decision.REDACTED, r.decision(), r.reason());
        assertEquals(expectedTs, r.transferSyntax().uid());
        Path out = tmp.resolve(input.getFileName());
        new DicomWriter(WriteOptions.defaults().withTransferSyntax(r.transferSyntax())).write(r.file(), out);
        StringBuilder json = new StringBuilder("[");
        for (Rectangle rect : rects) {
            json.append(json.length() > 1 ? "," : "").append("[").append(rect.x()).append(",").append(rect.y()).append(",")
                    .append(rect.width()).append(",").append(rect.height()).append("]");
        }
        Peers.Result p = Peers.runPython(ORACLE, List.of(input, out, Path.of(json.append("]").toString())), 120);
        assertEquals(0, p.exitCode(), p.all());
        String result = p.stdout().strip();
        assertTrue(result.contains("\"outside_equal\": true"), input + ": " + result);
        assertTrue(result.contains("\"inside_fill\": true"), input + ": " + result);
        assertTrue(result.contains("\"burned\": \"NO\""), input + ": " + result);
        assertTrue(result.contains("\"ts\": \"" + expectedTs + "\""), input + ": " + result);
        assertTrue(result.contains("\"inside_changed_before\": true"), input + ": the rectangles held only the fill "
                + "value already, so the test proves nothing: " + result);
    }

    @Test
    void nativeLittleEndianSigned16() throws IOException {
        assertRedactedLikePydicom(PYDICOM.resolve("CT_small.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(QA_TS.resolve("1.dcm"), true, "1.2.840.10008.1.2.1");
    }

    @Test
    void nativeImplicitAndBigEndian() throws IOException {
        assertRedactedLikePydicom(QA_TS.resolve("2.dcm"), false, "1.2.840.10008.1.2");
        assertRedactedLikePydicom(QA_TS.resolve("3.dcm"), true, "1.2.840.10008.1.2.2");
        assertRedactedLikePydicom(PYDICOM.resolve("MR_small_bigendian.dcm"), false, "1.2.840.10008.1.2.2");
    }

    @Test
    void nativeRgbPlanarBigEndian8Bit() throws IOException {
        assertRedactedLikePydicom(PYDICOM.resolve("ExplVR_BigEnd.dcm"), false, "1.2.840.10008.1.2.2");
    }

    @Test
    void nativeRgbInterleaved8BitOddSize() throws IOException {
        assertRedactedLikePydicom(PYDICOM.resolve("SC_rgb_small_odd.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("SC_rgb_jpeg_dcmd.dcm"), true, "1.2.840.10008.1.2");
    }

    @Test
    void nativeMultiFrame32Bit() throws IOException {
        assertRedactedLikePydicom(PYDICOM.resolve("rtdose.dcm"), false, "1.2.840.10008.1.2");
        assertRedactedLikePydicom(PYDICOM.resolve("rtdose_expb.dcm"), true, "1.2.840.10008.1.2.2");
    }

    @Test
    void rleDecodedToNative() throws IOException {
        assertRedactedLikePydicom(QA_TS.resolve("4.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("SC_rgb_rle_2frame.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("SC_rgb_rle_16bit_2frame.dcm"), true, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("SC_rgb_rle_32bit_2frame.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("rtdose_rle.dcm"), false, "1.2.840.10008.1.2.1");
    }

    @Test
    void jpegLosslessDecodedToNative() throws IOException {
        assertRedactedLikePydicom(QA_TS.resolve("5.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(QA_TS.resolve("6.dcm"), true, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("SC_rgb_jpeg_gdcm.dcm"), false, "1.2.840.10008.1.2.1");
    }

    @Test
    void jpeg2000LosslessDecodedToNative() throws IOException {
        assertRedactedLikePydicom(QA_TS.resolve("9.dcm"), false, "1.2.840.10008.1.2.1");
        assertRedactedLikePydicom(PYDICOM.resolve("MR_small_jp2klossless.dcm"), false, "1.2.840.10008.1.2.1");
    }

    /**
     * Lossy JPEG: decoders may round differently, so outside the rectangles the values must agree with
     * pydicom's decoding of the input within 1; Lossy Image Compression attributes are kept or added.
     */
    @Test
    void lossyJpegDecodedToNativeKeepsLossyAttributes() throws IOException {
        Peers.assumePydicom();
        for (String name : List.of("JPGExtended.dcm", "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_dcmtk_+eb+cy+np.dcm")) {
            Path input = PYDICOM.resolve(name);
            DicomFile file = DicomReader.read(input);
            String lossyBefore = file.dataSet().getString(Tag.LossyImageCompression);
            int rows = file.dataSet().getInt(Tag.Rows, 0);
            int columns = file.dataSet().getInt(Tag.Columns, 0);
            Redaction r = PixelRedactor.of(RedactionRules.of(List.of(rule(rows, columns, rectangles(rows, columns)))))
                    .redact(file);
            assertEquals(Decision.REDACTED, r.decision(), r.reason());
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, r.transferSyntax());
            assertEquals(lossyBefore == null ? "01" : lossyBefore.strip(),
                    file.dataSet().getString(Tag.LossyImageCompression).strip(), name);
            Path out = tmp.resolve(name);
            new DicomWriter(WriteOptions.defaults().withTransferSyntax(r.transferSyntax())).write(r.file(), out);
            Peers.Result p = Peers.runPython(String.join("\n",
                    "import sys, numpy as np, pydicom",
                    "a = pydicom.dcmread(sys.argv[1]); b = pydicom.dcmread(sys.argv[2])",
                    "pa = a.pixel_array.astype(np.int64); pb = b.pixel_array.astype(np.int64)",
                    "if a.PhotometricInterpretation != b.PhotometricInterpretation and b.PhotometricInterpretation == 'YBR_FULL':",
                    "    pb = pydicom.pixel_data_handlers.util.convert_color_space(b.pixel_array, 'YBR_FULL', 'RGB').astype(np.int64)",
                    "    pa = pydicom.pixel_data_handlers.util.convert_color_space(a.pixel_array, 'YBR_FULL', 'RGB').astype(np.int64)"
                    + " if a.PhotometricInterpretation.startswith('YBR') else pa",
                    "mask = np.zeros(pa.shape[:2], bool)",
                    "h, w = pa.shape[:2]",
                    "mask[0:max(1, h // 8), 0:max(1, w // 2)] = True",
                    "mask[h // 2:h // 2 + max(1, h // 6), w // 3:w // 3 + max(1, w // 5)] = True",
                    "mask[max(0, h - 2):, max(0, w - 3):] = True",
                    "print(int(np.abs(pa[~mask] - pb[~mask]).max()), str(b.PhotometricInterpretation))"),
                    List.of(input, out), 120);
            assertEquals(0, p.exitCode(), p.all());
            assertTrue(Integer.parseInt(p.stdout().strip().split(" ")[0]) <= 1, name + ": max difference " + p.stdout());
        }
    }

    @Test
    void unchangedLeavesTheFileByteIdentical() throws IOException {
        for (Path input : List.of(QA_TS.resolve("1.dcm"), QA_TS.resolve("3.dcm"), QA_TS.resolve("4.dcm"),
                PYDICOM.resolve("MR_small.dcm"))) {
            Assumptions.assumeTrue(Files.isRegularFile(input), input + " is missing");
            DicomFile file = DicomReader.read(input);
            byte[] before = write(file);
            List<DataElement> elements = new ArrayList<>(file.dataSet().elements());
            // A rule for another size must not apply.
            Redaction r = PixelRedactor.of(RedactionRules.of(List.of(rule(7, 7, List.of(new Rectangle(0, 0, 1, 1))))))
                    .redact(file);
            assertEquals(Decision.UNCHANGED, r.decision(), r.reason());
            assertSame(file, r.file());
            assertEquals(elements, new ArrayList<>(file.dataSet().elements()));
            assertArrayEquals(before, write(r.file()));
            assertArrayEquals(Files.readAllBytes(input), write(r.file()), input + " not byte-identical");
        }
    }

    @Test
    void withheldWhenBurnedInAnnotationIsYesAndNoRuleMatches() throws IOException {
        DicomFile file = DicomReader.read(QA_TS.resolve("1.dcm"));
        file.dataSet().setString(Tag.BurnedInAnnotation, VR.CS, "YES");
        byte[] before = write(file);
        Redaction r = PixelRedactor.of(RedactionRules.defaults()).redact(file);
        assertEquals(Decision.WITHHELD, r.decision());
        assertEquals("(0028,0301) BurnedInAnnotation is YES and no redaction rule matches", r.reason());
        assertTrue(!r.releasable());
        assertArrayEquals(before, write(file), "a withheld data set was modified");
    }

    @Test
    void withheldForScreenCaptureLikeObjects() throws IOException {
        DicomFile sc = DicomReader.read(PYDICOM.resolve("SC_rgb_small_odd.dcm"));
        assertEquals(UID.SecondaryCaptureImageStorage, sc.dataSet().getString(Tag.SOPClassUID).strip());
        Redaction r = PixelRedactor.of(RedactionRules.defaults()).redact(sc);
        assertEquals(Decision.WITHHELD, r.decision());
        assertTrue(r.reason().startsWith("(0008,0016) SOPClassUID is a Secondary Capture"), r.reason());

        DicomFile mr = DicomReader.read(PYDICOM.resolve("MR_small.dcm"));
        mr.dataSet().setString(Tag.ConversionType, VR.CS, "WSD");
        r = PixelRedactor.of(RedactionRules.none()).redact(mr);
        assertEquals(Decision.WITHHELD, r.decision());
        assertTrue(r.reason().startsWith("(0008,0064) ConversionType is WSD"), r.reason());

        DicomFile saved = DicomReader.read(PYDICOM.resolve("MR_small.dcm"));
        saved.dataSet().setString(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY", "SCREEN SAVE");
        r = PixelRedactor.of(RedactionRules.none()).redact(saved);
        assertEquals(Decision.WITHHELD, r.decision());
        assertTrue(r.reason().startsWith("(0008,0008) ImageType"), r.reason());
    }

    @Test
    void ruleWithoutRectanglesReleasesUntouchedPixels() throws IOException {
        DicomFile file = DicomReader.read(QA_TS.resolve("4.dcm"));
        file.dataSet().setString(Tag.BurnedInAnnotation, VR.CS, "YES");
        DataElement pixels = file.dataSet().get(Tag.PixelData);
        Redaction r = PixelRedactor.of(RedactionRules.of(List.of(rule(384, 384, List.of())))).redact(file);
        assertEquals(Decision.REDACTED, r.decision());
        assertSame(pixels, file.dataSet().get(Tag.PixelData));
        assertEquals(TransferSyntax.RLE_LOSSLESS, r.transferSyntax());
        assertEquals("NO", file.dataSet().getString(Tag.BurnedInAnnotation).strip());
    }

    @Test
    void withheldWhenTheTransferSyntaxCannotBeDecoded() throws IOException {
        Path input = PYDICOM.resolve("MR_small_jpeg_ls_lossless.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(input));
        DicomFile file = DicomReader.read(input);
        Redaction r = PixelRedactor.of(RedactionRules.of(List.of(rule(64, 64, List.of(new Rectangle(0, 0, 8, 8))))))
                .redact(file);
        assertEquals(Decision.WITHHELD, r.decision());
        assertTrue(r.reason().contains("cannot be decoded: transfer syntax 1.2.840.10008.1.2.4.80"), r.reason());
    }

    @Test
    void withheldWhenNativePixelDataCannotBeBlanked() throws IOException {
        Path input = PYDICOM.resolve("SC_ybr_full_422_uncompressed.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(input));
        Redaction r = PixelRedactor.of(RedactionRules.of(List.of(rule(100, 100, List.of(new Rectangle(0, 0, 8, 8))))))
                .redact(DicomReader.read(input));
        assertEquals(Decision.WITHHELD, r.decision());
        assertTrue(r.reason().endsWith("cannot be redacted: native YBR_FULL_422 with subsampled chrominance"), r.reason());
    }

    @Test
    void shortNativePixelDataIsAFormatError() throws IOException {
        DicomFile file = DicomReader.read(PYDICOM.resolve("MR_small.dcm"));
        file.dataSet().put(DataElement.of(Tag.PixelData, VR.OW, new byte[100]));
        PixelRedactor redactor = PixelRedactor.of(RedactionRules.of(List.of(rule(64, 64, rectangles(64, 64)))));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> redactor.redact(file));
        assertTrue(e.getMessage().contains("(7FE0,0010) PixelData: value is 100 bytes, expected at least 8192"),
                e.getMessage());
    }

    private static byte[] write(DicomFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(WriteOptions.defaults()).write(file, out);
        return out.toByteArray();
    }
}
