package org.delineate.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest (or "development" when run from classes). */
public final class DelineateVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = DelineateCommand.class.getPackage().getImplementationVersion();
        return new String[] {"delineate " + (version == null ? "development" : version)};
    }
}
