package org.delineate.dicom.series;

import java.nio.file.Path;

/**
 * A file a scan could not use, and why (e.g. "not a DICOM file", or the reader's message naming the
 * offset, tag and keyword). The reason names no patient data beyond the file's own path.
 *
 * @param file the file
 * @param reason what was found and what was expected
 */
public record UnreadableFile(Path file, String reason) {
}
