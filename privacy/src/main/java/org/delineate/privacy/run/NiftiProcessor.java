package org.delineate.privacy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.delineate.dicom.io.AtomicFiles;
import org.delineate.dicom.nifti.NiftiImage;
import org.delineate.dicom.nifti.NiftiReader;
import org.delineate.dicom.nifti.NiftiWriter;
import org.delineate.privacy.bids.SidecarFormatException;
import org.delineate.privacy.bids.SidecarScrubber;
import org.delineate.privacy.deid.Deidentifier;
import org.delineate.privacy.pseudonym.UnknownPatientException;
import org.delineate.privacy.run.Outcome.Kind;
import org.delineate.privacy.verify.Finding;

/**
 * De-identifies NIfTI images ({@link NiftiScrubber}, written to {@code nifti/<input id>.nii[.gz]}) and their BIDS
 * JSON sidecars ({@link SidecarScrubber}, written next to the image as {@code nifti/<image's input id>.json}).
 * A sidecar is the {@code .json} file with the image's base name in the same folder; other JSON files are not
 * released. An image belongs to the patient of its sidecar's PatientID, so the verification pass withholds it
 * with the patient's DICOM files. Thread-safe.
 */
final class NiftiProcessor {

    private static final String JSON = ".json";

    private final Deidentifier engine;
    private final PatientKeys patients;
    private final ActionCounts counts;
    private final Outputs outputs;
    private final UnaryOperator<String> inputIds;

    NiftiProcessor(Deidentifier engine, PatientKeys patients, ActionCounts counts, Outputs outputs,
            UnaryOperator<String> inputIds) {
        this.engine = engine;
        this.patients = patients;
        this.counts = counts;
        this.outputs = outputs;
        this.inputIds = inputIds;
    }

    /** True for names this class handles: .nii, .nii.gz and .json. */
    static boolean handles(String lowerCaseName) {
        return lowerCaseName.endsWith(".nii") || lowerCaseName.endsWith(".nii.gz") || lowerCaseName.endsWith(JSON);
    }

    Outcome process(Path file, String relative, String id, long size, long modified) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(JSON) ? sidecar(file, relative, id, size, modified)
                : image(file, relative, id, size, modified, lower.endsWith(".gz") ? ".nii.gz" : ".nii");
    }

    private Outcome image(Path file, String relative, String id, long size, long modified, String extension)
            throws IOException {
        NiftiImage image;
        try {
            image = NiftiReader.read(file);
        } catch (IOException e) {
            return new Outcome(id, size, modified, Kind.QUARANTINED, Reasons.of(e, file, relative));
        }
        NiftiImage clean = image.withHeader(NiftiScrubber.scrub(image.header(), counts));
        String base = file.getFileName().toString();
        base = base.substring(0, base.length() - extension.length());
        String patient;
        try {
            patient = sidecarPatient(file.resolveSibling(base + JSON));
        } catch (UnknownPatientException e) {
            return new Outcome(id, size, modified, Kind.WITHHELD, "the patient (of its sidecar) is not in the lookup "
                    + "table");
        }
        Outcome written = new Outcome(id, size, modified, Kind.WRITTEN, "nifti/" + id + extension, patient);
        return outputs.writeOwn(written, target -> NiftiWriter.write(clean, target));
    }

    /**
     * The patient of an image's sidecar, or "" when it has none or it cannot be read.
     *
     * @throws UnknownPatientException when the sidecar's patient is missing from a strict lookup table
     */
    private String sidecarPatient(Path sidecar) {
        if (!Files.isRegularFile(sidecar)) {
            return "";
        }
        try {
            SidecarScrubber.Result r = SidecarScrubber.scrub(SidecarScrubber.read(Files.readAllBytes(sidecar),
                    sidecar.toString()), engine, (key, keyword, action, rule) -> { });
            return patients.of(r.patientId(), r.releasedPatientId());
        } catch (UnknownPatientException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private Outcome sidecar(Path file, String relative, String id, long size, long modified) throws IOException {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.length() - JSON.length());
        String image = null;
        for (String extension : List.of(".nii.gz", ".nii")) {
            if (Files.isRegularFile(file.resolveSibling(base + extension))) {
                image = base + extension;
                break;
            }
        }
        if (image == null) {
            return new Outcome(id, size, modified, Kind.QUARANTINED, "not DICOM or NIfTI: a JSON file that is no "
                    + "sidecar (no .nii or .nii.gz image of the same name); not released");
        }
        SidecarScrubber.Result result;
        try {
            if (size > SidecarScrubber.MAX_BYTES) {
                throw new SidecarFormatException(file + ": larger than " + (SidecarScrubber.MAX_BYTES >> 20) + " MiB");
            }
            Map<String, Object> json = SidecarScrubber.read(Files.readAllBytes(file), file.toString());
            result = SidecarScrubber.scrub(json, engine, (key, keyword, action, rule) -> counts.add(key, keyword,
                    action.name(), rule));
        } catch (SidecarFormatException e) {
            return new Outcome(id, size, modified, Kind.QUARANTINED, Reasons.of(e, file, relative));
        } catch (UnknownPatientException e) {
            return new Outcome(id, size, modified, Kind.WITHHELD, "the patient is not in the lookup table");
        }
        String imageId = inputIds.apply(relative.substring(0, relative.length() - name.length()) + image);
        Outcome written = new Outcome(id, size, modified, Kind.WRITTEN, "nifti/" + imageId + JSON,
                patients.of(result.patientId(), result.releasedPatientId()));
        List<Finding> findings = SidecarScrubber.verify(result.json(), result.identifiers());
        if (!findings.isEmpty()) {
            counts.add("verification", "", "WITHHELD", findings.get(0).kind().name());
            return outputs.withholdPatient(written.withheld(FileProcessor.verificationReason(findings)));
        }
        byte[] bytes = SidecarScrubber.write(result.json());
        return outputs.writeOwn(written, target -> AtomicFiles.write(target, out -> out.write(bytes)));
    }
}
