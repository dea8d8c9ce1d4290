package org.delineate.plugins;

import ij.IJ;

import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;

/** {@code Plugins > Delineate > About Delineate}: shows the version and where the documentation is. */
public final class AboutDelineate implements Documented {

    static final CommandDoc DOC = CommandDoc.of("About Delineate")
            .description("Shows the version.")
            .headless(CommandDoc.Headless.NEVER)
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    @Override
    public void run(String arg) {
        String version = AboutDelineate.class.getPackage().getImplementationVersion();
        IJ.showMessage("About Delineate", "Delineate " + (version == null ? "development" : version)
                + "\nMedical image annotation for Fiji/ImageJ.\nSee the user guide in docs/.");
    }
}
