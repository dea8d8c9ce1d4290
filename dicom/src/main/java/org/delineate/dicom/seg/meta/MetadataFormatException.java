package org.delineate.dicom.seg.meta;

import java.io.IOException;

/**
 * Segment metadata that cannot be read: not JSON, or a value of the wrong kind where the format expects
 * another. The message names the file, the JSON path (such as {@code $.segmentAttributes[0][1].labelID}) or
 * the line and column, and what was expected.
 */
public class MetadataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String jsonPath;

    /**
     * @param source the file (or other source) read
     * @param jsonPath where in the JSON the problem is, or null when the text is not JSON
     * @param problem what was found and what was expected
     */
    public MetadataFormatException(String source, String jsonPath, String problem) {
        super(source + (jsonPath == null ? "" : ": at " + jsonPath) + ": " + problem);
        this.source = source;
        this.jsonPath = jsonPath;
    }

    /** Wraps a parser error; {@code where} is a line and column. */
    MetadataFormatException(String source, String where, String problem, Throwable cause) {
        super(source + ": " + where + ": " + problem, cause);
        this.source = source;
        this.jsonPath = null;
    }

    /** The file or other source that was read. */
    public String source() {
        return source;
    }

    /** The JSON path of the offending value, or null when the text could not be parsed. */
    public String jsonPath() {
        return jsonPath;
    }
}
