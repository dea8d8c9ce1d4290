package org.delineate.privacy.pixels;

import java.io.IOException;

/** A redaction rules file that is not valid: the message names the file, line and column and what was expected. */
public final class RulesFileException extends IOException {

    private static final long serialVersionUID = 1L;

    RulesFileException(String message) {
        super(message);
    }
}
