package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.Macro;

import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.plugins.open.SampleStudy;
import org.delineate.plugins.open.SeriesTable;

/**
 * {@code Plugins > Delineate > Open Sample Study}: shows the synthetic CT phantom (no patient data),
 * generating its DICOM files into the per-user cache on first use ({@link SampleStudy}). Macro key:
 * {@code restore}; works headless. The cache folder is {@code -Ddelineate.cache=...} when that system property
 * is set.
 */
public final class OpenSampleStudy implements Documented {

    static final String COMMAND = "Open Sample Study";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    Opens the synthetic CT phantom (body, lungs, liver, spine and a 15 mm spherical lesion of 100 HU; no
                    patient data). Its DICOM files are generated on first use into the per-user cache,
                    `$XDG_CACHE_HOME/delineate/sample-ct/` or `~/.cache/delineate/sample-ct/` (Java system property
                    `delineate.cache` overrides the cache folder), and reused afterwards. The lesion is centred at voxel
                    (87.5, 59.5, 19), 0-based.""")
            .optional("restore", OpenDicomSeries.restoreMeaning(), "no")
            .example("run(\"Open Sample Study\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        try {
            String options = Macro.getOptions();
            String restore = options == null ? null : MacroOptions.of(DOC, options).choice("restore", OpenDicomSeries.YES_NO);
            IJ.showStatus("Preparing the sample study ...");
            Path folder = SampleStudy.ensure(Commands.cache());
            SeriesTable table = SeriesTable.scan(folder, Commands.threads());
            OpenDicomSeries.show(table.choose(1, null), ImageSessions.restoreChoice(restore));
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }
}
