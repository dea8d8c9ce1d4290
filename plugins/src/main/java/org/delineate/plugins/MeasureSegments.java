package org.delineate.plugins;

import java.awt.GraphicsEnvironment;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.delineate.annotation.measure.SegmentMeasurement;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;

/**
 * {@code Plugins > Delineate > Measure Segments}: measures every segment of the current image's annotation into
 * ImageJ's Results table (replacing its rows, so that macros read them with {@code getResult}), one row per segment: voxels, volume (mL), mean, SD, min and max of
 * the modality values (HU for CT), the longest in-plane diameter and its perpendicular (mm) and the slice (1-based)
 * where the diameter is largest. No options; works in batch mode.
 */
public final class MeasureSegments implements Documented {

    static final String COMMAND = "Measure Segments";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Measures every segment of the current image's annotation into ImageJ's Results table (its rows are
                    replaced), one row per segment, so that macros read them with `getResult`/`getResultString`.""")
            .details("""
                    | column | meaning |
                    |---|---|
                    | `Segment` | the segment's name |
                    | `Voxels`, `Volume (mL)` | voxel count and volume |
                    | `Mean`, `SD`, `Min`, `Max` | modality values (HU for CT) inside the segment |
                    | `Longest diameter (mm)`, `Perpendicular (mm)` | RECIST-style: the longest in-plane distance between voxel centers, on the slice where it is largest, and the segment's extent perpendicular to it there |
                    | `Slice` | that slice, 1-based as ImageJ counts slices |""")
            .example("run(\"Measure Segments\");", "print(getResultString(\"Segment\", 0) + \": \" + getResult(\"Volume (mL)\", 0) + \" mL\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }
    static final String TABLE = "Results";

    @Override
    public void run(String arg) {
        ImagePlus imp = Commands.currentImage(COMMAND);
        if (imp == null) {
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
