package org.delineate.privacy.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

import org.delineate.dicom.data.DateTimes;

/** Shifts DA values and the date part of DT values by a number of days; times and UTC offsets are kept. */
final class DateShift {

    private DateShift() {
    }

    /**
     * The values of a DA or DT element with every date moved by {@code days}, or null when a value is not a date
     * (the caller then removes the element rather than keep an unshifted date). Empty values stay empty; DA ranges
     * ("from-to") shift both ends.
     */
    static String[] shift(String[] values, boolean dateTime, int days) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i].strip();
            if (v.isEmpty()) {
                out[i] = v;
                continue;
            }
            if (!dateTime && v.indexOf('-') >= 0) {
                String[] ends = v.split("-", -1);
                if (ends.length != 2) {
                    return null;
                }
                String from = ends[0].isEmpty() ? "" : shiftDate(ends[0], days);
                String to = ends[1].isEmpty() ? "" : shiftDate(ends[1], days);
                if (from == null || to == null) {
                    return null;
                }
                out[i] = from + "-" + to;
                continue;
            }
            String shifted = dateTime ? shiftDateTime(v, days) : shiftDate(v, days);
            if (shifted == null) {
                return null;
            }
            out[i] = shifted;
        }
        return out;
    }

    /** "YYYYMMDD" shifted, or null when not a valid date. */
    static String shiftDate(String da, int days) {
        LocalDate date = parse(da);
        return date == null ? null : format(date.plusDays(days));
    }

    private static String shiftDateTime(String dt, int days) {
        int digits = 0;
        while (digits < dt.length() && digits < 8 && Character.isDigit(dt.charAt(digits))) {
            digits++;
        }
        if (digits != 4 && digits != 6 && digits != 8) {
            return null;
        }
        // NB: a DT of year or year-month precision is shifted from the first day of its period and truncated
        // back to the same precision.
        String full = dt.substring(0, digits) + "0101".substring(digits - 4);
        String shifted = shiftDate(full, days);
        return shifted == null ? null : shifted.substring(0, digits) + dt.substring(digits);
    }

    /** A DA value as a date, or null. */
    static LocalDate parse(String da) {
        if (da == null) {
            return null;
        }
        String v = da.strip();
        if (v.length() != 8 || !DateTimes.allDigits(v)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String format(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** An AS value for the age at {@code at} of someone born on {@code birth} ("045Y", "007M", "012D"), or null. */
    static String age(LocalDate birth, LocalDate at) {
        if (at.isBefore(birth)) {
            return null;
        }
        Period p = Period.between(birth, at);
        if (p.getYears() >= 1) {
            return p.getYears() > 999 ? null : String.format("%03dY", p.getYears());
        }
        if (p.toTotalMonths() >= 1) {
            return String.format("%03dM", p.toTotalMonths());
        }
        return String.format("%03dD", at.toEpochDay() - birth.toEpochDay());
    }
}
