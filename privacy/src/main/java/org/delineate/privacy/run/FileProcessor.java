package org.delineate.privacy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.privacy.deid.ConformanceMarkers;
import org.delineate.privacy.deid.DeidentificationResult;
import org.delineate.privacy.deid.Deidentifier;
import org.delineate.privacy.pixels.Decision;
import org.delineate.privacy.pixels.PixelRedactor;
import org.delineate.privacy.pixels.Redaction;
import org.delineate.privacy.profile.ProfileOption;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.delineate.privacy.pseudonym.UnknownPatientException;
import org.delineate.privacy.run.Outcome.Kind;
import org.delineate.privacy.verify.Finding;
import org.delineate.privacy.verify.Identifiers;
import org.delineate.privacy.verify.OutputScanner;
import org.delineate.privacy.verify.ReferenceCheck;

/**
 * De-identifies one input file into the output folder and says what became of it. Thread-safe: holds only
 * thread-safe services and counters.
 *
 * <p>DICOM: pixel redaction first (its rules match on Modality, Manufacturer and model, which the profile may
 * remove), then the engine, then the file is written with fresh File Meta and a zero preamble to
 * {@code <StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm} of the de-identified data set, once the
 * verification pass found none of the input's identifiers in it. NIfTI images and their BIDS sidecars:
 * {@link NiftiProcessor}.
 */
final class FileProcessor {

    static final String DICOMDIR_CLASS = "1.2.840.10008.1.3.10";
    private static final Pattern SAFE_UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final Deidentifier engine;
    private final PixelRedactor redactor;
    private final KeyedPseudonyms keyed;
    private final ActionCounts counts;
    private final Outputs outputs;
    private final ReferenceCheck references;
    private final PatientKeys patients;
    private final NiftiProcessor nifti;
    // NB: Pixel Data stays in the input file and is copied from there into the output while writing: no
    // array of the image's size per file (the inputs are only read, so the file cannot change in between).
    private final DicomReader reader = new DicomReader(ReadOptions.defaults().withLazyPixelData(true));

    FileProcessor(Deidentifier engine, PixelRedactor redactor, KeyedPseudonyms keyed,
            ActionCounts counts, Outputs outputs, ReferenceCheck references) {
        this.outputs = outputs;
        this.references = references;
        this.engine = engine;
        this.redactor = redactor;
        this.keyed = keyed;
        this.counts = counts;
        this.patients = new PatientKeys(keyed, engine.policy().pseudonymizePatient());
        this.nifti = new NiftiProcessor(engine, patients, counts, outputs, this::inputId);
    }

    /** The opaque id of a path relative to the input folder ('/'-separated). */
    String inputId(String relative) {
        return keyed.opaqueId(relative);
    }

    /**
     * Processes {@code file} ({@code relative} to the input folder, {@code id} its {@link #inputId}); throws only when
     * an output cannot be written.
     */
    Outcome process(Path file, String relative, String id, long size, long modified) throws IOException {
        if (NiftiProcessor.handles(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
            return nifti.process(file, relative, id, size, modified);
        }
        DicomFile dicom;
        try {
            dicom = reader.readFile(file);
        } catch (IOException e) {
            return new Outcome(id, size, modified, Kind.QUARANTINED, Reasons.of(e, file, relative));
        }
        return dicom(dicom, file, relative, id, size, modified);
    }

    private Outcome dicom(DicomFile dicom, Path file, String relative, String id, long size, long modified)
            throws IOException {
        DataSet ds = dicom.dataSet();
        String mediaClass = dicom.fileMeta() == null ? "" : dicom.fileMeta().getString(Tag.MediaStorageSOPClassUID, "");
        if (DICOMDIR_CLASS.equals(mediaClass.strip()) || DICOMDIR_CLASS.equals(ds.getString(Tag.SOPClassUID, "").strip())) {
            return withheld(id, size, modified, "a DICOMDIR (its records repeat patient data; the output "
                    + "is organised by pseudonym UIDs instead)");
        }
        Redaction redaction;
        try {
            redaction = redactor.redact(dicom);
        } catch (IOException e) {
            return new Outcome(id, size, modified, Kind.QUARANTINED, Reasons.of(e, file, relative));
        }
        counts.add("pixels", "", redaction.decision().name(), redaction.rules().isEmpty() ? "PixelRedactor"
                : "rules " + redaction.rules());
        if (redaction.decision() == Decision.WITHHELD) {
            return withheld(id, size, modified, "pixels: " + redaction.reason());
        }
        DataSet target = redaction.file().dataSet();
        // NB: the verification pass looks for the input's identifiers, collected before the engine changes it.
        Identifiers identifiers = Identifiers.of(target, engine);
        String patientId = target.getString(Tag.PatientID, "").strip();
        DeidentificationResult result;
        try {
            result = engine.apply(target, counts);
        } catch (UnknownPatientException e) {
            return withheld(id, size, modified, "the patient is not in the lookup table");
        }
        if (result.pixelOptionsPending().contains(ProfileOption.CLEAN_PIXEL_DATA)) {
            // NB: Clean Pixel Data is performed when a rule blanked the burned-in text, or when nothing
            // indicates any (BurnedInAnnotation not YES, not a screen capture); otherwise the file was withheld.
            ConformanceMarkers.recordPerformed(target, ProfileOption.CLEAN_PIXEL_DATA);
        }
        String study = pathPart(target.getString(Tag.StudyInstanceUID, ""));
        String series = pathPart(target.getString(Tag.SeriesInstanceUID, ""));
        String instance = result.sopInstanceUid();
        if (instance == null || instance.isEmpty()) {
            return withheld(id, size, modified, "no (0008,0018) SOPInstanceUID to name the output by");
        }
        String name = study + "/" + series + "/" + pathPart(instance) + ".dcm";
        Outcome written = new Outcome(id, size, modified, Kind.WRITTEN, name, patients.of(patientId,
                target.getString(Tag.PatientID, "").strip()));
        List<Finding> findings = new java.util.ArrayList<>(OutputScanner.scan(target, identifiers));
        Finding inName = OutputScanner.scanText(name, "file name", identifiers);
        if (inName != null) {
            findings.add(inName);
        }
        if (!findings.isEmpty()) {
            counts.add("verification", "", "WITHHELD", findings.get(0).kind().name());
            return outputs.withholdPatient(written.withheld(verificationReason(findings)));
        }
        DicomFile deidentified = new DicomFile(null, null, target, redaction.transferSyntax(), List.of(), null, true);
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(redaction.transferSyntax()));
        Outcome outcome = outputs.write(written, out -> writer.write(deidentified, out));
        if (outcome.kind() == Kind.WRITTEN) {
            references.add(name, target);
        }
        return outcome;
    }

    /** The reason of a file withheld by the verification pass: where, and what kind of identifier; never a value. */
    static String verificationReason(List<Finding> findings) {
        return Outputs.VERIFICATION + findings.get(0).describe() + (findings.size() > 1 ? " (and " + (findings.size()
                - 1) + " more)" : "") + "; every file of the patient is withheld";
    }

    /** A UID as a folder or file name: itself when it is digits and dots, else its opaque id (Retain UIDs). */
    private String pathPart(String uid) {
        String s = uid.strip();
        if (s.isEmpty()) {
            return "none";
        }
        return SAFE_UID.matcher(s).matches() && s.length() <= 64 ? s : keyed.opaqueId(s);
    }

    private static Outcome withheld(String id, long size, long modified, String reason) {
        return new Outcome(id, size, modified, Kind.WITHHELD, reason);
    }
}
