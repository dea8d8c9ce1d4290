package org.delineate.plugins;

import java.awt.GraphicsEnvironment;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.delineate.annotation.measure.SegmentMeasurement;

/**
 * {@code Plugins > Delineate > Measure Segments}: measures every segment of the current image's annotation into
 * ImageJ's Results table (replacing its rows, so that macros read them with {@code getResult}), one row per segment: voxels, volume (mL), mean, SD, min and max of
 * the modality values (HU for CT), the longest in-plane diameter and its perpendicular (mm) and the slice (1-based)
 * where the diameter is largest. No options; works in batch mode.
 */
public final class MeasureSegments implements PlugIn {

    static final String COMMAND = "Measure Segments";
    static final String TABLE = "Results";

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Commands.fail(COMMAND, "No image is open.");
            return;
        }
        ResultsTable table = ResultsTable.getResultsTable();
        table.reset();
        try {
            for (SegmentMeasurement m : DelineateMacroFunctions.sessionOf(imp).measureAll()) {
                table.incrementCounter();
                table.addValue("Segment", m.name());
                table.addValue("Voxels", m.voxels());
                table.addValue("Volume (mL)", m.volumeMl());
                table.addValue("Mean", m.mean());
                table.addValue("SD", m.sd());
                table.addValue("Min", m.min());
                table.addValue("Max", m.max());
                table.addValue("Longest diameter (mm)", m.longestDiameter());
                table.addValue("Perpendicular (mm)", m.perpendicularDiameter());
                table.addValue("Slice", m.diameterSlice() + 1);
            }
        } catch (IllegalStateException e) {
            Commands.fail(COMMAND, e.getMessage());
            return;
        }
        if (!GraphicsEnvironment.isHeadless()) {
            table.show(TABLE);
        }
    }
}
