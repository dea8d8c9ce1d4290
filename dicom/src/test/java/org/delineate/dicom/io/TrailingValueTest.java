package org.delineate.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.Peers;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.sample.CtPhantom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set written with a final element whose value is streamed by a callback. */
class TrailingValueTest {

    @TempDir
    Path tmp;

    private static DataSet withoutPixels() {
        DataSet slice = CtPhantom.standard().slice(3);
        slice.remove(Tag.PixelData);
        return slice;
    }

    @Test
    void streamedPixelDataReadsBackLikeAHeldOne() throws IOException {
        DataSet slice = CtPhantom.standard().slice(3);
        byte[] pixels = slice.get(Tag.PixelData).bytes();
        DataSet header = new DataSet();
        for (var e : slice) {
            if (e.tag() != Tag.PixelData) {
                header.put(e);
            }
        }
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        Path streamed = tmp.resolve("streamed.dcm");
        Path held = tmp.resolve("held.dcm");
        writer.write(DicomFile.of(header, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                new TrailingValue(Tag.PixelData, VR.OW, pixels.length, out -> {
                    for (int i = 0; i < pixels.length; i += 1000) {
                        out.write(pixels, i, Math.min(1000, pixels.length - i));
                    }
                }), streamed);
        writer.write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), held);
        assertArrayEquals(Files.readAllBytes(held), Files.readAllBytes(streamed));
    }

    @Test
    void anOddValueIsPaddedAndDcmdumpReadsIt() throws IOException {
        Path out = tmp.resolve("odd.dcm");
        byte[] value = {1, 2, 3, 4, 5};
        new DicomWriter(WriteOptions.fresh(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).write(
                DicomFile.of(withoutPixels(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                new TrailingValue(Tag.PixelData, VR.OB, value.length, o -> o.write(value)), out);
        DicomFile read = new DicomReader(ReadOptions.defaults()).readFile(out);
        assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, read.transferSyntax());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0}, Arrays.copyOf(read.dataSet().get(Tag.PixelData).bytes(), 6));
        assertEquals(6, read.dataSet().get(Tag.PixelData).length());
        Peers.assumeInstalled("dcmdump");
        Peers.Result r = Peers.run(List.of("dcmdump", out.toString()), 60);
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(r.stderr().contains("E:"), r.stderr());
    }

    @Test
    void aProducerThatWritesTheWrongLengthFailsAndLeavesNoFile() {
        Path out = tmp.resolve("short.dcm");
        IOException e = assertThrows(IOException.class, () -> new DicomWriter(WriteOptions.fresh(
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).write(DicomFile.of(withoutPixels(),
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), new TrailingValue(Tag.PixelData, VR.OB, 10,
                                o -> o.write(new byte[9])), out));
        assertEquals("the value of (7FE0,0010) was announced as 10 bytes, but 9 were written", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void callerMistakesAreRefused() {
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        DicomFile file = DicomFile.of(withoutPixels(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> writer.write(file,
                new TrailingValue(Tag.PatientName, VR.OB, 2, o -> o.write(new byte[2])), new ByteArrayOutputStream()));
        assertEquals("the streamed element (0010,0010) must come after every element of the data set", early.getMessage());
        DicomWriter deflating = new DicomWriter(WriteOptions.fresh(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN));
        IllegalArgumentException deflated = assertThrows(IllegalArgumentException.class, () -> deflating.write(file,
                new TrailingValue(Tag.PixelData, VR.OB, 2, o -> o.write(new byte[2])), new ByteArrayOutputStream()));
        assertEquals("a streamed value cannot be written in " + TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.name(),
                deflated.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new TrailingValue(Tag.PixelData, VR.US, 70000, o -> { }));
        assertEquals("a US value cannot be 70000 bytes long", tooLong.getMessage());
    }
}
