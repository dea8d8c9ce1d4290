package org.delineate.plugins;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;

import org.delineate.plugins.open.SampleStudy;
import org.delineate.plugins.open.SeriesTable;

/**
 * {@code Plugins > Delineate > Open Sample Study}: shows the synthetic CT phantom (no patient data),
 * generating its DICOM files into the per-user cache on first use ({@link SampleStudy}). No macro keys;
 * works headless. The cache folder is {@code -Ddelineate.cache=...} when that system property is set.
 */
public final class OpenSampleStudy implements PlugIn {

    static final String COMMAND = "Open Sample Study";

    @Override
    public void run(String arg) {
        try {
            String override = System.getProperty("delineate.cache");
            Path cache = override == null || override.isBlank() ? SampleStudy.defaultCache() : Path.of(override);
            IJ.showStatus("Preparing the sample study ...");
            Path folder = SampleStudy.ensure(cache);
            SeriesTable table = SeriesTable.scan(folder, Commands.threads());
            OpenDicomSeries.show(table.choose(1, null));
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        }
    }
}
