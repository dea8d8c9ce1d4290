package org.delineate.plugins;

import java.awt.GraphicsEnvironment;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.measure.ResultsTable;

import org.delineate.annotation.measure.LandmarkDistance;
import org.delineate.annotation.measure.Measurements;
import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;

/**
 * {@code Plugins > Delineate > Measure Landmarks}: the distance between every two landmarks of the current image's
 * annotation, one row per pair, into a table of its own ("Landmark distances") or, with {@code table=Results},
 * into ImageJ's Results table. No dialog; works in batch mode and headless.
 */
public final class MeasureLandmarks implements Documented {

    static final String COMMAND = "Measure Landmarks";

    /** The table's title unless the macro names another. */
    static final String TABLE = "Landmark distances";

    /** ImageJ's own table, the one {@code getResult} reads. */
    private static final String RESULTS = "Results";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Measures the distance between every two landmarks of the current image's annotation, one row per
                    pair (each pair once, in the order the landmarks were placed: 1-2, 1-3, ..., 2-3, ...), into a
                    table titled "Landmark distances" (its rows are replaced), so that the Results table of Measure
                    Segments stays as it was. With fewer than two landmarks the table is empty. Without a display
                    (headless) ImageJ 1.x keeps no table but Results, so the rows go there whatever `table` says.""")
            .optional("table", "the title of the table to fill; `Results` is ImageJ's Results table, which "
                    + "`getResult`/`getResultString` read", TABLE)
            .details("""
                    | column | meaning |
                    |---|---|
                    | `Landmark A`, `Landmark B` | the two landmarks' names (A placed before B) |
                    | `A x (mm)`, `A y (mm)`, `A z (mm)`, `B x (mm)`, `B y (mm)`, `B z (mm)` | their patient positions, DICOM LPS (x to the patient's left, y posterior, z superior) |
                    | `Distance (mm)` | the straight-line distance between them |

                    All pairs rather than consecutive ones: the annotation does not record which template (if any)
                    placed its points, and in the shipped "Lesion axes" template the pairs that matter, the ends of
                    each axis, are 1-2 and 3-4, while 2-3 means nothing. For the distance of two named landmarks,
                    see `Ext.getLandmarkDistance` (Delineate Macro Functions).""")
            .example("// with a display: the table of its own",
                    "run(\"Measure Landmarks\");",
                    "d = Table.get(\"Distance (mm)\", 0, \"Landmark distances\");")
            .example("// anywhere, headless too: ImageJ's Results table",
                    "run(\"Measure Landmarks\", \"table=Results\");",
                    "for (row = 0; row < nResults; row++)",
                    "    print(getResultString(\"Landmark A\", row) + \" - \" + getResultString(\"Landmark B\", row) + \": \""
                            + " + getResult(\"Distance (mm)\", row) + \" mm\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        ImagePlus imp = Commands.currentImage(COMMAND);
        if (imp == null) {
            return;
        }
        List<LandmarkDistance> distances;
        String title;
        try {
            String options = Macro.getOptions();
            title = options == null ? TABLE : MacroOptions.of(DOC, options).text("table");
            distances = Measurements.distances(ImageSessions.sessionOf(imp).annotation().landmarks());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Commands.fail(COMMAND, e.getMessage());
            return;
        }
        boolean headless = GraphicsEnvironment.isHeadless();
        // NB: ImageJ 1.x shows no table headless (ResultsTable.show returns, Table.* macro functions throw);
        // only the Results table is readable there, by getResult.
        ResultsTable table = headless || title.equals(RESULTS) ? ResultsTable.getResultsTable() : new ResultsTable();
        table.reset();
        for (LandmarkDistance d : distances) {
            double[] a = d.a().position();
            double[] b = d.b().position();
            table.incrementCounter();
            table.addValue("Landmark A", d.a().name());
            table.addValue("Landmark B", d.b().name());
            table.addValue("A x (mm)", a[0]);
            table.addValue("A y (mm)", a[1]);
            table.addValue("A z (mm)", a[2]);
            table.addValue("B x (mm)", b[0]);
            table.addValue("B y (mm)", b[1]);
            table.addValue("B z (mm)", b[2]);
            table.addValue("Distance (mm)", d.distance());
        }
        if (!headless) {
            table.show(table == ResultsTable.getResultsTable() ? RESULTS : title);
        }
        IJ.showStatus(distances.isEmpty() ? "Measure Landmarks: fewer than two landmarks" : distances.size()
                + (distances.size() == 1 ? " distance" : " distances") + " measured");
    }
}
