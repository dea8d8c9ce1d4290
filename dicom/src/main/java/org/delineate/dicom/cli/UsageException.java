package org.delineate.dicom.cli;

/**
 * A command line that the command cannot run as given: an unknown or repeated option, a missing or malformed
 * value, a wrong combination. {@link CommandRunner} prints the message and the command's usage on stderr and exits
 * with 2. Unchecked, so that a command's helpers can refuse a value where they read it.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
