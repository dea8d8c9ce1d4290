package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.io.DirectoryChooser;
import ij.io.OpenDialog;
import ij.plugin.frame.Recorder;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationJsonReader;
import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;
import org.delineate.dicom.seg.SegmentationFile;
import org.delineate.dicom.seg.SegmentationReader;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.plugins.view.VolumeImages;

/**
 * {@code Plugins > Delineate > Load Annotation}: loads a JSON annotation document (replacing the image's
 * annotation) or a DICOM-SEG (adding its segments) onto the current image, or onto the series it belongs to,
 * opened first from a {@code source} folder.
 */
public final class LoadAnnotation implements Documented {

    static final String COMMAND = "Load Annotation";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Loads an annotation onto the current image (opened by a Delineate command), or, with `source`, onto
                    the DICOM series it belongs to, opened first from that folder. A JSON annotation document
                    ([annotation-json.md](annotation-json.md)) replaces the image's annotation, undo history included;
                    it must be of the image's grid (size, and corners within 0.01 mm), else the command says how the
                    two differ. A DICOM-SEG adds its segments to the annotation (each an undoable step; overlapping
                    segments go to further layers): its frames are placed on the image's grid by position or by their
                    references to the source images, and frames that do not fit are reported (which frame, and why)
                    instead of being loaded. FRACTIONAL segments cover the voxels of at least half the maximum value.""")
            .headless(CommandDoc.Headless.WITH_KEYS)
            .required("path", "a `.json` annotation document, or a DICOM-SEG file (any other name)")
            .optional("source", "a folder (or DICOMDIR) holding the DICOM series the annotation belongs to: the series the "
                    + "document's source or the SEG's Referenced Series Sequence (0008,1115) names is opened and the "
                    + "annotation loaded onto it; empty: onto the current image", "")
            .example("run(\"Load Annotation\", \"path=[/data/out/lesion.json]\");")
            .example("run(\"Load Annotation\", \"path=/data/segs/case1.dcm source=[/data/dicom]\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        try {
            String options = Macro.getOptions();
            Path path;
            String source;
            if (options != null) {
                MacroOptions o = MacroOptions.of(DOC, options);
                path = Path.of(o.text("path"));
                source = o.text("source");
            } else {
                if (Commands.failHeadless(COMMAND)) {
                    return;
                }
                String chosen = new OpenDialog(COMMAND + ": annotation (.json) or DICOM-SEG").getPath();
                if (chosen == null) {
                    return;
                }
                path = Path.of(chosen);
                Recorder.recordPath("path", chosen);
                source = "";
                ImagePlus current = WindowManager.getCurrentImage();
                if (current == null || VolumeImages.volumeOf(current) == null) {
                    String folder = new DirectoryChooser(COMMAND + ": folder of its DICOM series").getDirectory();
                    if (folder == null) {
                        return;
                    }
                    source = folder;
                    Recorder.recordPath("source", folder);
                }
            }
            boolean interactive = options == null;
            int loaded = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? loadDocument(path, source, interactive) : loadSegmentation(path, source);
            IJ.showStatus(loaded < 0 ? "" : "Loaded " + loaded + " segments from " + path.getFileName());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }

    /** Loads a JSON document; returns its segment count, or -1 when the user kept the current annotation. */
    private static int loadDocument(Path path, String source, boolean interactive) throws IOException {
        Annotation annotation = AnnotationJsonReader.read(path, ImageSessions.user(), Clock.systemUTC());
        String series = annotation.source() == null ? null : annotation.source().seriesInstanceUid();
        if (!source.isEmpty() && series == null) {
            throw new IllegalArgumentException(path.getFileName() + " names no DICOM series (its image was not DICOM); "
                    + "open its image first and load it without source");
        }
        ImagePlus imp = image(source, series);
        Volume volume = ImageSessions.volumeOf(imp);
        AnnotationSession session = AnnotationSession.of(volume, annotation, path.getFileName().toString(),
                Terminology.load());
        Object existing = imp.getProperty(DelineateMacroFunctions.SESSION_PROPERTY);
        if (interactive && existing instanceof AnnotationSession s && !s.annotation().segments().isEmpty()
                && !replace(s.annotation())) {
            return -1;
        }
        ImageSessions.install(imp, session);
        return annotation.segments().size();
    }

    private static int loadSegmentation(Path path, String source) throws IOException {
        SegmentationFile seg = SegmentationReader.read(path);
        List<String> series = seg.info().referencedSeriesUids();
        if (!source.isEmpty() && series.isEmpty()) {
            throw new IllegalArgumentException(path.getFileName() + " has no Referenced Series Sequence (0008,1115), so "
                    + "its series cannot be found in source; open its images first and load it without source");
        }
        ImagePlus imp = image(source, series.isEmpty() ? null : series.get(0));
        List<Segment> added = ImageSessions.sessionOf(imp).addSegmentation(seg);
        return added.size();
    }

    /** The image to load onto: the series {@code seriesUid} opened from {@code source}, else the current image. */
    private static ImagePlus image(String source, String seriesUid) throws IOException {
        if (!source.isEmpty()) {
            return OpenDicomSeries.open(Path.of(source), seriesUid);
        }
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            throw new IllegalStateException("no image is open; open the annotation's image first, or give source=<the "
                    + "folder of its DICOM series>");
        }
        return imp;
    }

    private static boolean replace(Annotation current) {
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addMessage("The image's annotation (" + current.segments().size() + " segments) will be replaced by the "
                + "loaded one.\nSave it first if you need it.");
        gd.setOKLabel("Replace");
        gd.showDialog();
        return gd.wasOKed();
    }
}
