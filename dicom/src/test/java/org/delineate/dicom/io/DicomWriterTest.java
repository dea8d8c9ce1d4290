package org.delineate.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.json.DicomJsonWriter;
import org.delineate.dicom.sample.CtPhantom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files we write: valid for dciodvfy and dcmdump, atomic, strict, and transcodable without loss. */
class DicomWriterTest {

    @TempDir
    Path tmp;

    private Path writePhantomSlice(TransferSyntax ts) throws IOException {
        DataSet slice = CtPhantom.standard().slice(20);
        Path out = tmp.resolve("slice-" + ts.uid() + ".dcm");
        new DicomWriter(WriteOptions.fresh(ts)).write(DicomFile.of(slice, ts), out);
        return out;
    }

    @Test
    void freshFileMetaNamesTheInstanceAndDelineate() throws IOException {
        Path out = writePhantomSlice(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFile read = new DicomReader(ReadOptions.defaults().withDeviations(DeviationHandling.FAIL)).readFile(out);
        DataSet meta = read.fileMeta();
        assertEquals(read.dataSet().getString(Tag.SOPInstanceUID), meta.getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(read.dataSet().getString(Tag.SOPClassUID), meta.getString(Tag.MediaStorageSOPClassUID));
        assertEquals(FileMetaInformation.IMPLEMENTATION_CLASS_UID, meta.getString(Tag.ImplementationClassUID));
        assertArrayEquals(new byte[128], read.preamble());
        assertTrue(read.deviations().isEmpty());
    }

    @Test
    void phantomSliceIsAValidCtImageForDciodvfy() throws IOException {
        Peers.assumeInstalled("dciodvfy");
        Path out = writePhantomSlice(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Peers.Result result = Peers.run(List.of("dciodvfy", out.toString()), 60);
        assertFalse(result.all().contains("Error"), result.all());
        assertFalse(result.all().contains("Warning"), result.all());
    }

    static Stream<TransferSyntax> syntaxes() {
        return Stream.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void dcmdumpReadsWhatWeWriteWithTheSameValues(TransferSyntax ts) throws IOException {
        Peers.assumeInstalled("dcmdump");
        Path out = writePhantomSlice(ts);
        Peers.Result result = Peers.run(List.of("dcmdump", "+L", out.toString()), 60);
        assertEquals(0, result.exitCode(), result.all());
        assertFalse(result.stderr().contains("E:") || result.stderr().contains("W:"), result.stderr());
        assertTrue(result.stdout().contains("(0010,0010) PN [Phantom^Delineate]"), result.stdout());
        assertTrue(result.stdout().contains("(0028,0010) US 128"), result.stdout());
        assertTrue(result.stdout().contains("(0002,0010) UI =" + dcmtkName(ts)), result.stdout());
    }

    private static String dcmtkName(TransferSyntax ts) {
        switch (ts.uid()) {
            case "1.2.840.10008.1.2": return "LittleEndianImplicit";
            case "1.2.840.10008.1.2.2": return "BigEndianExplicit";
            case "1.2.840.10008.1.2.1.99": return "DeflatedLittleEndianExplicit";
            default: return "LittleEndianExplicit";
        }
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void transcodingKeepsEveryValue(TransferSyntax ts) throws IOException {
        Path source = TestFiles.PYDICOM_DATA.resolve("test_files/MR_small.dcm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(source), "pydicom's corpus is not installed");
        DicomFile original = DicomReader.read(source);
        Path out = tmp.resolve("transcoded.dcm");
        new DicomWriter(WriteOptions.defaults().withTransferSyntax(ts)).write(original, out);
        DicomFile back = new DicomReader(ReadOptions.defaults().withDeviations(DeviationHandling.FAIL)).readFile(out);
        assertEquals(ts, back.transferSyntax());
        assertEquals(json(original.dataSet()), json(back.dataSet()));
    }

    private static String json(DataSet dataSet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomJsonWriter(false).write(dataSet, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aFailedWriteLeavesNoFileBehind() throws IOException {
        DataSet slice = CtPhantom.standard().slice(0);
        slice.put(DataElement.of(Tag.PixelData, VR.OW, new BulkData(tmp.resolve("vanished.raw"), 0, 32768)));
        Path out = tmp.resolve("out.dcm");
        assertThrows(IOException.class, () -> new DicomWriter(WriteOptions.fresh(null))
                .write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), out));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void refusesToWriteAnInstanceWithoutSopInstanceUid() {
        DataSet dataSet = new DataSet();
        dataSet.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DicomWriter(
                WriteOptions.fresh(null)).write(DicomFile.of(dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                        new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("(0008,0018) SOPInstanceUID"), e.getMessage());
    }

    @Test
    void refusesToTranscodeADicomdirWhoseOffsetsWouldGoStale() throws IOException {
        List<Path> dicomdirs = TestFiles.find(TestFiles.PYDICOM_DATA.resolve("test_files/dicomdirtests"), "DICOMDIR");
        org.junit.jupiter.api.Assumptions.assumeFalse(dicomdirs.isEmpty(), "pydicom's corpus is not installed");
        DicomFile dicomdir = DicomReader.read(dicomdirs.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DicomWriter(WriteOptions
                .defaults().withTransferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).write(dicomdir, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("DICOMDIR"), e.getMessage());
    }

    @Test
    void privateSequencesWrittenInImplicitVrHaveUndefinedLengthSoReadersSeeSequences() throws IOException {
        DataSet dataSet = CtPhantom.standard().slice(0);
        dataSet.setString(0x00090010, VR.LO, "DELINEATE TEST");
        DataSet item = new DataSet();
        item.setString(0x00100010, VR.PN, "Nested^Name");
        org.delineate.dicom.data.Sequence sequence = new org.delineate.dicom.data.Sequence(dataSet);
        sequence.setUndefinedLength(false);
        sequence.add(item).setUndefinedLength(false);
        dataSet.put(DataElement.of(0x00091001, VR.UN, sequence));
        Path out = tmp.resolve("private-sequence.dcm");
        new DicomWriter(WriteOptions.fresh(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))
                .write(DicomFile.of(dataSet, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), out);
        DataSet back = DicomReader.read(out).dataSet();
        assertTrue(back.get(0x00091001).isSequence());
        assertEquals("Nested^Name", back.get(0x00091001).sequence().get(0).getString(0x00100010));
    }

    @Test
    void standardAttributesEncodedAsUnAreReadWithTheirDictionaryVr() {
        DataSet dataSet = new DataSet();
        dataSet.setBigEndian(true);
        dataSet.put(DataElement.of(Tag.SOPClassUID, VR.UN, "1.2.840.10008.5.1.4.1.1.2\0"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        dataSet.put(DataElement.of(Tag.Rows, VR.UN, new byte[] {0, 2}));
        assertEquals("1.2.840.10008.5.1.4.1.1.2", dataSet.getString(Tag.SOPClassUID));
        assertEquals(512, dataSet.getInt(Tag.Rows, -1), "UN values are little-endian whatever the transfer syntax");
    }

    @Test
    void oddValuesArePaddedWithTheVrsPadding() throws IOException {
        DataSet dataSet = CtPhantom.standard().slice(0);
        dataSet.put(DataElement.of(Tag.StudyDescription, VR.LO, "ABC".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        dataSet.put(DataElement.of(Tag.StudyInstanceUID, VR.UI, "1.2.3".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Path out = tmp.resolve("padded.dcm");
        new DicomWriter(WriteOptions.fresh(null)).write(DicomFile.of(dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), out);
        DicomFile back = new DicomReader(ReadOptions.defaults().withDeviations(DeviationHandling.FAIL)).readFile(out);
        assertArrayEquals("ABC ".getBytes(java.nio.charset.StandardCharsets.US_ASCII), back.dataSet().get(Tag.StudyDescription).bytes());
        assertArrayEquals("1.2.3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), back.dataSet().get(Tag.StudyInstanceUID).bytes());
    }
}
