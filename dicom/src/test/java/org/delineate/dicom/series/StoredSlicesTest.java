package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.nifti.NiftiHeader;
import org.delineate.dicom.nifti.NiftiVolumeWriter;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.volume.StoredSlices;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames whose bytes are their stored samples are copied into NIfTI files without decoding ({@code delineate
 * convert}). The copy must be byte for byte the file that decoding into volumes and encoding them writes (the
 * path tested against dcm2niix and nibabel), for every such volume group of the shared test data, 3D and 4D,
 * signed and unsigned, 8 and 16 bits, .nii and .nii.gz; frames that need decoding are never copied.
 */
class StoredSlicesTest {

    @TempDir
    Path tmp;

    @Test
    void copiedFilesAreTheFilesDecodedVolumesGive() throws Exception {
        List<Path> roots = new ArrayList<>();
        for (String name : List.of("dcm_qa_nih", "dcm_qa_ts", "dcm_qa_12bit", "dcm_qa_enh", "dcmqi_testdata",
                "highdicom_testdata", "pydicom_testfiles")) {
            Path root = TestFiles.testdata().resolve(name);
            if (Files.isDirectory(root)) {
                roots.add(root);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(roots.isEmpty(), "no shared test data");
        ScanResult scan = new SeriesScanner(ScanOptions.defaults()).scan(roots);
        int copied = 0;
        int decoded = 0;
        int fourD = 0;
        int signed = 0;
        for (Series series : scan.series()) {
            for (List<FrameStack> group : series.volumes()) {
                if (!group.get(0).usable()) {
                    continue;
                }
                Optional<StoredSlices> stored = StackVolumes.storedSlices(group);
                List<Volume> volumes;
                try {
                    volumes = new ArrayList<>();
                    for (FrameStack stack : group) {
                        volumes.add(StackVolumes.read(stack, 2));
                    }
                } catch (IOException e) {
                    assertTrue(stored.isEmpty(), "a group that cannot be read is not copied: " + e.getMessage());
                    continue;
                }
                if (stored.isEmpty()) {
                    decoded++;
                    continue;
                }
                String what = series.seriesInstanceUid() + " " + group.get(0).label();
                String name = "v" + copied;
                Path fromVolumes = tmp.resolve(name + "-decoded.nii");
                Path fromFiles = tmp.resolve(name + "-copied.nii");
                NiftiVolumeWriter.write(volumes, NiftiHeader.XFORM_SCANNER_ANAT, fromVolumes);
                NiftiVolumeWriter.write(stored.get(), NiftiHeader.XFORM_SCANNER_ANAT, fromFiles);
                assertArrayEquals(Files.readAllBytes(fromVolumes), Files.readAllBytes(fromFiles), what);
                if (copied == 0) {
                    Path gz = tmp.resolve(name + "-copied.nii.gz");
                    NiftiVolumeWriter.write(stored.get(), NiftiHeader.XFORM_SCANNER_ANAT, gz);
                    assertArrayEquals(Files.readAllBytes(fromVolumes), gunzip(gz), what + " (.nii.gz)");
                }
                Files.delete(fromVolumes);
                Files.delete(fromFiles);
                copied++;
                fourD += group.size() > 1 ? 1 : 0;
                signed += stored.get().storedOffset() != 0 ? 1 : 0;
            }
        }
        System.out.println("stored slices: " + copied + " groups copied byte for byte as decoded (" + fourD + " 4D, "
                + signed + " signed), " + decoded + " decoded");
        assertTrue(copied >= 10, "copied " + copied);
        assertTrue(fourD >= 1 && signed >= 1 && signed < copied, fourD + " 4D, " + signed + " signed");
        assertTrue(decoded >= 10, "frames needing decoding are decoded: " + decoded);
    }

    @Test
    void aSourceCutShortAfterTheScanFailsNamingItAndLeavesNoOutput() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("phantom"));
        CtPhantom phantom = new CtPhantom(32, 6, 2.5, 2.5, "1.2.3", "1.2.3.4", "1.2.3.5");
        for (int k = 0; k < phantom.slices(); k++) {
            DataSet slice = phantom.slice(k);
            new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).write(
                    DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), folder.resolve("slice" + k + ".dcm"));
        }
        List<FrameStack> group = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder)).series().get(0).volumes()
                .get(0);
        StoredSlices stored = StackVolumes.storedSlices(group).orElseThrow();
        Path cut = stored.slices().get(3).file();
        try (RandomAccessFile file = new RandomAccessFile(cut.toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (String name : List.of("v.nii", "v.nii.gz")) {
            EOFException e = assertThrows(EOFException.class,
                    () -> NiftiVolumeWriter.write(stored, NiftiHeader.XFORM_SCANNER_ANAT, out.resolve(name)));
            assertTrue(e.getMessage().startsWith(cut + ": file ends at byte "), e.getMessage());
        }
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no partial output");
        }
    }

    @Test
    void fewerBitsStoredThanAllocatedAreDecoded() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("twelve"));
        CtPhantom phantom = new CtPhantom(16, 3, 2.5, 2.5, "1.2.3", "1.2.3.4", "1.2.3.5");
        for (int k = 0; k < phantom.slices(); k++) {
            DataSet slice = phantom.slice(k);
            slice.setInts(org.delineate.dicom.dict.Tag.BitsStored, org.delineate.dicom.data.VR.US, 12);
            slice.setInts(org.delineate.dicom.dict.Tag.HighBit, org.delineate.dicom.data.VR.US, 11);
            new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).write(
                    DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), folder.resolve("s" + k + ".dcm"));
        }
        List<FrameStack> group = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder)).series().get(0).volumes()
                .get(0);
        assertTrue(group.get(0).usable());
        assertFalse(StackVolumes.storedSlices(group).isPresent(), "12 of 16 bits stored: masked when decoded, not copied");
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
