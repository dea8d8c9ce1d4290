package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks on real files that need no pydicom: one image in several transfer syntaxes decodes to the
 * same values; dcm2niix's output for the 12-bit files; typed refusals; corrupt data; lazy reading.
 */
class CorpusCrossCheckTest {

    static Path existing(Path p) {
        Assumptions.assumeTrue(Files.isRegularFile(p), () -> p + " is not available");
        return p;
    }

    static Path qaTs(int n) {
        return existing(TestFiles.testdata().resolve("dcm_qa_ts/In/" + n + ".dcm"));
    }

    static Path pydicomFile(String name) {
        return existing(TestFiles.PYDICOM_DATA.resolve("test_files").resolve(name));
    }

    static long[] values(Path file) throws IOException {
        PixelData pixels = PixelData.of(DicomReader.read(file));
        List<Long> all = new ArrayList<>();
        for (int f = 0; f < pixels.numberOfFrames(); f++) {
            PixelFrame frame = pixels.frame(f);
            for (int i = 0; i < frame.length(); i++) {
                all.add(frame.value(i));
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void dcmQaTsLosslessEncodingsAreIdentical() throws IOException {
        // 1 Explicit LE, 2 Implicit LE, 3 Explicit BE, 4 RLE, 5 and 6 JPEG Lossless SV1, 9 JPEG 2000 Lossless.
        long[] reference = values(qaTs(1));
        for (int n : new int[] {2, 3, 4, 5, 6, 9}) {
            assertArrayEquals(reference, values(qaTs(n)), "dcm_qa_ts/In/" + n + ".dcm");
        }
    }

    @Test
    void jpegLsIsRefusedWithTheTransferSyntaxNamed() {
        for (int n : new int[] {7, 8}) {
            UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                    () -> PixelData.of(DicomReader.read(qaTs(n))));
            assertEquals("1.2.840.10008.1.2.4.80", e.transferSyntaxUid());
            assertTrue(e.getMessage().endsWith("cannot decode Pixel Data in transfer syntax 1.2.840.10008.1.2.4.80 "
                    + "(JPEG-LS Lossless Image Compression)"), e.getMessage());
        }
    }

    @Test
    void pydicomSmallMrInAllItsLosslessEncodingsIsIdentical() throws IOException {
        long[] reference = values(pydicomFile("MR_small.dcm"));
        for (String name : new String[] {"MR_small_RLE.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
            "MR_small_implicit.dcm", "MR_small_jp2klossless.dcm", "MR_small_padded.dcm"}) {
            assertArrayEquals(reference, values(pydicomFile(name)), name);
        }
        assertArrayEquals(values(pydicomFile("liver_1frame.dcm")), values(pydicomFile("liver_expb_1frame.dcm")));
        long[] dose = values(pydicomFile("rtdose.dcm"));
        assertArrayEquals(dose, values(pydicomFile("rtdose_expb.dcm")));
        assertArrayEquals(dose, values(pydicomFile("rtdose_rle.dcm")));
    }

    @Test
    void twelveBitFilesMatchDcm2niix() throws IOException {
        // dcm2niix's Ref/N.nii: the 6 x 6 mosaic of 64 x 64 tiles as 35 slices, each tile flipped vertically.
        String[][] pairs = {{"12bitUnsigned.dcm", "2.nii"}, {"12bitUnsigned_0x0F0F.dcm", "3.nii"},
            {"12bitSigned_0x0F0F.dcm", "4.nii"}};
        for (String[] pair : pairs) {
            Path dir = TestFiles.testdata().resolve("dcm_qa_12bit");
            PixelFrame mosaic = PixelData.frame(DicomReader.read(existing(dir.resolve("In").resolve(pair[0]))), 0);
            ByteBuffer nii = ByteBuffer.wrap(Files.readAllBytes(existing(dir.resolve("Ref").resolve(pair[1]))))
                    .order(ByteOrder.LITTLE_ENDIAN);
            int nx = nii.getShort(42);
            int ny = nii.getShort(44);
            int nz = nii.getShort(46);
            boolean unsigned = nii.getShort(70) == 512;
            int offset = (int) nii.getFloat(108);
            int tiles = mosaic.columns() / nx;
            int mismatches = 0;
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        short raw = nii.getShort(offset + 2 * ((z * ny + y) * nx + x));
                        long expected = unsigned ? raw & 0xFFFF : raw;
                        int row = (z / tiles) * ny + (ny - 1 - y);
                        int column = (z % tiles) * nx + x;
                        mismatches += mosaic.value(row, column, 0) == expected ? 0 : 1;
                    }
                }
            }
            assertEquals(0, mismatches, pair[0] + " vs dcm2niix " + pair[1]);
        }
    }

    @Test
    void corruptJpegNamesFileAndFrame() throws IOException {
        DicomFile file = DicomReader.read(pydicomFile("SC_rgb_jpeg_dcmtk.dcm"));
        byte[] jpeg = file.dataSet().get(Tag.PixelData).fragments().item(1);
        byte[] broken = Arrays.copyOf(jpeg, jpeg.length);
        // The SOF0 marker's number of components (Nf, 3) set to 7: its length no longer fits.
        int sof = 0;
        while (!((broken[sof] & 0xFF) == 0xFF && (broken[sof + 1] & 0xFF) == 0xC0)) {
            sof++;
        }
        broken[sof + 9] = 7;
        DataSet ds = file.dataSet();
        ds.put(DataElement.of(Tag.PixelData, VR.OB, new Fragments().add(new byte[0]).add(broken)));
        DicomFile damaged = new DicomFile(null, file.fileMeta(), ds, file.transferSyntax(), List.of(), file.source(), true);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> PixelData.frame(damaged, 0));
        assertTrue(e.getMessage().startsWith(file.source() + ": (7FE0,0010) PixelData: frame 1: JPEG decoding failed: "),
                e.getMessage());
    }

    @Test
    void lazyReadingDecodesTheSameFrames() throws IOException {
        Path file = existing(TestFiles.testdata().resolve("dcm_qa_enh/In/Philips/IM_0027_fMAP.dcm"));
        PixelData eager = PixelData.of(DicomReader.read(file));
        PixelData lazy = PixelData.of(new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file));
        assertEquals(64, lazy.numberOfFrames());
        for (int f : new int[] {0, 31, 63}) {
            assertArrayEquals(eager.frame(f).shorts(), lazy.frame(f).shorts(), "frame " + f);
        }
    }
}
