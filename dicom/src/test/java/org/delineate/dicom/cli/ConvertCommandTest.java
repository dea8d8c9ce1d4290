package org.delineate.dicom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code delineate convert}: NIfTI rewrites, single-file output, sidecars without PHI, exit codes and messages. */
class ConvertCommandTest {

    private static final Path NIIVUE = TestFiles.testdata().resolve("niivue_images/packages/niivue");

    @TempDir
    Path tmp;

    @Test
    void niftiRewritesKeepAffineAndDataForNibabel() throws Exception {
        List<Path> inputs = List.of(NIIVUE.resolve("demos/images/shear.nii.gz"), NIIVUE.resolve("demos/images/mpld_asl.nii.gz"),
                NIIVUE.resolve("tests/images/ras.hdr"), NIIVUE.resolve("tests/images/nifti_space/LPI.nii.gz"),
                NIIVUE.resolve("demos/images/fslt.nii.gz"));
        inputs.forEach(p -> Assumptions.assumeTrue(Files.exists(p), "no " + p));
        List<ConvertRuns.Pair> pairs = new ArrayList<>();
        for (int n = 0; n < inputs.size(); n++) {
            Path input = inputs.get(n);
            // .nii.gz to .nii, .hdr/.img to .nii.gz; the last one into a folder
            Path out = n == inputs.size() - 1 ? tmp.resolve("folder")
                    : tmp.resolve(n + (input.toString().endsWith(".gz") ? ".nii" : ".nii.gz"));
            ConvertRuns.Run run = ConvertRuns.convert(input.toString(), out + (n == inputs.size() - 1 ? "/" : ""));
            assertEquals(0, run.exitCode(), run.err());
            Path written = n == inputs.size() - 1 ? out.resolve("fslt.nii.gz") : out;
            assertTrue(Files.isRegularFile(written), run.err());
            assertTrue(run.err().contains("wrote " + written), run.err());
            pairs.add(new ConvertRuns.Pair(written, input, null, null));
        }
        for (Map<String, Object> r : ConvertRuns.compare(pairs, tmp)) {
            assertEquals(r.get("refShape"), r.get("oursShape"), r.toString());
            assertEquals(r.get("refDtype"), r.get("oursDtype"), r.toString());
            assertTrue(((Number) r.get("affineError")).doubleValue() <= 1e-5, r.toString());
            assertEquals(0L, r.get("voxelsDiffering"), r.toString());
        }
    }

    @Test
    void singleSeriesToOneFileWithASidecarWithoutPatientData() throws Exception {
        Path in = phantom(tmp.resolve("phantom"));
        Path out = tmp.resolve("out/ct.nii");
        ConvertRuns.Run run = ConvertRuns.convert(in.toString(), out.toString(), "--json", "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("found 1 series, 1 volume to convert in 40 image files"), run.err());
        Path sidecar = tmp.resolve("out/ct.json");
        String text = Files.readString(sidecar, StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonTree.parse(text);
        assertEquals("CT", json.get("Modality"));
        assertEquals("Delineate", json.get("ConversionSoftware"));
        for (String phi : List.of("Phantom^Delineate", "DELINEATE-PHANTOM", "19700101", "Patient", "Dr^Who", "Who")) {
            assertFalse(text.contains(phi), phi + " in " + text);
        }
        assertFalse(run.err().contains("Phantom^Delineate") || run.err().contains("DELINEATE-PHANTOM"), run.err());
        try (var left = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of("ct.json", "ct.nii"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void missingInputExitsOneNamingIt() {
        Path absent = tmp.resolve("absent");
        ConvertRuns.Run run = ConvertRuns.convert(absent.toString(), tmp.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertEquals("delineate convert: " + absent + ": no such file or folder", run.err().strip());
    }

    @Test
    void folderWithoutImagesExitsOne() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not DICOM");
        ConvertRuns.Run run = ConvertRuns.convert(empty.toString(), tmp.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("warning: " + empty.resolve("notes.txt") + ": not a DICOM file"), run.err());
        assertTrue(run.err().strip().endsWith(empty + ": no image volume to convert (0 image files, 0 non-image instances, "
                + "1 unreadable files)"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is created");
    }

    @Test
    void severalVolumesForOneFileIsAUsageError() throws Exception {
        Path in = TestFiles.testdata().resolve("dcm_qa_12bit/In");
        Assumptions.assumeTrue(Files.isDirectory(in), "no " + in);
        Path out = tmp.resolve("all.nii.gz");
        ConvertRuns.Run run = ConvertRuns.convert(in.toString(), out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(in + " holds 3 volumes (4_FMRI_AX_ASC, 2_FMRI_AX_ASC, 3_FMRI_AX_ASC); give a folder "
                + "as OUTPUT"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void namesAreSanitizedAndCollisionsGetASuffix() {
        ConvertNames names = new ConvertNames();
        assertEquals("5_T1_MPRAGE_sag", names.name(5, " T1 MPRAGE / sag ", "", false));
        assertEquals("5_T1_MPRAGE_sag_2", names.name(5, "T1 MPRAGE: sag", "", false));
        assertEquals("801_B0_echo_2_TE_4.6_ms", names.name(801, "B0", "echo 2, TE 4.6 ms, volume 1 of 3 (acquisition 1)", true));
        assertEquals("unnumbered", names.name(null, "../..", null, false));
        assertEquals("08:36:34.295000", BidsSidecar.time("20181022083634.295000"));
        assertEquals("15:25:18.62", BidsSidecar.time("152518.62"));
    }

    /** The synthetic CT phantom, 40 slices, with patient data in every header. */
    private static Path phantom(Path folder) throws Exception {
        Files.createDirectories(folder);
        CtPhantom phantom = CtPhantom.standard();
        for (int k = 0; k < phantom.slices(); k++) {
            DataSet slice = phantom.slice(k);
            slice.setString(Tag.PatientBirthDate, VR.DA, "19700101");
            slice.setString(Tag.ReferringPhysicianName, VR.PN, "Dr^Who");
            new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).write(
                    DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), folder.resolve("slice" + k + ".dcm"));
        }
        return folder;
    }
}
