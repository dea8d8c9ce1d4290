package org.delineate.plugins.open;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;

/**
 * Finds the DICOM series an image not read from DICOM (a NIfTI converted from it) was made from, so that a
 * DICOM-SEG of its annotation can reference the original images: the one series of a folder whose grid is the
 * image's (same size, corners within {@value #TOLERANCE_MM} mm). Stateless.
 */
public final class SourceSeries {

    /** How far (mm) the corners of the series' grid may lie from the image's (NIfTI stores 32-bit floats). */
    public static final double TOLERANCE_MM = 0.01;

    private SourceSeries() {
    }

    /**
     * Reads the series of {@code folder} whose grid is {@code grid}.
     *
     * @throws IllegalArgumentException when no series, or more than one, has that grid, saying what was found
     * @throws IOException when the folder cannot be scanned or the series read
     */
    public static Volume find(Path folder, AnnotationGrid grid, int threads) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("source=" + folder + " is not a folder");
        }
        SeriesTable table = SeriesTable.scan(folder, threads);
        List<FrameStack> fitting = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (SeriesTable.Row row : table.rows()) {
            FrameStack stack = row.stack();
            AnnotationGrid candidate = new AnnotationGrid(stack.columns(), stack.rows(), stack.slices(), stack.geometry());
            if (candidate.matches(grid, TOLERANCE_MM)) {
                fitting.add(stack);
            } else {
                others.add(candidate.describe());
            }
        }
        if (fitting.size() == 1) {
            return StackVolumes.read(fitting.get(0), threads);
        }
        if (fitting.isEmpty()) {
            throw new IllegalArgumentException("no DICOM series in " + folder + " has the image's grid ("
                    + grid.describe() + ")" + (others.isEmpty() ? "; it holds no series that can be read as a volume"
                            : "; its series: " + String.join("; ", others)));
        }
        throw new IllegalArgumentException(fitting.size() + " DICOM series in " + folder + " have the image's grid; "
                + "give a folder holding only the series the image was made from");
    }
}
