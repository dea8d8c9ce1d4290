package org.delineate.privacy.bids;

import java.io.IOException;

/**
 * A BIDS JSON sidecar that cannot be read: not JSON, not an object, too large or nested too deep. The message
 * names the file and where (line, column), never a value: sidecars may hold names.
 */
public final class SidecarFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public SidecarFormatException(String message) {
        super(message);
    }
}
