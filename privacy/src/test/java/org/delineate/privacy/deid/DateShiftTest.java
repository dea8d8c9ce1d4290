package org.delineate.privacy.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Date shifting against java.time's calendar arithmetic. */
class DateShiftTest {

    @Test
    void datesShiftAcrossMonthsYearsAndLeapDays() {
        assertEquals("20200229", DateShift.shiftDate("20200301", -1));
        assertEquals("20191231", DateShift.shiftDate("20200101", -1));
        String expected = DateShift.format(LocalDate.of(2024, 2, 29).plusDays(-365));
        assertEquals(expected, DateShift.shiftDate("20240229", -365));
        assertNull(DateShift.shiftDate("20200230", 1), "not a date");
        assertNull(DateShift.shiftDate("2020-03-01", 1), "not DA syntax");
    }

    @Test
    void dateTimesKeepTimeOffsetAndPrecision() {
        assertArrayEquals(new String[] {"20200314101500.123+0100"},
                DateShift.shift(new String[] {"20200315101500.123+0100"}, true, -1));
        assertArrayEquals(new String[] {"2019"}, DateShift.shift(new String[] {"2020"}, true, -1));
        assertArrayEquals(new String[] {"201912"}, DateShift.shift(new String[] {"202001"}, true, -1));
        assertNull(DateShift.shift(new String[] {"20"}, true, -1));
    }

    @Test
    void multipleValuesEmptyValuesAndRanges() {
        assertArrayEquals(new String[] {"20200101", "", "20191230-20191231"},
                DateShift.shift(new String[] {"20200102", "", "20191231-20200101"}, false, -1));
        assertNull(DateShift.shift(new String[] {"20200102", "bad"}, false, 1), "one bad value fails the element");
    }

    @Test
    void ageInYearsMonthsOrDays() {
        assertEquals("050Y", DateShift.age(LocalDate.of(1970, 3, 15), LocalDate.of(2020, 3, 15)));
        assertEquals("049Y", DateShift.age(LocalDate.of(1970, 3, 15), LocalDate.of(2020, 3, 14)));
        assertEquals("011M", DateShift.age(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 3, 15)));
        assertEquals("010D", DateShift.age(LocalDate.of(2020, 3, 5), LocalDate.of(2020, 3, 15)));
        assertNull(DateShift.age(LocalDate.of(2021, 1, 1), LocalDate.of(2020, 1, 1)), "born after the study");
    }
}
