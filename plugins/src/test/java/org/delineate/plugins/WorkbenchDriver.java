package org.delineate.plugins;

import static org.delineate.plugins.ImageJUser.choose;
import static org.delineate.plugins.ImageJUser.chooseFile;
import static org.delineate.plugins.ImageJUser.dialog;
import static org.delineate.plugins.ImageJUser.menu;
import static org.delineate.plugins.ImageJUser.press;
import static org.delineate.plugins.editor.EditorUser.await;
import static org.delineate.plugins.editor.EditorUser.onEdt;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Landmark;
import org.delineate.annotation.Segment;
import org.delineate.plugins.editor.EditorUser;
import org.delineate.plugins.editor.EditorWindow;

/**
 * The end-to-end session of {@code WorkbenchXvfbTest}, run inside ImageJ (under Xvfb) the way a radiologist works,
 * through the menus, dialogs, buttons, keys and mouse ({@link EditorUser}, {@link ImageJUser}): on the sample study
 * in the Segment Editor, a liver grown from a seed; the lesion outlined with threshold-limited painting (80 to 120
 * HU), polygons and brush strokes on every other slice, the slices between filled; a landmark; Measure; the
 * annotation saved as JSON (the editor's Save...) and as DICOM-SEG (Save Annotation: format dialog, file chooser,
 * validation report); the image closed, the study reopened, the Segment Editor opened and the JSON loaded (Load
 * Annotation); ten steps undone, the image closed without saving, the study reopened and the autosaved annotation
 * restored at the prompt, then redone. Returns what it saw as {@code key=value} pairs separated by {@code ;};
 * writes {@code voxels.txt} (each segment's voxels as "name i j k" lines, 0-based) beside the saved files.
 *
 * <p>NB: ImageJ's save and open dialogs are AWT file dialogs, native on most systems and not drivable; the driver
 * turns on ImageJ's own option for Swing file choosers ({@code Prefs.useJFileChooser}, Edit > Options >
 * Input/Output) and answers those by selecting the file and approving, as the Save or Open button does.
 */
public final class WorkbenchDriver {

    private static final double LOW = 80, HIGH = 120;
    private static final int UNDONE = 10;

    private final Path out;
    private final Map<String, String> seen = new LinkedHashMap<>();

    private WorkbenchDriver(Path out) {
        this.out = out;
    }

    /**
     * The session on the current image (the sample study in the editor).
     *
     * @param arguments "out ci cj k0 k1 li lj lk": the folder for the saved files; the lesion's center voxel
     *     (column, row) and its first and last slice (0-based); a voxel of the liver
     */
    public static String run(String arguments) throws Exception {
        String[] a = arguments.trim().split(" ");
        int[] n = java.util.Arrays.stream(a).skip(1).mapToInt(Integer::parseInt).toArray();
        WorkbenchDriver d = new WorkbenchDriver(Path.of(a[0]));
        try {
            d.script(n[0], n[1], n[2], n[3], new int[] {n[4], n[5], n[6]});
        } catch (Exception | AssertionError e) {
            d.put("failed", e.toString());
            d.put("log", ij.IJ.getLog());
        }
        StringBuilder text = new StringBuilder();
        d.seen.forEach((k, v) -> text.append(k).append('=').append(v).append(';'));
        return text.toString();
    }

