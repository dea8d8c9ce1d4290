package org.delineate.privacy.pixels;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UID;

/**
 * Whether a data set may show burned-in text, by the standard's own signals (see docs/deid-pixels.md):
 * Burned In Annotation (0028,0301) YES, a Secondary Capture SOP Class, a Conversion Type (0008,0064)
 * (the SC Equipment module, present only on converted images: screens, video, film, documents), or an
 * Image Type (0008,0008) value naming a screen ("SCREEN SAVE" and the like). Stateless.
 */
final class BurnedInRisk {

    static final Set<String> SECONDARY_CAPTURE = Set.of(UID.SecondaryCaptureImageStorage,
            UID.MultiFrameSingleBitSecondaryCaptureImageStorage, UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage,
            UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage, UID.MultiFrameTrueColorSecondaryCaptureImageStorage);

    private BurnedInRisk() {
    }

    /** Why {@code ds} may hold burned-in text, or empty when nothing says so. Names attributes, not values. */
    static Optional<String> of(DataSet ds) {
        String burnedIn = ds.getString(Tag.BurnedInAnnotation);
        if (burnedIn != null && burnedIn.strip().equalsIgnoreCase("YES")) {
            return Optional.of("(0028,0301) BurnedInAnnotation is YES");
        }
        String sopClass = ds.getString(Tag.SOPClassUID);
        if (sopClass != null && SECONDARY_CAPTURE.contains(sopClass.strip())) {
            return Optional.of("(0008,0016) SOPClassUID is a Secondary Capture Image Storage class");
        }
        String conversion = ds.getString(Tag.ConversionType);
        if (conversion != null && !conversion.isBlank()) {
            // NB: the value is a defined term (WSD, DV, SD, ...); anything else is not repeated in the reason.
            String term = conversion.strip().matches("[A-Z]{1,16}") ? conversion.strip() : "present";
            return Optional.of("(0008,0064) ConversionType is " + term
                    + " (a converted image: screen, video, film or document)");
        }
        String[] imageType = ds.getStrings(Tag.ImageType);
        if (imageType != null) {
            for (String value : imageType) {
                if (value != null && value.toUpperCase(Locale.ROOT).contains("SCREEN")) {
                    return Optional.of("(0008,0008) ImageType has a value naming a screen capture");
                }
            }
        }
        return Optional.empty();
    }
}
