package org.delineate.dicom.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reader bugs found by comparing with pydicom ({@link PydicomComparisonTest}), each named after the file that showed it. */
class ReaderRegressionTest {

    /**
     * pydicom's {@code SC_rgb_jpeg.dcm} declares JPEG Baseline but its data set is Implicit VR: its
     * encapsulated Pixel Data was read as OW (the dictionary's "OB or OW" for native pixels) where
     * PS3.5 A.4 requires OB, and would have been written back as OW.
     */
    @Test
    void encapsulatedPixelDataReadWithoutVrIsOb_SC_rgb_jpeg() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7FE0).putShort((short) 0x0010).putInt(-1);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(0);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(4).putInt(0x12345678);
        b.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        DicomFile read = new DicomReader(ReadOptions.defaults()).read(new ByteArrayInputStream(b.array()), "implicit");
        DataElement pixels = read.dataSet().get(Tags.PIXEL_DATA);
        assertTrue(pixels.isFragments());
        assertEquals(VR.OB, pixels.vr());
        assertEquals(2, pixels.fragments().size());

        Path file = TestFiles.PYDICOM_DATA.resolve("test_files/SC_rgb_jpeg.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> file + " is missing");
        assertEquals(VR.OB, DicomReader.read(file).dataSet().get(Tags.PIXEL_DATA).vr());
    }
}
