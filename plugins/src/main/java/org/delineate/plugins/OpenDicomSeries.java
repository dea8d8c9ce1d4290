package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.io.DirectoryChooser;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.series.SeriesInfo;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.open.SeriesTable;
import org.delineate.plugins.view.SeriesBrowser;
import org.delineate.plugins.view.VolumeImages;

/**
 * {@code Plugins > Delineate > Open DICOM Series}: scans a folder, DICOMDIR or DICOM file, lets the user
 * choose a series in a browser, and shows it as a volume. Macro keys: {@code folder} (path),
 * {@code series} (1-based row of the browser, default 1) or {@code series_uid} (Series Instance UID; wins
 * over {@code series}). With macro options it needs no display. {@code arg}, when not empty, is the path
 * to scan (used by drag and drop).
 */
public final class OpenDicomSeries implements PlugIn {

    static final String COMMAND = "Open DICOM Series";

    @Override
    public void run(String arg) {
        String options = Macro.getOptions();
        try {
            SeriesTable.Row row;
            if (options != null) {
                String folder = Commands.value(options, "folder", "");
                if (folder.isEmpty()) {
                    Commands.fail(COMMAND, "the macro options lack folder=<folder, DICOMDIR or DICOM file>");
                    return;
                }
                SeriesTable table = scan(Path.of(folder));
                row = table.choose(Commands.intValue(options, "series", 1), Commands.value(options, "series_uid", ""));
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
            show(row);
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
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

    /** Reads and shows the stack of {@code row}. */
    static ImagePlus show(SeriesTable.Row row) throws IOException {
        IJ.showStatus("Reading " + row.stack().slices() + " slices ...");
        Volume volume = StackVolumes.read(row.stack(), Commands.threads());
        ImagePlus imp = VolumeImages.toImagePlus(volume, title(row));
        imp.show();
        IJ.showStatus("");
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
