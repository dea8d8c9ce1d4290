package org.delineate.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * Parsing of DA, TM and DT values (PS3.5 Table 6.2-1). Tolerant of the old ACR-NEMA forms
 * "YYYY.MM.DD" and "HH:MM:SS"; missing trailing components (e.g. TM "1410", DT "2024") are taken
 * as their first value. Returns null for values that are not dates or times.
 */
public final class DateTimes {

    private DateTimes() {
    }

    /**
     * Whether every character is an ASCII digit (true for ""). NB: a loop, not a stream: this runs for every date of
     * every header a scan reads, where a stream pipeline costs a new JVM far more than the test itself.
     */
    public static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A DA value "YYYYMMDD" (or "YYYY.MM.DD") as a date, or null. */
    public static LocalDate parseDate(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.trim().replace(".", "");
        if (digits.length() != 8 || !allDigits(digits)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** A TM value "HH[MM[SS[.F{1,6}]]]" (or "HH:MM:SS") as a time, or null. */
    public static LocalTime parseTime(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim().replace(":", "");
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 6 || (whole.length() & 1) == 1 || !allDigits(whole)
                || fraction.length() > 6 || !allDigits(fraction)) {
            return null;
        }
        try {
            int hour = Integer.parseInt(whole.substring(0, 2));
            int minute = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
            int second = whole.length() >= 6 ? Integer.parseInt(whole.substring(4, 6)) : 0;
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000").substring(0, 6)) * 1000;
            // NB: TM allows second 60 (leap second); java.time does not, so it is read as 59.
            return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * A DT value "YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]" as a {@link LocalDateTime}, or an
     * {@link OffsetDateTime} when it has a UTC offset; null when malformed.
     */
    public static Temporal parseDateTime(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        ZoneOffset offset = null;
        int sign = Math.max(s.indexOf('+'), s.indexOf('-'));
        if (sign > 0) {
            String zone = s.substring(sign);
            s = s.substring(0, sign);
            if (zone.length() != 5 || !allDigits(zone.substring(1))) {
                return null;
            }
            try {
                offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(zone.substring(0, 3)),
                        (zone.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(zone.substring(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.length() < 4 || whole.length() > 14 || (whole.length() & 1) == 1
                || !allDigits(whole)) {
            return null;
        }
        LocalDate date = parseDate((whole + "0101").substring(0, 8));
        LocalTime time = whole.length() > 8 ? parseTime(whole.substring(8) + (dot < 0 ? "" : s.substring(dot)))
                : LocalTime.MIDNIGHT;
        if (date == null || time == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        return offset == null ? local : OffsetDateTime.of(local, offset);
    }
}