    private void script(int ci, int cj, int k0, int k1, int[] liverSeed) throws Exception {
        Prefs.useJFileChooser = true;
        EditorUser u = new EditorUser(WindowManager.getCurrentImage());
        put("editor", u.editor().getTitle());

        // The liver: a segment coded from the terminology picker, grown from a seed in 50 to 70 HU.
        u.button("Add");
        u.pickType("liver");
        u.key(KeyEvent.VK_G, 0);
        u.setSpinner("low", 50);
        u.setSpinner("high", 70);
        u.goToSlice(liverSeed[2]);
        u.click(liverSeed[0], liverSeed[1]);
        put("liver_status", u.status());

        // The lesion: outlined generously, painting limited to its intensities.
        u.button("Add");
        u.pickType("mass");
        u.setSpinner("low", LOW);
        u.setSpinner("high", HIGH);
        u.button("Paint only within the range");
        u.key(KeyEvent.VK_P, 0);
        for (int k = k0; k <= k1; k += 4) {
            u.goToSlice(k);
            polygon(u, ci, cj, 9);
        }
        u.key(KeyEvent.VK_B, 0);
        u.setSpinner("radius", 20);
        for (int k = k0 + 2; k <= k1; k += 4) {
            u.goToSlice(k);
            u.drag(ci, cj, ci + 1, cj, ci + 1, cj + 1);
        }
        List<Integer> outlined = new ArrayList<>();
        for (int k = 0; k < u.image().getStackSize(); k++) {
            if (count(u.session().annotation(), u.session().selected(), k) > 0) {
                outlined.add(k);
            }
        }
        put("outlined_slices", outlined);
        u.button("Fill between slices");
        put("fill_status", u.status());

        u.key(KeyEvent.VK_L, 0);
        u.goToSlice((k0 + k1) / 2);
        u.click(ci, cj);
        u.button("Measure");
        ResultsTable results = ResultsTable.getResultsTable();
        put("measured_rows", results.size());
        for (int row = 0; row < results.size(); row++) {
            String name = results.getStringValue("Segment", row);
            put("measured_" + name, (long) results.getValue("Voxels", row) + " " + results.getValue("Volume (mL)", row)
                    + " " + results.getValue("Mean", row));
        }

        Path seg = out.resolve("lesion.dcm");
        Path json = out.resolve("lesion.json");
        put("recovery_files_before_save", recoveryFiles());
        u.buttonLater("Save...");
        chooseFile(json);
        await(() -> Files.exists(json), "the JSON");
        put("recovery_files_after_json", recoveryFiles());
        menu("Plugins", "Delineate", "Save Annotation");
        GenericDialog format = dialog("Save Annotation");
        choose(format, 0, "seg");
        choose(format, 1, "binary");
        press(format, "OK");
        chooseFile(seg);
        GenericDialog report = dialog("Save Annotation: validation report");
        put("validation_report", report.getTitle());
        press(report, "Write");
        await(() -> Files.exists(seg), "the SEG");
        String saved = state(u.session().annotation());
        put("state_saved", saved);
        writeVoxels(u.session().annotation(), out.resolve("voxels.txt"));
        put("recovery_files_after_save", recoveryFiles());

        // Close, reopen the study, open the editor, load the JSON.
        u = reopen(u);
        put("reopened_prompt", restorePrompt() != null);
        openEditor(u.image());
        AnnotationSession empty = u.session();
        menu("Plugins", "Delineate", "Load Annotation");
        chooseFile(json);
        EditorUser loaded = u;
        await(() -> EditorWindow.of(loaded.image()) != null && loaded.session() != empty, "the loaded annotation");
        put("state_loaded", state(u.session().annotation()));

        // Ten steps undone (the history came back with the JSON) are autosaved; the image closed without saving.
        for (int n = 0; n < UNDONE; n++) {
            u.key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        }
        put("state_undone", state(u.session().annotation()));
        put("recovery_files_after_undo", recoveryFiles());
        u = reopen(u);
        GenericDialog prompt = restorePrompt();
        put("restore_prompt", prompt != null);
        ImagePlus imp = u.image();
        if (prompt != null) {
            press(prompt, "Restore");
            await(() -> imp.getProperty(DelineateMacroFunctions.SESSION_PROPERTY) instanceof AnnotationSession s
                    && !s.annotation().segments().isEmpty(), "the restored annotation");
        }
        openEditor(imp);
        await(() -> EditorWindow.of(imp) != null && EditorWindow.of(imp).controller().session() == imp.getProperty(
                DelineateMacroFunctions.SESSION_PROPERTY) && !EditorWindow.of(imp).controller().session().annotation()
                .segments().isEmpty(), "the restored annotation in the Segment Editor");
        put("state_restored", state(u.session().annotation()));
        for (int n = 0; n < UNDONE; n++) {
            u.key(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        }
        put("state_redone", state(u.session().annotation()));
    }

    /** Closes the image with its close box and reopens the sample study from the menu. */
    private EditorUser reopen(EditorUser u) throws Exception {
        ImagePlus old = u.image();
        ImageJUser.closeWindow(old);
        await(() -> EditorWindow.of(old) == null, "the Segment Editor to close with its image");
        menu("Plugins", "Delineate", "Open Sample Study");
        return new EditorUser(ImageJUser.awaitNewImage(old));
    }

    /**
     * The restore prompt of the study just reopened, or null when none came within 1.5 s. NB: the open command
     * shows it right after the image, in its own thread.
     */
    private static GenericDialog restorePrompt() throws Exception {
        GenericDialog prompt = null;
        long end = System.currentTimeMillis() + 1500;
        while (prompt == null && System.currentTimeMillis() < end) {
            prompt = onEdt(() -> {
                for (java.awt.Window w : java.awt.Window.getWindows()) {
                    if (w instanceof GenericDialog d && d.isShowing() && "Restore annotation".equals(d.getTitle())) {
                        return d;
                    }
                }
                return null;
            });
            Thread.sleep(50);
        }
        return prompt;
    }

    private static void openEditor(ImagePlus imp) throws Exception {
        menu("Plugins", "Delineate", "Segment Editor");
        await(() -> EditorWindow.of(imp) != null, "the Segment Editor");
    }

    /** Clicks an octagon of {@code radius} pixels around (ci, cj), closing it on its first vertex. */
    private static void polygon(EditorUser u, int ci, int cj, int radius) throws Exception {
        int first = 0;
        int[] xs = new int[8];
        int[] ys = new int[8];
        for (int n = 0; n < 8; n++) {
            xs[n] = ci + (int) Math.round(radius * Math.cos(Math.PI * n / 4));
            ys[n] = cj + (int) Math.round(radius * Math.sin(Math.PI * n / 4));
            u.click(xs[n], ys[n]);
        }
        u.click(xs[first], ys[first]);
    }

    private static int count(Annotation a, Segment s, int k) {
        short[] plane = a.layer(s.layer()).plane(k);
        int n = 0;
        if (plane != null) {
            for (short v : plane) {
                n += (v & 0xFFFF) == s.labelValue() ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * The annotation as text, for comparing states: each segment (identity, name, type code, color, opacity,
     * shown, locked, layer, label value, voxel count and a digest of its voxels), each landmark (identity, name,
     * position in LPS mm), the undo steps and whether a redo is possible; lines separated by " | ".
     */
    static String state(Annotation a) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Segment s : a.segments()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long voxels = 0;
            for (int k = 0; k < a.grid().slices(); k++) {
                short[] plane = a.layer(s.layer()).plane(k);
                for (int n = 0; plane != null && n < plane.length; n++) {
                    if ((plane[n] & 0xFFFF) == s.labelValue()) {
                        voxels++;
                        digest.update((k + "," + n + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
            }
            var type = s.description().type();
            lines.add(String.format(Locale.ROOT, "segment %d %s %s:%s %06x %.2f %b %b %d/%d voxels %d %s", s.id(), s.name(),
                    type == null ? "-" : type.schemeDesignator(), type == null ? "-" : type.value(), s.color(), s.opacity(),
                    s.visible(), s.locked(), s.layer(), s.labelValue(), voxels, HexFormat.of().formatHex(digest.digest(), 0, 8)));
        }
        for (Landmark l : a.landmarks()) {
            double[] p = l.position();
            lines.add(String.format(Locale.ROOT, "landmark %d %s %.3f,%.3f,%.3f", l.id(), l.name(), p[0], p[1], p[2]));
        }
        lines.add("undo " + a.undoSteps() + " redo " + a.canRedo());
        return String.join(" | ", lines);
    }

    /** Writes each segment's voxels as "name i j k" lines (0-based). */
    private static void writeVoxels(Annotation a, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        int columns = a.grid().columns();
        for (Segment s : a.segments()) {
            for (int k = 0; k < a.grid().slices(); k++) {
                short[] plane = a.layer(s.layer()).plane(k);
                for (int n = 0; plane != null && n < plane.length; n++) {
                    if ((plane[n] & 0xFFFF) == s.labelValue()) {
                        text.append(s.name()).append(' ').append(n % columns).append(' ').append(n / columns).append(' ')
                                .append(k).append('\n');
                    }
                }
            }
        }
        Files.writeString(file, text);
    }

    /** The files in the recovery folder. */
    private static long recoveryFiles() {
        Path folder = ImageSessions.recoveryFolder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String key, Object value) {
        seen.put(key, String.valueOf(value).replace(';', ','));
    }
}
