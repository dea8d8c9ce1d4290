package org.delineate.privacy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.privacy.deid.PhiDataSets;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds the input folder of the end-to-end tests: the DICOM files of pydicom/deid-data (copied, with its
 * README and LICENSE, which are not DICOM and so are quarantined), a generated CT series of three instances full
 * of made-up PHI ({@link PhiDataSets}) in a folder and under file names that carry the patient's name and ID,
 * referencing each other and sharing a Frame of Reference, a truncated copy of one of them, and a NIfTI image
 * (made by nibabel) whose header text and comment extension name the patient.
 */
final class DeidInputs {

    static final String PHI_FOLDER = "Doe_Johnathan_MRN0012345/ACC998877";
    static final String NIFTI = "Doe_Johnathan_MRN0012345/t1 Doe^Johnathan.nii.gz";
    static final String TRUNCATED = "Doe_Johnathan_MRN0012345/ACC998877/Doe^Johnathan truncated.dcm";
    /** Identifiers put into the names of folders and files (checked in output paths, reports and journals). */
    static final List<String> NAME_IDENTIFIERS = List.of("Doe_Johnathan", "ACC998877", "MRN0012345", "Johnathan",
            "truncated");
    /** The rules the tests run with: deid-data's photographs reviewed clean, a band blanked on the CT brains. */
    static final String RULES = """
            {"format": "delineate-redaction-rules", "version": 1, "rules": [
             {"name": "deid-data cookies: photographs reviewed, no text", "Rows": 1536, "Columns": 2048,
              "rectangles": []},
             {"name": "deid-data ctbrain: top band", "Modality": "CT", "Manufacturer": "SIEMENS", "Rows": 456,
              "Columns": 510, "rectangles": [{"x": 0, "y": 0, "width": 510, "height": 24}]}]}
            """;

    private DeidInputs() {
    }

    /**
     * Two generated files with one SOP Instance UID and different pixels: both are withheld. (deid-data's two CT
     * brain files share a SOP Instance UID too, but differ only in private elements the profile removes, so they
     * give one output.)
     */
    static final List<String> SAME_UID = List.of("Doe_Johnathan_MRN0012345/dup/a.dcm",
            "Doe_Johnathan_MRN0012345/dup/b.dcm");

    static String instanceUid(int k) {
        return PhiDataSets.INSTANCE_UID + "." + k;
    }

    /** Fills {@code in}; returns the DICOM inputs expected to be written (relative paths, not {@link #SAME_UID}). */
    static List<String> create(Path in) throws IOException {
        Path deid = TestFiles.shared().resolve("testdata/deid_data");
        Assumptions.assumeTrue(Files.isDirectory(deid), deid + " is missing");
        List<String> dicom = new ArrayList<>();
        try (Stream<Path> files = Files.walk(deid)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = in.resolve("deid_data").resolve(deid.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
                if (p.toString().endsWith(".dcm")) {
                    dicom.add(in.relativize(target).toString());
                }
            }
        }
        Path folder = Files.createDirectories(in.resolve(PHI_FOLDER));
        for (int k = 1; k <= 3; k++) {
            DataSet ds = PhiDataSets.create();
            ds.setString(0x00080018, VR.UI, instanceUid(k));
            ds.setString(0x00200013, VR.IS, Integer.toString(k));
            // Each instance references the first (a reference that must resolve in the output).
            ds.getSequence(0x00081140).iterator().next().setString(0x00081155, VR.UI, instanceUid(1));
            Path file = folder.resolve("Doe^Johnathan MRN0012345 " + k + ".dcm");
            new DicomWriter(WriteOptions.fresh(null)).write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    file);
            dicom.add(in.relativize(file).toString());
        }
        for (int k = 0; k < SAME_UID.size(); k++) {
            DataSet ds = PhiDataSets.create();
            ds.setString(0x00080018, VR.UI, instanceUid(9));
            ds.setBytes(0x7FE00010, VR.OW, new byte[] {(byte) k, 0, 2, 0, 3, 0, 4, 0});
            Files.createDirectories(in.resolve(SAME_UID.get(k)).getParent());
            new DicomWriter(WriteOptions.fresh(null)).write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    in.resolve(SAME_UID.get(k)));
        }
        byte[] whole = Files.readAllBytes(folder.resolve("Doe^Johnathan MRN0012345 1.dcm"));
        // Cut inside Pixel Data, the last element: as a transfer that stopped early leaves a file.
        Files.write(in.resolve(TRUNCATED), java.util.Arrays.copyOf(whole, whole.length - 3));
        Peers.Result r = Peers.runPythonWithArguments(String.join("\n",
                "import sys, numpy as np, nibabel as nib",
                "data = (np.arange(8 * 9 * 10, dtype=np.int16) * 7 - 300).reshape(8, 9, 10)",
                "affine = np.array([[0, -1.2, 0, 40], [0.9, 0, 0, -20], [0, 0, 2.5, 10], [0, 0, 0, 1]])",
                "img = nib.Nifti1Image(data, affine)",
                "h = img.header",
                "h['descrip'] = b'Doe^Johnathan MRN0012345 20200315'",
                "h['aux_file'] = b'johnathan_doe.txt'",
                "h['intent_name'] = b'MRN0012345'",
                "h['db_name'] = b'DOE JOHNATHAN'",
                "h.extensions.append(nib.nifti1.Nifti1Extension('comment', b'Patient Doe^Johnathan MRN0012345'))",
                "nib.save(img, sys.argv[1])"), List.of(in.resolve(NIFTI).toString()), 120);
        if (r.exitCode() != 0) {
            throw new IOException("nibabel could not write the NIfTI input: " + r.stderr());
        }
        return dicom;
    }
}
