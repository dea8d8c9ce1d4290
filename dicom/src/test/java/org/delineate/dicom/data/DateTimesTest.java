package org.delineate.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** DA and TM parsing: DICOM's digits are ASCII digits only (PS3.5 6.2). */
class DateTimesTest {

    @Test
    void allDigitsIsAsciiDigitsOnly() {
        assertTrue(DateTimes.allDigits("20240131"));
        assertTrue(DateTimes.allDigits(""));
        assertFalse(DateTimes.allDigits("2024013a"));
        assertFalse(DateTimes.allDigits("2024-01-31"));
        assertFalse(DateTimes.allDigits("\u0662\u0660\u0662\u0664"), "Arabic-Indic digits are not DICOM digits");
    }

    @Test
    void datesAndTimesParseOrGiveNull() {
        assertEquals(LocalDate.of(2024, 1, 31), DateTimes.parseDate("20240131"));
        assertEquals(LocalDate.of(2024, 1, 31), DateTimes.parseDate("2024.01.31"), "the ACR-NEMA form");
        assertNull(DateTimes.parseDate("20240231"), "no 31 February");
        assertNull(DateTimes.parseDate("2024013"));
        assertNull(DateTimes.parseDate("\u0662\u0660\u0662\u0664\u0660\u0661\u0663\u0661"));
        assertEquals(LocalTime.of(13, 5, 7, 250_000_000), DateTimes.parseTime("130507.25"));
        assertEquals(LocalTime.of(13, 5), DateTimes.parseTime("1305"));
        assertNull(DateTimes.parseTime("13a5"));
    }
}
