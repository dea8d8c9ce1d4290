package org.delineate.dicom.nifti;

import java.io.IOException;

/**
 * Malformed or unsupported NIfTI input. The message names the file, the 0-based byte offset (in the
 * header file, or in the inflated stream for {@code .gz}), the header field, what was found and what
 * was expected.
 */
public class NiftiFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;
    private final String field;

    /**
     * @param source the file name (or a description of the stream)
     * @param offset the byte offset, or -1 when unknown
     * @param field the nifti1.h / nifti2.h field name, or null
     * @param problem what was found and what was expected
     */
    public NiftiFormatException(String source, long offset, String field, String problem) {
        super(format(source, offset, field, problem));
        this.source = source;
        this.offset = offset;
        this.field = field;
    }

    public NiftiFormatException(String source, long offset, String field, String problem, Throwable cause) {
        this(source, offset, field, problem);
        initCause(cause);
    }

    private static String format(String source, long offset, String field, String problem) {
        StringBuilder s = new StringBuilder(source == null ? "<stream>" : source).append(": ");
        if (offset >= 0) {
            s.append("at byte ").append(offset).append(", ");
        }
        if (field != null) {
            s.append(field).append(": ");
        }
        return s.append(problem).toString();
    }

    public String source() {
        return source;
    }

    /** The byte offset of the problem, or -1. */
    public long offset() {
        return offset;
    }

    /** The header field concerned (e.g. "dim[3]"), or null. */
    public String field() {
        return field;
    }
}
