package org.delineate.plugins.view;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.Calibration;

import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;
import org.delineate.dicom.volume.WindowPreset;

/**
 * Shows a {@link Volume} in ImageJ 1.x without copying voxels: the ImagePlus's stack holds the very
 * arrays of the volume's planes, so edits through either are seen by both. Not thread-safe.
 *
 * <p>Calibration: pixel width, height and depth are the lengths of the geometry's column, row and slice
 * steps in mm. For 8- and 16-bit volumes with one modality LUT, the calibration function is the straight
 * line from sample (stored value + storedOffset) to modality value, so ImageJ reports HU. ImageJ shows
 * 32-bit and RGB values as they are; for those, and for volumes whose slices have different LUTs, the
 * image's "Info" property says so.
 */
public final class VolumeImages {

    /** The ImagePlus property that holds the shown {@link Volume}. */
    public static final String VOLUME_PROPERTY = "org.delineate.volume";

    /** The name of the overlay's orientation letters. */
    public static final String ORIENTATION_NAME = "delineate-orientation";

    private VolumeImages() {
    }

    /** The ImagePlus of {@code volume}, titled {@code title}, sharing its planes; not shown yet. */
    public static ImagePlus toImagePlus(Volume volume, String title) {
        ImageStack stack = new ImageStack(volume.columns(), volume.rows());
        for (int k = 0; k < volume.slices(); k++) {
            stack.addSlice(null, volume.plane(k));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(1, volume.slices(), 1);
        List<String> info = new ArrayList<>(volume.notes());
        imp.setCalibration(calibration(volume, info));
        imp.setProperty(VOLUME_PROPERTY, volume);
        imp.setOverlay(orientationOverlay(volume));
        List<WindowPresets.Named> windows = WindowPresets.of(volume);
        if (!windows.isEmpty()) {
            applyWindow(imp, volume, windows.get(0).window());
        }
        if (!info.isEmpty()) {
            imp.setProperty("Info", String.join("\n", info) + "\n");
        }
        return imp;
    }

    /** The volume an ImagePlus made here shows, or null. */
    public static Volume volumeOf(ImagePlus imp) {
        Object v = imp.getProperty(VOLUME_PROPERTY);
        return v instanceof Volume ? (Volume) v : null;
    }

    /** The calibration: mm spacing, and the modality LUT as a straight line when ImageJ can apply it. */
    static Calibration calibration(Volume volume, List<String> info) {
        Calibration cal = new Calibration();
        VolumeGeometry g = volume.geometry();
        cal.pixelWidth = length(g.columnStep());
        cal.pixelHeight = length(g.rowStep());
        cal.pixelDepth = length(g.sliceStep());
        cal.setUnit("mm");
        ModalityLut lut = volume.modalityLut(0);
        boolean integer = volume.sampleType() == SampleType.UINT8 || volume.sampleType() == SampleType.UINT16;
        boolean identity = lut.isIdentity() && volume.storedOffset() == 0;
        if (identity) {
            return cal;
        }
        if (!integer) {
            info.add("Values are samples; modality values are " + lut.slope() + " x sample + " + lut.intercept()
                    + " (ImageJ does not calibrate " + volume.sampleType() + " images).");
        } else if (!volume.uniformModalityLut()) {
            info.add("Slices have different Rescale Slope/Intercept; ImageJ's calibration uses slice 1's, "
                    + "other slices' values are not in modality units.");
        }
        if (integer) {
            // NB: value = slope * (sample - storedOffset) + intercept, ImageJ's STRAIGHT_LINE is a + b x.
            cal.setFunction(Calibration.STRAIGHT_LINE,
                    new double[] {lut.intercept() - lut.slope() * volume.storedOffset(), lut.slope()},
                    valueUnit(volume, lut));
        }
        return cal;
    }

    /** Sets the display range of {@code imp} to a window in modality units, through the volume's first LUT. */
    public static void applyWindow(ImagePlus imp, Volume volume, WindowPreset window) {
        double[] range = WindowPresets.sampleRange(window, volume.modalityLut(0), volume.storedOffset());
        imp.setDisplayRange(range[0], range[1]);
        imp.updateAndDraw();
    }

    /** The orientation letters at the middle of each edge, as a non-destructive overlay shown on all slices. */
    public static Overlay orientationOverlay(Volume volume) {
        OrientationLetters letters = OrientationLetters.of(volume.geometry());
        int w = volume.columns();
        int h = volume.rows();
        int size = Math.max(9, Math.min(w, h) / 20);
        Font font = new Font("SansSerif", Font.BOLD, size);
        Overlay overlay = new Overlay();
        overlay.add(letter(letters.left(), 2, (h - size) / 2.0, font));
        overlay.add(letter(letters.right(), w - 2 - size * letters.right().length() * 0.75, (h - size) / 2.0, font));
        overlay.add(letter(letters.top(), (w - size * letters.top().length() * 0.75) / 2, 1, font));
        overlay.add(letter(letters.bottom(), (w - size * letters.bottom().length() * 0.75) / 2, h - size - 3, font));
        overlay.selectable(false);
        return overlay;
    }

    private static Roi letter(String text, double x, double y, Font font) {
        TextRoi roi = new TextRoi(x, y, text, font);
        roi.setStrokeColor(Color.YELLOW);
        roi.setName(ORIENTATION_NAME);
        return roi;
    }

    private static String valueUnit(Volume volume, ModalityLut lut) {
        if (!lut.rescaleType().isEmpty()) {
            return lut.rescaleType();
        }
        return WindowPresets.isCt(volume) ? "HU" : "value";
    }

    private static double length(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
