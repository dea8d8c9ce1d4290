package org.delineate.dicom.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks the gaps between sorted slice positions (mm along the slice normal) and says, in plain
 * sentences, what is irregular: missing slices (a gap that is an integer multiple, 2 or more, of the
 * nominal gap) and non-uniform spacing (other gaps that differ from the nominal one by more than
 * {@link Tolerances#spacing()}). The nominal gap is the median gap. Stateless.
 */
final class SliceSpacing {

    /** NB: a gap counts as m missing-slice multiples when it is within 5 % of the nominal gap of m times it. */
    private static final double MULTIPLE_TOLERANCE = 0.05;

    private SliceSpacing() {
    }

    /** The nominal (median) gap of ascending positions; NaN for fewer than two. */
    static double nominalGap(double[] positions) {
        if (positions.length < 2) {
            return Double.NaN;
        }
        double[] gaps = gaps(positions);
        Arrays.sort(gaps);
        int m = gaps.length / 2;
        return gaps.length % 2 == 1 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
    }

    private static double[] gaps(double[] positions) {
        double[] gaps = new double[positions.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = positions[i + 1] - positions[i];
        }
        return gaps;
    }

    /** Notes on missing slices and non-uniform spacing of ascending positions; empty when regular. */
    static List<String> describe(double[] positions, Tolerances tolerances) {
        List<String> notes = new ArrayList<>();
        if (positions.length < 2) {
            return notes;
        }
        double nominal = nominalGap(positions);
        double[] gaps = gaps(positions);
        int missing = 0;
        List<String> where = new ArrayList<>();
        double largestDeviation = 0;
        double minimum = Double.MAX_VALUE;
        double maximum = 0;
        for (int i = 0; i < gaps.length; i++) {
            double gap = gaps[i];
            minimum = Math.min(minimum, gap);
            maximum = Math.max(maximum, gap);
            long multiple = Math.round(gap / nominal);
            if (multiple >= 2 && Math.abs(gap - multiple * nominal) <= Math.max(tolerances.spacing(),
                    MULTIPLE_TOLERANCE * nominal)) {
                missing += (int) (multiple - 1);
                where.add(String.format(Locale.ROOT, "%d between slices %d and %d", multiple - 1, i + 1, i + 2));
                continue;
            }
            largestDeviation = Math.max(largestDeviation, Math.abs(gap - nominal));
        }
        if (missing > 0) {
            notes.add(String.format(Locale.ROOT, "%d slice%s missing (%s, counting slices from 1 along the normal); "
                    + "the nominal spacing is %.3f mm.", missing, missing == 1 ? " is" : "s are", String.join(", ", where),
                    nominal));
        }
        if (largestDeviation > tolerances.spacing()) {
            notes.add(String.format(Locale.ROOT, "The slice spacing is not uniform: gaps from %.3f to %.3f mm, nominal "
                    + "%.3f mm; the largest deviation from it is %.3f mm.", minimum, maximum, nominal, largestDeviation));
        }
        return notes;
    }
}
