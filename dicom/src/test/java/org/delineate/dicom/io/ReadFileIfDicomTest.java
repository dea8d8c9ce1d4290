package org.delineate.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.sample.CtPhantom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DicomReader#readFileIfDicom}: the one-open check a scan makes before parsing a file. */
class ReadFileIfDicomTest {

    @TempDir
    Path tmp;

    private final DicomReader reader = new DicomReader(ReadOptions.defaults());

    @Test
    void aPart10FileReadsAsWithReadFile() throws IOException {
        DataSet slice = CtPhantom.standard().slice(2);
        Path file = tmp.resolve("slice.dcm");
        new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
        DicomFile checked = reader.readFileIfDicom(file);
        assertNotNull(checked);
        DicomFile plain = reader.readFile(file);
        assertEquals(plain.dataSet().getString(Tag.SOPInstanceUID), checked.dataSet().getString(Tag.SOPInstanceUID));
        assertEquals(plain.dataSet().size(), checked.dataSet().size());
    }

    @Test
    void aBareDataSetStartingWithGroup0008IsRead() throws IOException {
        // (0008,0016) and (0008,0018), Implicit VR Little Endian, no preamble and no File Meta Information
        byte[] bytes = {
            0x08, 0x00, 0x16, 0x00, 4, 0, 0, 0, '1', '.', '2', 0,
            0x08, 0x00, 0x18, 0x00, 4, 0, 0, 0, '1', '.', '3', 0,
        };
        Path file = Files.write(tmp.resolve("bare"), bytes);
        DicomFile dicom = reader.readFileIfDicom(file);
        assertNotNull(dicom);
        assertEquals("1.3", dicom.dataSet().getString(Tag.SOPInstanceUID));
    }

    @Test
    void textAndTinyAndOtherGroupsAreNotDicom() throws IOException {
        Path text = Files.writeString(tmp.resolve("README.txt"), "Series notes: nothing to see here, "
                + "a long enough line to pass byte 132 of the file without any DICM in it at all.".repeat(3),
                StandardCharsets.US_ASCII);
        assertNull(reader.readFileIfDicom(text));
        assertNull(reader.readFileIfDicom(Files.write(tmp.resolve("tiny"), new byte[] {0x08, 0x00})));
        // a group 0010 element first is data, but not how a DICOM data set or file starts
        byte[] patientFirst = {0x10, 0x00, 0x10, 0x00, 4, 0, 0, 0, 'A', '^', 'B', ' '};
        assertNull(reader.readFileIfDicom(Files.write(tmp.resolve("patient"), patientFirst)));
        assertNull(reader.readFileIfDicom(Files.write(tmp.resolve("empty"), new byte[0])));
    }
}
