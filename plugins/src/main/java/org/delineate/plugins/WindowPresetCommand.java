package org.delineate.plugins;

import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.plugins.view.VolumeImages;
import org.delineate.plugins.view.WindowPresets;

/**
 * {@code Plugins > Delineate > Window Preset}: sets the display window of the current Delineate image to
 * one of {@link WindowPresets#of}. Macro key: {@code preset} ({@code header_1}, ..., {@code soft_tissue},
 * {@code lung}, {@code bone}, {@code brain}). Works in batch mode.
 */
public final class WindowPresetCommand implements Documented {

    static final String COMMAND = "Window Preset";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Sets the display window of the current Delineate image (one opened by the commands above). Window
                    values are modality values (HU for CT).""")
            .optional("preset", "`header_1`, `header_2`, ...: the windows of the DICOM header (Window Center/Width), in "
                    + "order; for CT also `soft_tissue` (C 40, W 400), `lung` (C -600, W 1500), `bone` (C 400, W 1800), "
                    + "`brain` (C 40, W 80); empty: the first offered", "")
            .example("run(\"Window Preset\", \"preset=lung\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        Volume volume = imp == null ? null : VolumeImages.volumeOf(imp);
        if (volume == null) {
            Commands.fail(COMMAND, "The current image was not opened by Delineate.");
            return;
        }
        List<WindowPresets.Named> windows = WindowPresets.of(volume);
        if (windows.isEmpty()) {
            Commands.fail(COMMAND, "The image has no window in its header and is not CT.");
            return;
        }
        String key;
        String options = Macro.getOptions();
        if (options != null) {
            key = MacroOptions.of(DOC, options).text("preset");
            key = key.isEmpty() ? windows.get(0).key() : key;
        } else {
            String[] keys = windows.stream().map(WindowPresets.Named::key).toArray(String[]::new);
            GenericDialog gd = new GenericDialog(COMMAND);
            StringBuilder labels = new StringBuilder();
            for (WindowPresets.Named w : windows) {
                labels.append(w.label()).append('\n');
            }
            gd.addMessage(labels.toString().trim());
            gd.addChoice("preset", keys, keys[0]);
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            key = gd.getNextChoice();
        }
        WindowPresets.Named chosen = WindowPresets.find(windows, key);
        if (chosen == null) {
            Commands.fail(COMMAND, "preset=" + key + " is not one of "
                    + String.join(", ", windows.stream().map(WindowPresets.Named::key).toList()));
            return;
        }
        VolumeImages.applyWindow(imp, volume, chosen.window());
        IJ.showStatus(chosen.label());
    }
}
