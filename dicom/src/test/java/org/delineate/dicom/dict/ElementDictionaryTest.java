package org.delineate.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.delineate.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** Facts from PS3.6 that the generated dictionary must hold. */
class ElementDictionaryTest {

    private final ElementDictionary dictionary = ElementDictionary.standard();

    @Test
    void standardAttributes() {
        DictionaryEntry name = dictionary.entry(Tag.PatientName).orElseThrow();
        assertEquals("PatientName", name.keyword());
        assertEquals(VR.PN, name.vr());
        assertEquals("Patient's Name", name.name());
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals(Tag.PixelData, dictionary.tagOf("PixelData"));
        assertEquals("2024e", dictionary.edition());
        assertEquals("2024e", Tag.EDITION);
    }

    @Test
    void repeatingGroupsAndRanges() {
        assertEquals("OverlayData", dictionary.keywordOf(0x60023000));
        assertEquals("OverlayRows", dictionary.keywordOf(0x601E0010));
        assertEquals("CurveData", dictionary.keywordOf(0x50003000));
        assertTrue(dictionary.entry(0x60023000).orElseThrow().isAmbiguous());
    }

    @Test
    void groupLengthsPrivateCreatorsAndUnknowns() {
        assertEquals(VR.UL, dictionary.entry(0x00080000).orElseThrow().vr());
        assertEquals(VR.LO, dictionary.entry(0x00290010).orElseThrow().vr());
        assertTrue(dictionary.entry(0x00291010).isEmpty());
        assertEquals("", dictionary.keywordOf(0x00291010));
    }

    @Test
    void ambiguousVrsAreKeptAsTheStandardWritesThem() {
        assertEquals("US or SS", dictionary.entry(Tag.SmallestImagePixelValue).orElseThrow().vrText());
        assertEquals("OB or OW", dictionary.entry(Tag.PixelData).orElseThrow().vrText());
    }

    @Test
    void uidRegistry() {
        assertEquals("CT Image Storage", UidRegistry.standard().nameOf(UID.CTImageStorage));
        assertEquals("Transfer Syntax", UidRegistry.standard().entry("1.2.840.10008.1.2.4.70").orElseThrow().type());
        assertEquals("", UidRegistry.standard().nameOf("1.2.3.4"));
    }
}
