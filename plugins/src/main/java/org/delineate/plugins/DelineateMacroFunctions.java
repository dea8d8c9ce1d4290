package org.delineate.plugins;

import static ij.macro.MacroExtension.ARG_ARRAY;
import static ij.macro.MacroExtension.ARG_NUMBER;
import static ij.macro.MacroExtension.ARG_OUTPUT;
import static ij.macro.MacroExtension.ARG_STRING;

import java.nio.file.Path;
import java.time.Clock;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.MacroExtension;
import ij.plugin.PlugIn;

import org.delineate.annotation.AnnotationSession;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.view.VolumeImages;

/**
 * {@code Plugins > Delineate > Delineate Macro Functions}: registers the {@code Ext.} macro functions that edit the
 * annotation of the current image (opened with a Delineate command). Each function calls one method of
 * {@link AnnotationSession}; coordinates are voxels, 0-based (x column, y row, z slice), lengths in mm. The session
 * lives with its image (an image property), so each image has its own annotation. The function names and their
 * arguments are public API (docs/macro-reference.md).
 */
public final class DelineateMacroFunctions implements PlugIn, MacroExtension {

    /** The image property holding the image's annotation session. */
    public static final String SESSION_PROPERTY = "org.delineate.session";

    private static final int NUMBER_OUT = ARG_NUMBER + ARG_OUTPUT;

    @Override
    public void run(String arg) {
        if (!IJ.macroRunning()) {
            IJ.error("Delineate Macro Functions", "Call run(\"Delineate Macro Functions\") from a macro, then the Ext. functions.");
            return;
        }
        Functions.registerExtensions(this);
    }

    @Override
    public ExtensionDescriptor[] getExtensionFunctions() {
        return new ExtensionDescriptor[] {
            ExtensionDescriptor.newDescriptor("addSegment", this, ARG_STRING),
            ExtensionDescriptor.newDescriptor("selectSegment", this, ARG_STRING),
            ExtensionDescriptor.newDescriptor("setBrushRadius", this, ARG_NUMBER),
            ExtensionDescriptor.newDescriptor("setIntensityRange", this, ARG_NUMBER, ARG_NUMBER),
            ExtensionDescriptor.newDescriptor("paintDisk", this, ARG_NUMBER, ARG_NUMBER, ARG_NUMBER),
            ExtensionDescriptor.newDescriptor("eraseDisk", this, ARG_NUMBER, ARG_NUMBER, ARG_NUMBER),
            ExtensionDescriptor.newDescriptor("paintSphere", this, ARG_NUMBER, ARG_NUMBER, ARG_NUMBER),
            ExtensionDescriptor.newDescriptor("fillPolygon", this, ARG_ARRAY, ARG_ARRAY, ARG_NUMBER),
            ExtensionDescriptor.newDescriptor("addLandmark", this, new int[] {ARG_STRING, ARG_NUMBER, ARG_NUMBER, ARG_NUMBER}),
            ExtensionDescriptor.newDescriptor("getVolume", this, ARG_STRING, NUMBER_OUT),
            ExtensionDescriptor.newDescriptor("undo", this),
            ExtensionDescriptor.newDescriptor("save", this, ARG_STRING),
        };
    }

    @Override
    public String handleExtension(String name, Object[] args) {
        try {
            AnnotationSession s = session();
            switch (name) {
                case "addSegment" -> s.addSegment((String) args[0]);
                case "selectSegment" -> s.selectSegment((String) args[0]);
                case "setBrushRadius" -> s.setBrushRadius(number(args[0]));
                case "setIntensityRange" -> s.setIntensityRange(number(args[0]), number(args[1]));
                case "paintDisk" -> s.paintDisk(number(args[0]), number(args[1]), (int) Math.round(number(args[2])), true);
                case "eraseDisk" -> s.paintDisk(number(args[0]), number(args[1]), (int) Math.round(number(args[2])), false);
                case "paintSphere" -> s.paintSphere(number(args[0]), number(args[1]), number(args[2]), true);
                case "fillPolygon" -> s.fillPolygon(numbers(args[0]), numbers(args[1]), (int) Math.round(number(args[2])), true);
                case "addLandmark" -> s.addLandmark((String) args[0], number(args[1]), number(args[2]), number(args[3]));
                case "getVolume" -> ((Double[]) args[1])[0] = s.volumeMl((String) args[0]);
                case "undo" -> s.annotation().undo();
                case "save" -> s.save(Path.of((String) args[0]));
                default -> throw new IllegalArgumentException("no function Ext." + name);
            }
            return null;
        } catch (Exception e) {
            fail("Ext." + name + ": " + e.getMessage());
            return null;
        }
    }

    /** The session of the current image, made on first use. */
    private static AnnotationSession session() {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            throw new IllegalStateException("no image is open; open one with a Delineate command first");
        }
        return sessionOf(imp);
    }

    /**
     * The annotation session of an image opened by Delineate, made on first use and kept as an image property.
     *
     * @throws IllegalStateException when the image was not opened by Delineate
     */
    static AnnotationSession sessionOf(ImagePlus imp) {
        Object existing = imp.getProperty(SESSION_PROPERTY);
        if (existing instanceof AnnotationSession s) {
            return s;
        }
        Volume volume = VolumeImages.volumeOf(imp);
        if (volume == null) {
            throw new IllegalStateException("the image \"" + imp.getTitle() + "\" was not opened by Delineate");
        }
        AnnotationSession s = AnnotationSession.open(volume, System.getProperty("user.name", ""), Clock.systemUTC(),
                Terminology.load());
        imp.setProperty(SESSION_PROPERTY, s);
        return s;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    private static double[] numbers(Object o) {
        Object[] values = (Object[]) o;
        double[] out = new double[values.length];
        for (int n = 0; n < values.length; n++) {
            out[n] = number(values[n]);
        }
        return out;
    }

    /** Stops the macro with the message (as the other Delineate commands do). */
    private static void fail(String message) {
        Commands.fail("Delineate Macro Functions", message);
    }
}
