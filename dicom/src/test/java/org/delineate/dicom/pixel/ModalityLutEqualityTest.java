package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** ModalityLut's written-out equals and hashCode keep a record's semantics (doubles as Double.compare sees them). */
class ModalityLutEqualityTest {

    @Test
    void equalLutsAreEqualAndHashAlike() {
        ModalityLut a = new ModalityLut(1, -1024, "HU");
        ModalityLut b = new ModalityLut(1.0, -1024.0, "HU");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(new ModalityLut(Double.NaN, 0, null), new ModalityLut(Double.NaN, 0, null));
    }

    @Test
    void anyComponentTellsThemApart() {
        ModalityLut a = new ModalityLut(1, -1024, "HU");
        assertNotEquals(a, new ModalityLut(2, -1024, "HU"));
        assertNotEquals(a, new ModalityLut(1, -1000, "HU"));
        assertNotEquals(a, new ModalityLut(1, -1024, "US"));
        assertNotEquals(a, new ModalityLut(1, -1024, null));
        assertNotEquals(new ModalityLut(1, 0.0, ""), new ModalityLut(1, -0.0, ""));
        assertNotEquals(a, "HU");
    }
}
