package org.delineate.plugins.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.filechooser.FileNameExtensionFilter;

import ij.IJ;
import ij.ImagePlus;

/**
 * The Segment Editor's buttons for the whole annotation: undo and redo (enabled when there is a step), measure
 * (Plugins > Delineate > Measure Segments on this image) and save (the session's save: a JSON annotation document,
 * a NIfTI label map or a DICOM-SEG, by the file name's ending).
 */
final class EditorActions {

    private final ImagePlus imp;
    private final ToolController controller;
    private final Consumer<String> status;
    private final Consumer<String> onError;
    private final JButton undo = new JButton("Undo (Ctrl+Z)");
    private final JButton redo = new JButton("Redo (Ctrl+Y)");

    EditorActions(ImagePlus imp, ToolController controller, Consumer<String> status, Consumer<String> onError) {
        this.imp = imp;
        this.controller = controller;
        this.status = status;
        this.onError = onError;
        undo.addActionListener(e -> command(EditorCommand.UNDO));
        redo.addActionListener(e -> command(EditorCommand.REDO));
    }

    JPanel buttons() {
        JButton measure = new JButton("Measure");
        measure.addActionListener(e -> {
            controller.finishGesture();
            IJ.run(imp, "Measure Segments", "");
        });
        JButton save = new JButton("Save...");
        save.addActionListener(e -> save());
        refresh();
        return ToolsPanel.row(undo, redo, measure, save);
    }

    /** Enables undo and redo as the history allows (event thread). */
    void refresh() {
        undo.setEnabled(controller.session().annotation().canUndo());
        redo.setEnabled(controller.session().annotation().canRedo());
    }

    private void command(EditorCommand c) {
        controller.command(c, imp.getCurrentSlice() - 1);
        refresh();
    }

    private void save() {
        controller.finishGesture();
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save the annotation (.json), a label map (.nii.gz) or a DICOM-SEG (.dcm)");
        chooser.setFileFilter(new FileNameExtensionFilter("Annotation (.json), NIfTI (.nii, .nii.gz), DICOM-SEG (.dcm)",
                "json", "nii", "gz", "dcm"));
        if (chooser.showSaveDialog(undo) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        try {
            controller.session().save(file);
            status.accept("Saved " + file.getFileName());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            onError.accept("Not saved: " + e.getMessage());
        }
    }
}
