package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.io.OpenDialog;
import ij.plugin.frame.Recorder;

import org.delineate.dicom.nifti.NiftiImage;
import org.delineate.dicom.nifti.NiftiReader;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.plugins.view.VolumeImages;

/**
 * {@code Plugins > Delineate > Open NIfTI}: reads a .nii or .nii.gz file (NIfTI-1 or -2) as a volume with its
 * geometry and shows it. Macro keys: {@code path} (the file), {@code volume} (1-based index over dimensions
 * 4 and 5, default 1), {@code restore}. With macro options it needs no display. {@code arg}, when not empty, is
 * the file (used by drag and drop).
 */
public final class OpenNifti implements Documented {

    static final String COMMAND = "Open NIfTI";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Opens a NIfTI-1 or NIfTI-2 file (`.nii` or `.nii.gz`) as a volume with its patient geometry (from
                    the sform or qform, shown in LPS like DICOM), calibrated in mm; a scaling slope/intercept becomes the
                    calibration function for 8- and 16-bit data.""")
            .headless(CommandDoc.Headless.WITH_KEYS)
            .required("path", "the `.nii` or `.nii.gz` file")
            .optional("volume", "1-based volume over dimensions 4 and 5 (time points, ...)", "1")
            .optional("restore", OpenDicomSeries.restoreMeaning(), "no")
            .example("run(\"Open NIfTI\", \"path=/data/t1.nii.gz volume=1\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        String options = Macro.getOptions();
        try {
            if (options != null) {
                MacroOptions o = MacroOptions.of(DOC, options);
                String path = o.text("path");
                int volume = o.integer("volume");
                String restore = o.choice("restore", OpenDicomSeries.YES_NO);
                show(NiftiReader.read(Path.of(path)), volume, path, ImageSessions.restoreChoice(restore));
                return;
            }
            String path = arg == null || arg.isEmpty() ? new OpenDialog(COMMAND).getPath() : arg;
            if (path == null) {
                return;
            }
            NiftiImage image = NiftiReader.read(Path.of(path));
            int volume = 1;
            if (image.volumeCount() > 1) {
                GenericDialog gd = new GenericDialog(COMMAND);
                gd.addMessage("The file holds " + image.volumeCount() + " volumes.");
                gd.addNumericField("volume", 1, 0);
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                volume = (int) gd.getNextNumber();
            }
            Recorder.recordPath("path", path);
            if (image.volumeCount() == 1) {
                Recorder.recordOption("volume", "1");
            }
            show(image, volume, path, ImageSessions.restoreChoice(null));
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }

    private static ImagePlus show(NiftiImage image, int volume, String path, ImageSessions.Restore restore)
            throws IOException {
        if (volume < 1 || volume > image.volumeCount()) {
            throw new IllegalArgumentException("volume=" + volume + " is not in 1.." + image.volumeCount());
        }
        Volume v = image.toVolume(volume - 1);
        String name = Path.of(path).getFileName().toString();
        ImagePlus imp = VolumeImages.toImagePlus(v, image.volumeCount() == 1 ? name : name + " (volume " + volume + ")");
        imp.show();
        IJ.showStatus("");
        ImageSessions.offerRestore(imp, restore);
        return imp;
    }
}
