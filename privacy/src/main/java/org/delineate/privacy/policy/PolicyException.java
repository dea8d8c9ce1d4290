package org.delineate.privacy.policy;

import java.io.IOException;

/**
 * A de-identification policy that cannot be used: malformed JSON, an unknown key, keyword, action or option, an
 * unsupported version, or options that exclude each other. The message names the policy file (or preset) and the
 * JSON path of the problem, e.g. {@code research.json: $.attributes.PatientSexx: unknown keyword}.
 */
public class PolicyException extends IOException {

    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
