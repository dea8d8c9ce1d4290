package org.delineate.plugins;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationListener;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Recovery;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.editor.EditorWindow;
import org.delineate.plugins.view.VolumeImages;

/**
 * The annotation session of each image Delineate opened, kept as an image property so that the {@code Ext.}
 * functions, the commands and the Segment Editor edit one annotation per image; its autosave to the recovery
 * folder ({@code <cache>/recovery}, see {@link Commands#cache()}), removed whenever the annotation is saved, and
 * restoring from it when a study is reopened. Autosave runs for interactive work only: not in batch mode nor headless. Package-private.
 */
final class ImageSessions {

    /** Write the recovery file after this many steps at the latest. */
    private static final int AUTOSAVE_STEPS = 10;
    /** Or at the first step after this much time. */
    private static final Duration AUTOSAVE_TIME = Duration.ofSeconds(30);

    /** What to do with a recovery file found when an image opens. */
    enum Restore {
        /** Restore it (macro key {@code restore=yes}). */
        YES,
        /** Leave it (the default in macros). */
        NO,
        /** Ask the user (interactive runs). */
        ASK
    }

    private ImageSessions() {
    }

    /**
     * The annotation session of an image opened by Delineate, made on first use.
     *
     * @throws IllegalStateException when the image was not opened by Delineate
     */
    static AnnotationSession sessionOf(ImagePlus imp) {
        Object existing = imp.getProperty(DelineateMacroFunctions.SESSION_PROPERTY);
        if (existing instanceof AnnotationSession s) {
            return s;
        }
        return install(imp, newSession(volumeOf(imp)));
    }

    /** The image's volume; IllegalStateException when Delineate did not open it. */
    static Volume volumeOf(ImagePlus imp) {
        Volume volume = VolumeImages.volumeOf(imp);
        if (volume == null) {
            throw new IllegalStateException("the image \"" + imp.getTitle() + "\" was not opened by Delineate");
        }
        return volume;
    }

    /** Makes {@code session} the image's (replacing any), with autosave; returns it. */
    static AnnotationSession install(ImagePlus imp, AnnotationSession session) {
        Annotation annotation = session.annotation();
        Recovery recovery = recovery();
        annotation.addListener(new AnnotationListener() {
            @Override
            public void voxelsChanged(int[] slices) {
                autosave(recovery, annotation);
            }

            @Override
            public void segmentsChanged() {
                autosave(recovery, annotation);
            }

            @Override
            public void landmarksChanged() {
                autosave(recovery, annotation);
            }

            @Override
            public void saved() {
                // NB: whoever saved (a command, Ext.save, the Segment Editor's Save...), the recovery file is stale
                try {
                    recovery.discard(annotation);
                } catch (IOException e) {
                    IJ.showStatus("Delineate: the recovery file could not be deleted: " + e.getMessage());
                }
            }
        });
        imp.setProperty(DelineateMacroFunctions.SESSION_PROPERTY, session);
        if (EditorWindow.of(imp) != null) {
            // NB: an open Segment Editor shows the session it was opened on; it follows the replacement
            EditorWindow.open(imp, session, Terminology.load());
        }
        return session;
    }

    /**
     * Offers the annotation left in the recovery folder for the image just opened: restores it, leaves it, or
     * asks (Restore / Discard / Cancel to decide later).
     *
     * @throws IOException when the recovery file exists but cannot be read
     */
    static void offerRestore(ImagePlus imp, Restore choice) throws IOException {
        if (choice == Restore.NO) {
            return;
        }
        Volume volume = volumeOf(imp);
        Annotation empty = newSession(volume).annotation();
        Recovery recovery = recovery();
        Annotation recovered = recovery.restore(empty.source(), empty.grid(), user());
        if (recovered == null) {
            return;
        }
        if (choice == Restore.ASK) {
            GenericDialog gd = new GenericDialog("Restore annotation");
            gd.addMessage("An annotation of this image that was not saved (" + recovered.segments().size()
                    + " segments, " + recovered.landmarks().size() + " landmarks) was kept when Delineate last stopped.\n"
                    + "Restore it, or discard it? (Cancel decides later: it is offered again next time.)");
            gd.enableYesNoCancel("Restore", "Discard");
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            if (!gd.wasOKed()) {
                recovery.discard(recovered);
                return;
            }
        }
        install(imp, new AnnotationSession(volume, recovered, Terminology.load()));
        IJ.showStatus("Delineate: the annotation was restored");
    }

    /** The restore choice of an open command: its {@code restore} key in a macro (default no), else ask. */
    static Restore restoreChoice(String restoreKeyValue) {
        if (restoreKeyValue != null) {
            return switch (restoreKeyValue) {
                case "yes" -> Restore.YES;
                case "no" -> Restore.NO;
                default -> throw new IllegalArgumentException("restore=" + restoreKeyValue + " is not yes or no");
            };
        }
        return IJ.macroRunning() || GraphicsEnvironment.isHeadless() ? Restore.NO : Restore.ASK;
    }

    private static AnnotationSession newSession(Volume volume) {
        return AnnotationSession.open(volume, user(), Clock.systemUTC(), Terminology.load());
    }

    private static Recovery recovery() {
        return new Recovery(recoveryFolder(), Clock.systemUTC(), AUTOSAVE_STEPS, AUTOSAVE_TIME);
    }

    /** Where recovery files are kept: {@code <cache>/recovery}. */
    static Path recoveryFolder() {
        return Commands.cache().resolve("recovery");
    }

    private static void autosave(Recovery recovery, Annotation annotation) {
        if (Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless()) {
            return;
        }
        try {
            recovery.changed(annotation);
        } catch (IOException e) {
            IJ.showStatus("Delineate: autosave failed: " + e.getMessage());
        }
    }

    /** Who edits, for the edit log: the operating system user. */
    static String user() {
        return System.getProperty("user.name", "");
    }
}
