package org.delineate.plugins;

import ij.IJ;
import ij.plugin.PlugIn;

/** {@code Plugins > Delineate > About Delineate}: shows the version and where the documentation is. */
public final class AboutDelineate implements PlugIn {

    @Override
    public void run(String arg) {
        String version = AboutDelineate.class.getPackage().getImplementationVersion();
        IJ.showMessage("About Delineate", "Delineate " + (version == null ? "development" : version)
                + "\nMedical image annotation for Fiji/ImageJ.\nSee the user guide in docs/.");
    }
}
