package org.delineate.plugins;

import java.awt.Component;
import java.awt.datatransfer.DataFlavor;
import java.awt.dnd.DnDConstants;
import java.awt.dnd.DropTarget;
import java.awt.dnd.DropTargetDragEvent;
import java.awt.dnd.DropTargetDropEvent;
import java.awt.dnd.DropTargetEvent;
import java.awt.dnd.DropTargetListener;
import java.io.File;
import java.util.List;

import ij.IJ;
import ij.ImageJ;
import ij.gui.Toolbar;
import ij.plugin.DragAndDrop;

import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;

import org.delineate.plugins.open.DropRouting;

/**
 * {@code Plugins > Delineate > Delineate Drag and Drop}: makes files dropped on the ImageJ window (menu bar,
 * toolbar, status bar) open with Delineate when they are DICOM (files, DICOMDIRs, folders holding DICOM)
 * or NIfTI (.nii, .nii.gz), and leaves every other drop to ImageJ's own {@link DragAndDrop}. Installing
 * twice changes nothing. No macro keys; needs the ImageJ window.
 */
public final class DelineateDragAndDrop implements Documented {

    static final String COMMAND = "Delineate Drag and Drop";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Makes files dropped on the ImageJ window (menu bar, toolbar, status bar) open with Delineate when they
                    are DICOM (DICOM files, DICOMDIRs, folders holding DICOM files) or NIfTI (`.nii`, `.nii.gz`);
                    everything else is left to ImageJ's own drag and drop. `./delineate` installs it at start-up; in Fiji
                    or ImageJ add `run("Delineate Drag and Drop");` to Edit > Options > Startup... to have it always.""")
            .headless(CommandDoc.Headless.NEVER)
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        ImageJ ij = IJ.getInstance();
        if (ij == null) {
            Commands.fail(COMMAND, "Drag and drop needs the ImageJ window.");
            return;
        }
        install(ij);
        IJ.showStatus("Delineate opens dropped DICOM and NIfTI");
    }

    /** Replaces the drop targets ImageJ set on its window; call on an ImageJ with its window. */
    static void install(ImageJ ij) {
        Listener listener = new Listener(new DragAndDrop());
        for (Component c : new Component[] {ij, Toolbar.getInstance(), ij.getStatusBar()}) {
            if (c != null && !(c.getDropTarget() instanceof Target)) {
                c.setDropTarget(new Target(c, listener));
            }
        }
    }

    /** Marks our drop targets, so that installing twice is harmless. */
    private static final class Target extends DropTarget {
        private static final long serialVersionUID = 1L;

        Target(Component c, DropTargetListener listener) {
            super(c, listener);
        }
    }

    /** Routes file drops by {@link DropRouting}; hands everything else to ImageJ's listener. */
    private static final class Listener implements DropTargetListener {
        private final DragAndDrop imagej;

        Listener(DragAndDrop imagej) {
            this.imagej = imagej;
        }

        @Override
        public void drop(DropTargetDropEvent event) {
            if (!event.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                imagej.drop(event);
                return;
            }
            List<?> files;
            try {
                event.acceptDrop(DnDConstants.ACTION_COPY);
                files = (List<?>) event.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                event.dropComplete(true);
            } catch (Exception e) {
                event.dropComplete(false);
                IJ.log(COMMAND + ": the drop could not be read (" + e.getMessage() + ")");
                return;
            }
            Thread opener = new Thread(() -> open(files), "Delineate drop");
            opener.start();
        }

        private void open(List<?> files) {
            for (Object o : files) {
                File file = (File) o;
                switch (DropRouting.route(file.toPath())) {
                    case DICOM -> IJ.runPlugIn(OpenDicomSeries.class.getName(), file.getPath());
                    case NIFTI -> IJ.runPlugIn(OpenNifti.class.getName(), file.getPath());
                    default -> imagej.openFile(file);
                }
            }
        }

        @Override
        public void dragEnter(DropTargetDragEvent e) {
            imagej.dragEnter(e);
        }

        @Override
        public void dragOver(DropTargetDragEvent e) {
            imagej.dragOver(e);
        }

        @Override
        public void dragExit(DropTargetEvent e) {
            imagej.dragExit(e);
        }

        @Override
        public void dropActionChanged(DropTargetDragEvent e) {
            imagej.dropActionChanged(e);
        }
    }
}
