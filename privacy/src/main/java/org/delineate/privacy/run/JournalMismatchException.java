package org.delineate.privacy.run;

import java.io.IOException;

/**
 * The output folder holds the journal of a run with another key or policy: resuming into it would mix
 * pseudonym spaces. The message names the journal file, never PHI.
 */
public final class JournalMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    JournalMismatchException(String message) {
        super(message);
    }
}
