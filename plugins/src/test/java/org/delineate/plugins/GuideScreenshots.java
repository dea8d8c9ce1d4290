package org.delineate.plugins;

import static org.delineate.plugins.ImageJUser.choose;
import static org.delineate.plugins.ImageJUser.chooseFile;
import static org.delineate.plugins.ImageJUser.dialog;
import static org.delineate.plugins.ImageJUser.menu;
import static org.delineate.plugins.ImageJUser.press;
import static org.delineate.plugins.editor.EditorUser.awaitWindow;
import static org.delineate.plugins.editor.EditorUser.find;
import static org.delineate.plugins.editor.EditorUser.onEdt;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JTable;

import ij.IJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.plugins.editor.ScreenshotDriver;

/**
 * Takes the user guide's screenshots from the running program (docs/make-screenshots.sh runs it under Xvfb through
 * {@code ./delineate}'s main class): the Segment Editor's ({@link ScreenshotDriver}), then Save Annotation's two
 * dialogs on the sample (format, validation report; cancelled, nothing written), the series browser over a folder of
 * three phantom series (two studies, three resolutions; no patient data), and the Window Preset dialog beside the
 * series opened from it, shown in the lung window. Not a test.
 */
public final class GuideScreenshots {

    private GuideScreenshots() {
    }

    /**
     * Writes segment-editor.png, landmarks.png, save-annotation.png, series-browser.png and window-presets.png into
     * {@code folder}.
     *
     * @return the files written, separated by a space
     */
    public static String take(String folder) throws Exception {
        Path dir = Files.createDirectories(Path.of(folder));
        String editor = ScreenshotDriver.take(folder);
        Prefs.useJFileChooser = true;
        Path work = Files.createTempDirectory("delineate-screenshots");
        try {
            return editor + " " + saveAnnotation(dir, work) + " " + seriesBrowser(dir, work) + " " + windowPresets(dir);
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(work)) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The format dialog and the validation report side by side. */
    private static Path saveAnnotation(Path dir, Path work) throws Exception {
        menu("Plugins", "Delineate", "Save Annotation");
        GenericDialog format = dialog("Save Annotation");
        choose(format, 0, "seg");
        BufferedImage first = shot(format);
        press(format, "OK");
        chooseFile(work.resolve("lesion.dcm"));
        GenericDialog report = dialog("Save Annotation: validation report");
        BufferedImage second = shot(report);
        press(report, "Cancel");
        return sideBySide(dir.resolve("save-annotation.png"), first, second);
    }

    /** The series browser over three phantom series; the second is opened. */
    private static Path seriesBrowser(Path dir, Path work) throws Exception {
        Path studies = work.resolve("studies");
        String study = Uids.newUid();
        String frame = Uids.newUid();
        write(new CtPhantom(128, 40, 2.5, 2.5, study, Uids.newUid(), frame), "Phantom CT 2.5 mm", 1, "20260101",
                studies.resolve("a"));
        write(new CtPhantom(256, 80, 1.25, 1.25, study, Uids.newUid(), frame), "Phantom CT 1.25 mm", 2, "20260101",
                studies.resolve("b"));
        write(new CtPhantom(96, 20, 3.5, 5, Uids.newUid(), Uids.newUid(), Uids.newUid()), "Phantom CT 5 mm follow-up",
                1, "20260301", studies.resolve("c"));
        ImagePlus before = WindowManager.getCurrentImage();
        // NB: as a drop of the folder does: Open DICOM Series with the folder as its argument, in its own thread.
        Thread open = new Thread(() -> IJ.runPlugIn(OpenDicomSeries.class.getName(), studies.toString()), "open");
        open.start();
        JDialog browser = awaitWindow(JDialog.class, d -> "Open DICOM Series".equals(d.getTitle()));
        onEdt(() -> {
            find(browser.getContentPane(), JTable.class, t -> true).setRowSelectionInterval(1, 1);
            return null;
        });
        Path file = dir.resolve("series-browser.png");
        ImageIO.write(shot(browser), "png", file.toFile());
        onEdt(() -> {
            find(browser.getContentPane(), AbstractButton.class, b -> "Open".equals(b.getText())).doClick();
            return null;
        });
        ImageJUser.awaitNewImage(before);
        open.join(20_000);
        return file;
    }

    /** The Window Preset dialog beside the image, which shows the lung window it offers. */
    private static Path windowPresets(Path dir) throws Exception {
        ImagePlus imp = WindowManager.getCurrentImage();
        IJ.run(imp, "Window Preset", "preset=lung");
        menu("Plugins", "Delineate", "Window Preset");
        GenericDialog d = dialog("Window Preset");
        choose(d, 0, "lung");
        BufferedImage dialog = shot(d);
        BufferedImage image = new Robot().createScreenCapture(ScreenshotDriver.screenBounds(imp.getWindow()));
        press(d, "OK");
        return sideBySide(dir.resolve("window-presets.png"), image, dialog);
    }

    /** Writes the pictures side by side, top aligned, 12 pixels apart on white; returns the file. */
    private static Path sideBySide(Path file, BufferedImage... pictures) throws IOException {
        int gap = 12;
        int width = -gap;
        int height = 0;
        for (BufferedImage p : pictures) {
            width += p.getWidth() + gap;
            height = Math.max(height, p.getHeight());
        }
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage p : pictures) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth() + gap;
        }
        g.dispose();
        ImageIO.write(all, "png", file.toFile());
        return file;
    }

    /** A dialog, moved to the screen's bottom right corner first (away from the windows), as it is shown there. */
    private static BufferedImage shot(java.awt.Window w) throws Exception {
        java.awt.Rectangle screen = onEdt(() -> w.getGraphicsConfiguration().getBounds());
        return new Robot().createScreenCapture(place(w, screen.x + screen.width - w.getWidth() - 10,
                screen.y + screen.height - w.getHeight() - 10));
    }

    /**
     * Moves a window to (x, y) and waits for it to be drawn there; returns where it is. NB: without a window manager
     * (Xvfb) a dialog that centred itself may report an old location for a while, so it is put where we know.
     */
    private static java.awt.Rectangle place(java.awt.Window w, int x, int y) throws Exception {
        onEdt(() -> {
            w.setLocation(x, y);
            return null;
        });
        Thread.sleep(600);
        return onEdt(() -> new java.awt.Rectangle(x, y, w.getWidth(), w.getHeight()));
    }

    /** Writes a phantom series under a description, series number and study date into a folder. */
    private static void write(CtPhantom phantom, String description, int number, String date, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < phantom.slices(); k++) {
            DataSet slice = phantom.slice(k);
            slice.setString(Tag.SeriesDescription, VR.LO, description);
            slice.setString(Tag.SeriesNumber, VR.IS, Integer.toString(number));
            slice.setString(Tag.StudyDate, VR.DA, date);
            if (!"20260101".equals(date)) {
                slice.setString(Tag.StudyDescription, VR.LO, "Follow-up phantom");
            }
            writer.write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), folder.resolve(k + ".dcm"));
        }
    }
}
