package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.io.SaveDialog;
import ij.plugin.frame.Recorder;

import org.delineate.annotation.AnnotationFormat;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;
import org.delineate.dicom.seg.SegWriteOptions;
import org.delineate.dicom.seg.SegmentationProblem;
import org.delineate.dicom.seg.SegmentationType;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.plugins.open.SourceSeries;

/**
 * {@code Plugins > Delineate > Save Annotation}: saves the current image's annotation as DICOM-SEG, the JSON
 * annotation document or a NIfTI label map. A SEG is validated first: interactively the report is shown before
 * anything is written; in a macro a report with problems stops the macro with every reason. A SEG of an image
 * not read from DICOM needs {@code source}, the folder of the series it was made from.
 */
public final class SaveAnnotation implements Documented {

    static final String COMMAND = "Save Annotation";

    private static final List<String> TYPES = List.of("binary", "fractional", "labelmap");
    private static final int LISTED_PROBLEMS = 20;

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Saves the annotation of the current image (segments; for JSON also polygons, landmarks, measurements,
                    undo history and edit log) as DICOM-SEG, as the JSON annotation document
                    ([annotation-json.md](annotation-json.md)) or as a NIfTI label map (each voxel the 1-based number of
                    its segment). The file is written under a temporary name and moved into place. A DICOM-SEG is
                    validated first ([seg-conformance.md](seg-conformance.md)): interactively the validation report is
                    shown before writing; in a macro, problems stop the macro with all the reasons and nothing is
                    written. A SEG references the DICOM images the annotation is drawn on: it is refused, with the
                    reasons, when the image was not read from DICOM (a NIfTI) and no `source` is given.""")
            .headless(CommandDoc.Headless.WITH_KEYS)
            .required("path", "the file to write (replaced if it exists)")
            .optional("format", "`seg` (DICOM-SEG), `json` (annotation document) or `nifti` (label map); empty: by the "
                    + "ending of `path` (`.dcm`, `.json`, `.nii` or `.nii.gz`)", "")
            .optional("type", "SEG only: Segmentation Type `binary`, `fractional` (each segment's voxels at the maximum, "
                    + "255, others 0) or `labelmap` (Label Map Segmentation Storage; segments must not overlap)", "binary")
            .flag("keep_empty_frames", "SEG only: also write the frames where a segment has no voxel (by default they "
                    + "are left out)")
            .optional("source", "SEG only, for images not read from DICOM: a folder holding the DICOM series the image "
                    + "was made from; the one series with the image's grid (size, and corners within 0.01 mm) is "
                    + "referenced. Ignored when the image was read from DICOM", "")
            .example("run(\"Save Annotation\", \"path=[/data/out/lesion.dcm] type=binary\");")
            .example("run(\"Save Annotation\", \"path=/data/out/lesion.json\");")
            .example("run(\"Save Annotation\", \"path=/data/out/t1-seg.dcm source=[/data/dicom/t1]\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    /** What to save, from the macro options or the dialogs. */
    private record Request(Path path, AnnotationFormat format, SegWriteOptions segOptions, String source) {
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = Commands.currentImage(COMMAND);
        if (imp == null) {
            return;
        }
        try {
            AnnotationSession session = ImageSessions.sessionOf(imp);
            String options = Macro.getOptions();
            boolean macro = options != null;
            Request request = macro ? fromMacro(MacroOptions.of(DOC, options)) : ask(session);
            if (request == null) {
                return;
            }
            Commands.checkFolderOf(request.path());
            Volume segSource = null;
            if (request.format() == AnnotationFormat.SEG) {
                segSource = segSource(session, request.source());
                List<SegmentationProblem> problems = session.validateSeg(request.segOptions(), segSource);
                if (!problems.isEmpty()) {
                    Commands.fail(COMMAND, "The segmentation was not written: " + describe(problems));
                    return;
                }
                if (!macro && !confirm(session, request, segSource)) {
                    return;
                }
            }
            IJ.showStatus("Saving " + request.path().getFileName() + " ...");
            session.save(request.path(), request.format(), request.segOptions(), segSource);
            IJ.showStatus("Saved " + request.path().getFileName());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }

    private static Request fromMacro(MacroOptions o) {
        Path path = Path.of(o.text("path"));
        String format = o.text("format");
        SegWriteOptions seg = segOptions(o.choice("type", TYPES), o.flag("keep_empty_frames"));
        return new Request(path, format.isEmpty() ? AnnotationFormat.of(path) : AnnotationFormat.of(format.toLowerCase(
                Locale.ROOT)), seg, o.text("source"));
    }

    private static SegWriteOptions segOptions(String type, boolean keepEmptyFrames) {
        return SegWriteOptions.builder().type(SegmentationType.valueOf(type.toUpperCase(Locale.ROOT)))
                .keepEmptyFrames(keepEmptyFrames).build();
    }

    /** The dialogs: format and SEG options (recorded by ImageJ from the dialog), then the file. */
    private static Request ask(AnnotationSession session) {
        if (Commands.failHeadless(COMMAND)) {
            return null;
        }
        boolean dicom = session.image().header() != null;
        GenericDialog gd = new GenericDialog(COMMAND);
        String[] formats = AnnotationFormat.keys().toArray(String[]::new);
        gd.addChoice("format", formats, dicom ? "seg" : "json");
        gd.addMessage("DICOM-SEG only:");
        gd.addChoice("type", TYPES.toArray(String[]::new), "binary");
        gd.addCheckbox("keep_empty_frames", false);
        if (!dicom) {
            gd.addStringField("source", "", 40);
            gd.addMessage("source: the folder of the DICOM series this image was made from (for DICOM-SEG).");
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        AnnotationFormat format = AnnotationFormat.of(gd.getNextChoice());
        SegWriteOptions seg = segOptions(gd.getNextChoice(), gd.getNextBoolean());
        String source = dicom ? "" : gd.getNextString().trim();
        String ending = switch (format) {
            case SEG -> ".dcm";
            case JSON -> ".json";
            case NIFTI -> ".nii.gz";
        };
        SaveDialog sd = new SaveDialog(COMMAND, "annotation", ending);
        if (sd.getFileName() == null) {
            return null;
        }
        Path path = Path.of(sd.getDirectory(), sd.getFileName());
        Recorder.recordPath("path", path.toString());
        return new Request(path, format, seg, source);
    }

    /** The DICOM volume the SEG references: the image's own, or the series of {@code source}. */
    private static Volume segSource(AnnotationSession session, String source) throws IOException {
        if (session.image().header() != null) {
            return session.image();
        }
        if (source.isEmpty()) {
            throw new IllegalArgumentException("a DICOM-SEG references the DICOM images it was drawn on, but this image "
                    + "was not read from DICOM; give source=<the folder of the DICOM series it was made from>, or save "
                    + "as json or nifti");
        }
        return SourceSeries.find(Path.of(source), session.annotation().grid(), Commands.threads());
    }

    /** Shows the validation report of a valid SEG; true to write it. */
    private static boolean confirm(AnnotationSession session, Request request, Volume segSource) {
        List<Segment> segments = session.annotation().segments();
        GenericDialog gd = new GenericDialog(COMMAND + ": validation report");
        gd.addMessage("The segmentation is valid and can be written:\n"
                + "  " + request.segOptions().type() + ", " + segments.size() + " segments: "
                + String.join(", ", segments.stream().map(Segment::name).toList()) + "\n"
                + "  referencing " + segSource.slices() + " source images"
                + (request.segOptions().keepEmptyFrames() ? ", empty frames kept" : ", empty frames left out") + "\n"
                + "  to " + request.path());
        gd.setOKLabel("Write");
        gd.showDialog();
        return gd.wasOKed();
    }

    private static String describe(List<SegmentationProblem> problems) {
        StringBuilder s = new StringBuilder(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":");
        for (int n = 0; n < Math.min(LISTED_PROBLEMS, problems.size()); n++) {
            s.append("\n  ").append(problems.get(n));
        }
        if (problems.size() > LISTED_PROBLEMS) {
            s.append("\n  and ").append(problems.size() - LISTED_PROBLEMS).append(" more");
        }
        return s.toString();
    }
}
