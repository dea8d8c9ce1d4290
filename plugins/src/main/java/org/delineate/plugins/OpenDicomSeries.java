package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.io.DirectoryChooser;
import ij.plugin.frame.Recorder;

import org.delineate.dicom.series.SeriesInfo;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.plugins.open.SeriesTable;
import org.delineate.plugins.view.SeriesBrowser;
import org.delineate.plugins.view.VolumeImages;

/**
 * {@code Plugins > Delineate > Open DICOM Series}: scans a folder, DICOMDIR or DICOM file, lets the user
 * choose a series in a browser, and shows it as a volume. Macro keys: {@code folder} (path),
 * {@code series} (1-based row of the browser, default 1) or {@code series_uid} (Series Instance UID; wins
 * over {@code series}), {@code restore}. With macro options it needs no display. {@code arg}, when not empty,
 * is the path to scan (used by drag and drop).
 */
public final class OpenDicomSeries implements Documented {

    static final String COMMAND = "Open DICOM Series";

    /** The values of the open commands' {@code restore} key. */
    static final List<String> YES_NO = List.of("yes", "no");

    /**
     * The meaning of the open commands' {@code restore} key. NB: a method, not a constant, so that the other
     * commands' declarations do not keep a stale copy inlined by the compiler.
     */
    static String restoreMeaning() {
        return "`yes` restores the annotation of this image that was autosaved but not saved when Delineate last "
                + "stopped ([user guide](user-guide.md#restoring-after-a-crash)); `no` leaves it for later. "
                + "Interactively a dialog asks";
    }

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Scans a folder (with its subfolders), a DICOMDIR or a single DICOM file, and opens one series as a
                    volume: the image stack shares the volume's voxels, is calibrated in mm, shows modality values (HU
                    for CT) through ImageJ's calibration function, starts with the header's first window (else the soft
                    tissue window for CT), and has the orientation letters (L/R/A/P/S/I) at its edges as an overlay.
                    Interactively, a browser lists the series found (patient, study, series, modality, size, date) when
                    there are several.""")
            .headless(CommandDoc.Headless.WITH_KEYS)
            .required("folder", "a folder, a DICOMDIR file or a DICOM file")
            .optional("series", "the 1-based row of the series browser: series in the order the scan found them, one "
                    + "row per stack (a series whose frames differ in orientation, echo, time point, ... gives several "
                    + "rows)", "1")
            .optional("series_uid", "Series Instance UID (0020,000E); when given it wins over `series`, and the first "
                    + "stack of that series opens", "")
            .optional("restore", restoreMeaning(), "no")
            .example("run(\"Open DICOM Series\", \"folder=[/data/study 1] series=2\");")
            .example("run(\"Open DICOM Series\", \"folder=/data/DICOMDIR series_uid=1.2.826.0.1.3680043.8.498.1\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        String options = Macro.getOptions();
        try {
            SeriesTable.Row row;
            String restore = null;
            if (options != null) {
                MacroOptions o = MacroOptions.of(DOC, options);
                SeriesTable table = scan(Path.of(o.text("folder")));
                row = table.choose(o.integer("series"), o.text("series_uid"));
                restore = o.choice("restore", YES_NO);
            } else {
                String folder = arg == null || arg.isEmpty() ? new DirectoryChooser(COMMAND).getDirectory() : arg;
                if (folder == null) {
                    return;
                }
                SeriesTable table = scan(Path.of(folder));
                if (table.rows().isEmpty()) {
                    Commands.fail(COMMAND, "No DICOM series that can be read as a volume was found in " + folder
                            + describe(table));
                    return;
                }
                row = table.rows().size() == 1 ? table.rows().get(0) : SeriesBrowser.choose(table);
                if (row == null) {
                    return;
                }
                Recorder.recordPath("folder", folder);
                Recorder.recordOption("series", Integer.toString(row.number()));
            }
            show(row, ImageSessions.restoreChoice(restore));
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }

    /**
     * Opens the series {@code seriesUid} (the first of the folder when empty) found in {@code folder}, without
     * restoring; for commands that open the images an annotation belongs to.
     */
    static ImagePlus open(Path folder, String seriesUid) throws IOException {
        return show(scan(folder).choose(1, seriesUid), ImageSessions.Restore.NO);
    }

    private static SeriesTable scan(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new IOException("no such file or folder: " + input);
        }
        IJ.showStatus("Scanning " + input + " ...");
        SeriesTable table = SeriesTable.scan(input, Commands.threads());
        IJ.showStatus("");
        return table;
    }

    /** Reads and shows the stack of {@code row}, then offers its recovered annotation as {@code restore} says. */
    static ImagePlus show(SeriesTable.Row row, ImageSessions.Restore restore) throws IOException {
        IJ.showStatus("Reading " + row.stack().slices() + " slices ...");
        Volume volume = StackVolumes.read(row.stack(), Commands.threads());
        ImagePlus imp = VolumeImages.toImagePlus(volume, title(row));
        imp.show();
        IJ.showStatus("");
        ImageSessions.offerRestore(imp, restore);
        return imp;
    }

    /** A title without patient data: series number and description. */
    private static String title(SeriesTable.Row row) {
        SeriesInfo info = row.stack().summary().info();
        String description = info.seriesDescription() == null ? "" : info.seriesDescription().trim();
        String number = info.seriesNumber() == null ? "Series" : "Series " + info.seriesNumber();
        return description.isEmpty() ? number : number + " " + description;
    }

    private static String describe(SeriesTable table) {
        return table.skipped() + table.unreadable() == 0 ? "." : " (" + table.skipped()
                + " stacks cannot be read as volumes, " + table.unreadable() + " files are not readable DICOM).";
    }
}
