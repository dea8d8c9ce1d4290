package org.delineate.plugins;

import static ij.macro.MacroExtension.ARG_ARRAY;
import static ij.macro.MacroExtension.ARG_NUMBER;
import static ij.macro.MacroExtension.ARG_OUTPUT;
import static ij.macro.MacroExtension.ARG_STRING;

import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.MacroExtension;

import org.delineate.annotation.AnnotationSession;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;

/**
 * {@code Plugins > Delineate > Delineate Macro Functions}: registers the {@code Ext.} macro functions that edit the
 * annotation of the current image (opened with a Delineate command). Each function calls one method of
 * {@link AnnotationSession}; coordinates are voxels, 0-based (x column, y row, z slice), lengths in mm. The session
 * lives with its image (an image property), so each image has its own annotation. The function names and their
 * arguments are public API (docs/macro-reference.md).
 */
public final class DelineateMacroFunctions implements Documented, MacroExtension {

    /** The image property holding the image's annotation session. */
    public static final String SESSION_PROPERTY = "org.delineate.session";

    static final String COMMAND = "Delineate Macro Functions";

    @Override
    public void run(String arg) {
        if (!IJ.macroRunning()) {
            IJ.error(COMMAND, "Call run(\"Delineate Macro Functions\") from a macro, then the Ext. functions.");
            return;
        }
        Functions.registerExtensions(this);
    }

    /**
     * One {@code Ext.} function as the reference shows it and ImageJ registers it.
     *
     * @param name the function's name after {@code Ext.}
     * @param call how a macro calls it, e.g. {@code Ext.paintDisk(x, y, z)}
     * @param meaning what it does, Markdown
     * @param arguments ImageJ's argument types ({@link MacroExtension#ARG_STRING}, ...)
     */
    private record Function(String name, String call, String meaning, int... arguments) {
    }

    /** The functions, in the reference's order: public API. */
    private static final List<Function> FUNCTIONS = List.of(
            new Function("addSegment", "Ext.addSegment(name)", "adds a segment and selects it; a name that is a known "
                    + "segmentation property type (for example `Liver`, `Mass`, `Kidney`) gets its SNOMED CT codes and "
                    + "recommended color, any other name is coded as Tissue", ARG_STRING),
            new Function("selectSegment", "Ext.selectSegment(name)", "selects the segment of that name", ARG_STRING),
            new Function("setBrushRadius", "Ext.setBrushRadius(mm)", "the radius of the disk and sphere brushes "
                    + "(default 5 mm)", ARG_NUMBER),
            new Function("setIntensityRange", "Ext.setIntensityRange(low, high)", "paint only where the modality value "
                    + "(HU for CT) is within the range; `NaN, NaN` removes it", ARG_NUMBER, ARG_NUMBER),
            new Function("paintDisk", "Ext.paintDisk(x, y, z)", "a disk of the brush radius on slice z", ARG_NUMBER,
                    ARG_NUMBER, ARG_NUMBER),
            new Function("eraseDisk", "Ext.eraseDisk(x, y, z)", "erases a disk of the brush radius on slice z",
                    ARG_NUMBER, ARG_NUMBER, ARG_NUMBER),
            new Function("paintSphere", "Ext.paintSphere(x, y, z)", "a sphere of the brush radius", ARG_NUMBER,
                    ARG_NUMBER, ARG_NUMBER),
            new Function("fillPolygon", "Ext.fillPolygon(xs, ys, z)", "fills the polygon of the arrays xs, ys (voxel "
                    + "coordinates) on slice z", ARG_ARRAY, ARG_ARRAY, ARG_NUMBER),
            new Function("addLandmark", "Ext.addLandmark(name, x, y, z)", "a named landmark at the voxel position",
                    ARG_STRING, ARG_NUMBER, ARG_NUMBER, ARG_NUMBER),
            new Function("getVolume", "Ext.getVolume(name, v)", "sets v to the segment's volume in mL", ARG_STRING,
                    ARG_NUMBER + ARG_OUTPUT),
            new Function("getLandmarkDistance", "Ext.getLandmarkDistance(a, b, d)", "sets d to the distance in mm "
                    + "between the landmarks named a and b (their patient positions); each name must belong to exactly "
                    + "one landmark", ARG_STRING, ARG_STRING, ARG_NUMBER + ARG_OUTPUT),
            new Function("undo", "Ext.undo()", "undoes the last step"),
            new Function("save", "Ext.save(path)", "saves by the file name's ending: `.json` annotation document, "
                    + "`.nii`/`.nii.gz` label map, `.dcm` DICOM-SEG (BINARY; DICOM images only); Save Annotation offers "
                    + "more", ARG_STRING));

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    `run("Delineate Macro Functions");` registers the functions below for the rest of the macro. They
                    edit the annotation of the current image, which must have been opened by a Delineate command (Open
                    Sample Study, Open DICOM Series, Open NIfTI). Each image has its own annotation (kept with the
                    image). Voxel coordinates are 0-based (x column, y row, z slice; ImageJ's slice number minus 1),
                    lengths in mm, volumes in mL. Every editing function is one undoable step. A failing function stops
                    the macro with a message naming the function and the problem.""")
            .details(functionTable())
            .example("run(\"Open Sample Study\");", "run(\"Delineate Macro Functions\");", "Ext.addSegment(\"Mass\");",
                    "Ext.setBrushRadius(20);", "Ext.setIntensityRange(80, 120);", "Ext.paintSphere(87.5, 59.5, 19);",
                    "Ext.getVolume(\"Mass\", v);", "print(\"lesion: \" + v + \" mL\");",
                    "Ext.save(getDirectory(\"temp\") + \"lesion.dcm\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    private static String functionTable() {
        StringBuilder s = new StringBuilder("| function | what it does |\n|---|---|\n");
        for (Function f : FUNCTIONS) {
            s.append("| `").append(f.call()).append("` | ").append(f.meaning()).append(" |\n");
        }
        return s.toString();
    }

    @Override
    public ExtensionDescriptor[] getExtensionFunctions() {
        return FUNCTIONS.stream().map(f -> ExtensionDescriptor.newDescriptor(f.name(), this, f.arguments()))
                .toArray(ExtensionDescriptor[]::new);
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
                case "getLandmarkDistance" ->
                    ((Double[]) args[2])[0] = s.landmarkDistance((String) args[0], (String) args[1]);
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
        return ImageSessions.sessionOf(imp);
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
        Commands.fail(COMMAND, message);
    }
}
