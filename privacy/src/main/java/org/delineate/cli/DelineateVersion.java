package org.delineate.cli;

/** The version recorded in the jar manifest (or "development" when run from classes). */
final class DelineateVersion {

    private DelineateVersion() {
    }

    /** What {@code delineate --version} prints. */
    static String text() {
        String version = DelineateCommand.class.getPackage().getImplementationVersion();
        return "delineate " + (version == null ? "development" : version);
    }
}
