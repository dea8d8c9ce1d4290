package org.delineate.annotation;

import java.io.IOException;

/** A JSON annotation document that cannot be read: names the file, the JSON path and what was expected. */
public final class AnnotationFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public AnnotationFormatException(String file, String path, String message) {
        super(file + ": " + path + ": " + message);
    }
}
