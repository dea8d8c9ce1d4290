package org.delineate.dicom.series;

import java.nio.file.Path;

import org.delineate.dicom.dict.UidRegistry;

/**
 * A DICOM instance that is not an image to stack (a structured report, segmentation, RT structure set,
 * presentation state, RT dose, DICOMDIR, ...), kept so that a browser can list it. Immutable.
 *
 * @param file the file
 * @param sopClassUid SOPClassUID (0008,0016), or null when absent
 * @param sopInstanceUid SOPInstanceUID (0008,0018), or null
 * @param series the series attributes of its header (contains PHI: never log it)
 */
public record NonImageInstance(Path file, String sopClassUid, String sopInstanceUid, SeriesInfo series) {

    /** The standard's name of the SOP class, e.g. "Segmentation Storage", or the UID when unknown. */
    public String sopClassName() {
        if (sopClassUid == null) {
            return "no SOP Class UID";
        }
        String name = UidRegistry.standard().nameOf(sopClassUid);
        return name == null || name.isEmpty() ? sopClassUid : name;
    }
}
