package org.delineate.dicom.series;

import java.nio.file.Path;
import java.util.List;

/**
 * One record of a DICOMDIR's Directory Record Sequence (0004,1220) (PS3.3 F.3), in file order.
 *
 * @param type DirectoryRecordType (0004,1430), e.g. "PATIENT", "STUDY", "SERIES", "IMAGE", "SR DOCUMENT"
 * @param referencedFileId ReferencedFileID (0004,1500) components, empty when the record names no file
 * @param file the file it names, resolved against the DICOMDIR's folder (matching names without regard to
 *        case when the exact name does not exist), or null when it names none
 * @param referencedSopClassUid ReferencedSOPClassUIDInFile (0004,1510), or null
 * @param referencedSopInstanceUid ReferencedSOPInstanceUIDInFile (0004,1511), or null
 */
public record DirectoryRecord(String type, List<String> referencedFileId, Path file, String referencedSopClassUid,
        String referencedSopInstanceUid) {

    public DirectoryRecord {
        referencedFileId = List.copyOf(referencedFileId);
    }
}
