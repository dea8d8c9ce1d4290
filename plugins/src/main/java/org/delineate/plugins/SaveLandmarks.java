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

import org.delineate.annotation.Annotation;
import org.delineate.annotation.export.LandmarkCsv;
import org.delineate.annotation.export.SlicerMarkups;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;

/**
 * {@code Plugins > Delineate > Save Landmarks}: saves the landmarks of the current image's annotation as a 3D
 * Slicer markups point list ({@code .mrk.json}) or as CSV.
 */
public final class SaveLandmarks implements Documented {

    static final String COMMAND = "Save Landmarks";

    private static final List<String> FORMATS = List.of("markups", "csv");

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Saves the landmarks of the current image's annotation, atomically, as a 3D Slicer markups point list
                    (`.mrk.json`, markups schema 1.0.3: one control point per landmark, LPS millimetres, the name as label
                    and the code meaning as description) or as CSV (UTF-8 with a header row: `id`, `name`, `code_value`,
                    `coding_scheme`, `code_meaning`, the patient position `x_mm`, `y_mm`, `z_mm` in LPS, and the voxel
                    position `i`, `j`, `k`, 0-based). The JSON annotation document (Save Annotation) holds them too.""")
            .headless(CommandDoc.Headless.WITH_KEYS)
            .required("path", "the file to write (replaced if it exists)")
            .optional("format", "`markups` (Slicer `.mrk.json`) or `csv`; empty: by the ending of `path` (`.mrk.json` or "
                    + "`.csv`)", "")
            .example("run(\"Save Landmarks\", \"path=[/data/out/landmarks.mrk.json]\");")
            .example("run(\"Save Landmarks\", \"path=/data/out/landmarks.csv format=csv\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = Commands.currentImage(COMMAND);
        if (imp == null) {
            return;
        }
        try {
            Annotation annotation = ImageSessions.sessionOf(imp).annotation();
            String options = Macro.getOptions();
            Path path;
            String format;
            if (options != null) {
                MacroOptions o = MacroOptions.of(DOC, options);
                path = Path.of(o.text("path"));
                format = o.text("format").isEmpty() ? byEnding(path) : o.choice("format", FORMATS);
            } else {
                if (Commands.failHeadless(COMMAND)) {
                    return;
                }
                GenericDialog gd = new GenericDialog(COMMAND);
                gd.addChoice("format", FORMATS.toArray(String[]::new), FORMATS.get(0));
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                format = gd.getNextChoice();
                SaveDialog sd = new SaveDialog(COMMAND, "landmarks", format.equals("csv") ? ".csv" : ".mrk.json");
                if (sd.getFileName() == null) {
                    return;
                }
                path = Path.of(sd.getDirectory(), sd.getFileName());
                Recorder.recordPath("path", path.toString());
            }
            Commands.checkFolderOf(path);
            if (format.equals("csv")) {
                LandmarkCsv.write(annotation.landmarks(), annotation.grid(), path);
            } else {
                SlicerMarkups.write(annotation.landmarks(), path);
            }
            IJ.showStatus("Saved " + annotation.landmarks().size() + " landmarks to " + path.getFileName());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }

    private static String byEnding(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mrk.json")) {
            return "markups";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        throw new IllegalArgumentException("the format of " + path.getFileName() + " is not known from its ending; use "
                + ".mrk.json or .csv, or give format=markups|csv");
    }
}
