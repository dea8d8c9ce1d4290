package org.delineate.privacy.pseudonym;

/**
 * The days a patient's dates may be shifted by, inclusive at both ends; a shift of 0 is never chosen
 * unless the range is exactly {0, 0}. Immutable.
 *
 * @param minDays the smallest shift in days (negative moves dates into the past)
 * @param maxDays the largest shift in days, at least {@code minDays}
 */
public record DateShiftRange(int minDays, int maxDays) {

    /** The widest shift accepted either way: 100 years of 365.25 days. */
    public static final int LIMIT_DAYS = 36525;

    /**
     * The default: 365 to 3650 days into the past (1 to 10 years). NB: only backwards, so that no shifted
     * date lies in the future, and at least a year, so that the shift changes the year.
     */
    public static final DateShiftRange DEFAULT = new DateShiftRange(-3650, -365);

    /** @throws IllegalArgumentException when min &gt; max or either is beyond {@link #LIMIT_DAYS} */
    public DateShiftRange {
        if (minDays > maxDays || minDays < -LIMIT_DAYS || maxDays > LIMIT_DAYS) {
            throw new IllegalArgumentException("date shift range " + minDays + " to " + maxDays
                    + " days: expected min <= max, both within +-" + LIMIT_DAYS);
        }
    }

    /** The number of shifts that can be chosen: the days in the range, without 0 unless the range is {0, 0}. */
    public long choices() {
        long days = (long) maxDays - minDays + 1;
        return skipsZero() ? days - 1 : days;
    }

    /** Shift number {@code index} (0-based, below {@link #choices()}) in ascending order, 0 left out. */
    int shift(long index) {
        long value = minDays + index;
        return (int) (skipsZero() && value >= 0 ? value + 1 : value);
    }

    private boolean skipsZero() {
        return minDays <= 0 && maxDays >= 0 && !(minDays == 0 && maxDays == 0);
    }
}
