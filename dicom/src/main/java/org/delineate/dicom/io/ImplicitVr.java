package org.delineate.dicom.io;

import org.delineate.dicom.data.AmbiguousVr;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.DictionaryEntry;
import org.delineate.dicom.dict.ElementDictionary;

/**
 * The VR of an element read without one (Implicit VR, PS3.5 Annex A.1): from the data dictionary,
 * with the ambiguous ones resolved from the data set as read so far (PS3.5 A.1 and the Pixel
 * Representation rule), UL for group lengths, LO for private creators and UN for the rest.
 */
final class ImplicitVr {

    /**
     * NB: the standard dictionary is looked up when first needed, not when a parser is made: an Explicit VR file
     * without public UN elements never needs it, and loading it costs tens of milliseconds in a new JVM.
     */
    ImplicitVr() {
    }

    VR of(int tag, DataSet context) {
        if (Tags.isPrivateCreator(tag)) {
            return VR.LO;
        }
        if (Tags.isPrivate(tag)) {
            return VR.UN;
        }
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        DictionaryEntry entry = ElementDictionary.standard().entry(tag).orElse(null);
        if (entry == null) {
            return VR.UN;
        }
        VR vr = entry.vr();
        if (vr != null) {
            return vr;
        }
        return entry.isAmbiguous() ? AmbiguousVr.resolve(entry.vrText(), context) : VR.UN;
    }

    /** The ambiguous dictionary VR this element has, e.g. "US or SS", or null. */
    String ambiguity(int tag) {
        if (Tags.isPrivate(tag)) {
            return null;
        }
        DictionaryEntry entry = ElementDictionary.standard().entry(tag).orElse(null);
        return entry != null && entry.isAmbiguous() ? entry.vrText() : null;
    }

}
