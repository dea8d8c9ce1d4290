package org.delineate.dicom.io;

import java.io.IOException;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.ElementDictionary;

/**
 * Malformed DICOM input. The message names the file, the byte offset (in the file, or in the
 * inflated data set for Deflated transfer syntaxes), the tag and keyword where known, what was
 * found and what was expected.
 */
public class DicomFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;
    private final int tag;

    /**
     * @param source the file name (or a description of the stream)
     * @param offset the byte offset, or -1 when unknown
     * @param tag the tag of the element concerned, or -1
     * @param problem what was found and what was expected
     */
    public DicomFormatException(String source, long offset, int tag, String problem) {
        super(format(source, offset, tag, problem));
        this.source = source;
        this.offset = offset;
        this.tag = tag;
    }

    public DicomFormatException(String source, long offset, int tag, String problem, Throwable cause) {
        this(source, offset, tag, problem);
        initCause(cause);
    }

    static String format(String source, long offset, int tag, String problem) {
        StringBuilder s = new StringBuilder(source == null ? "<stream>" : source).append(": ");
        if (offset >= 0) {
            s.append("at byte ").append(offset).append(", ");
        }
        if (tag != -1) {
            s.append(describe(tag)).append(": ");
        }
        return s.append(problem).toString();
    }

    /** "(0010,0010) PatientName", or the bare tag when it has no keyword. */
    static String describe(int tag) {
        String keyword = ElementDictionary.standard().keywordOf(tag);
        return Tags.toString(tag) + (keyword.isEmpty() ? "" : " " + keyword);
    }

    public String source() {
        return source;
    }

    /** The byte offset of the problem, or -1. */
    public long offset() {
        return offset;
    }

    /** The tag concerned, or -1. */
    public int tag() {
        return tag;
    }
}
