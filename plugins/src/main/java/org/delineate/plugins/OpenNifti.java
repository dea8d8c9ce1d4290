package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import org.delineate.dicom.nifti.NiftiImage;
import org.delineate.dicom.nifti.NiftiReader;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.view.VolumeImages;

/**
 * {@code Plugins > Delineate > Open NIfTI}: reads a .nii or .nii.gz file (NIfTI-1 or -2) as a volume with its
 * geometry and shows it. Macro keys: {@code path} (the file), {@code volume} (1-based index over dimensions
 * 4 and 5, default 1). With macro options it needs no display. {@code arg}, when not empty, is the file
 * (used by drag and drop).
 */
public final class OpenNifti implements PlugIn {

    static final String COMMAND = "Open NIfTI";

    @Override
    public void run(String arg) {
        String options = Macro.getOptions();
        try {
            String path;
            int volume;
            if (options != null) {
                path = Commands.value(options, "path", "");
                if (path.isEmpty()) {
                    Commands.fail(COMMAND, "the macro options lack path=<.nii or .nii.gz file>");
                    return;
                }
                volume = Commands.intValue(options, "volume", 1);
                show(NiftiReader.read(Path.of(path)), volume, path);
                return;
            }
            path = arg == null || arg.isEmpty() ? new OpenDialog(COMMAND).getPath() : arg;
            if (path == null) {
                return;
            }
            NiftiImage image = NiftiReader.read(Path.of(path));
            volume = 1;
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
            show(image, volume, path);
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }

    private static ImagePlus show(NiftiImage image, int volume, String path) throws IOException {
        if (volume < 1 || volume > image.volumeCount()) {
            throw new IllegalArgumentException("volume=" + volume + " is not in 1.." + image.volumeCount());
        }
        Volume v = image.toVolume(volume - 1);
        String name = Path.of(path).getFileName().toString();
        ImagePlus imp = VolumeImages.toImagePlus(v, image.volumeCount() == 1 ? name : name + " (volume " + volume + ")");
        imp.show();
        IJ.showStatus("");
        return imp;
    }
}
