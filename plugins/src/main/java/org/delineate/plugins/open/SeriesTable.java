package org.delineate.plugins.open;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.ScanResult;
import org.delineate.dicom.series.Series;
import org.delineate.dicom.series.SeriesInfo;
import org.delineate.dicom.series.SeriesScanner;

/**
 * The model of the series browser: one row per stack that can become a volume, found in a folder or
 * DICOMDIR, numbered from 1 in the order the scan found them. Rows contain PHI (patient name and ID):
 * show them to the user, never log or record them; macros choose a row by its number or Series Instance
 * UID. Immutable.
 *
 * @param rows the rows, row n at index n - 1
 * @param skipped how many stacks were found but cannot be read as volumes
 * @param unreadable how many files were not DICOM or could not be parsed
 */
public record SeriesTable(List<Row> rows, int skipped, int unreadable) {

    /** The column titles, in the order of {@link Row#cells()}. */
    public static final List<String> COLUMNS = List.of("#", "Patient", "Study", "Series", "Modality", "Size", "Date");

    /**
     * One row: a usable stack and what the browser shows of it.
     *
     * @param number 1-based row number, the value of the macro key {@code series}
     * @param stack the stack to read
     */
    public record Row(int number, FrameStack stack) {

        /** The cells under {@link SeriesTable#COLUMNS}; empty strings for what the header lacks. */
        public List<String> cells() {
            SeriesInfo info = stack.summary().info();
            String patient = join(text(info.patientName()).replace('^', ' ').trim(), text(info.patientId()));
            String series = join(info.seriesNumber() == null ? "" : "#" + info.seriesNumber(),
                    text(info.seriesDescription()));
            series = join(series, stack.label() == null || stack.label().isEmpty() ? "" : "[" + stack.label() + "]");
            LocalDate date = info.studyDate();
            return List.of(Integer.toString(number), patient, text(info.studyDescription()), series,
                    text(info.modality()), stack.summary().dimensions(), date == null ? "" : date.toString());
        }
    }

    public SeriesTable {
        rows = List.copyOf(rows);
    }

    /** The table of what a scan found. */
    public static SeriesTable of(ScanResult scan) {
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        for (Series series : scan.series()) {
            for (FrameStack stack : series.stacks()) {
                if (stack.usable()) {
                    rows.add(new Row(rows.size() + 1, stack));
                } else {
                    skipped++;
                }
            }
        }
        return new SeriesTable(rows, skipped, scan.unreadable().size());
    }

    /**
     * Scans a folder (recursively), a DICOMDIR or a DICOM file, with {@code threads} threads.
     *
     * @throws IOException when the scan is interrupted
     */
    public static SeriesTable scan(Path input, int threads) throws IOException {
        try {
            return of(new SeriesScanner(ScanOptions.defaults().withThreads(Math.max(1, threads))).scan(List.of(input)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the scan of " + input + " was interrupted", e);
        }
    }

    /**
     * The row chosen by a macro: by Series Instance UID when {@code seriesUid} is not empty (the first
     * stack of that series), else by 1-based number.
     *
     * @throws IllegalArgumentException when no row matches, naming what exists
     */
    public Row choose(int number, String seriesUid) {
        if (seriesUid != null && !seriesUid.isBlank()) {
            for (Row row : rows) {
                if (seriesUid.trim().equals(row.stack().seriesInstanceUid())) {
                    return row;
                }
            }
            throw new IllegalArgumentException("no series with series_uid=" + seriesUid.trim() + " among the "
                    + rows.size() + " series found");
        }
        if (number < 1 || number > rows.size()) {
            throw new IllegalArgumentException(rows.isEmpty() ? "no DICOM series that can be read as a volume was found"
                    : "series=" + number + " is not in 1.." + rows.size());
        }
        return rows.get(number - 1);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }
}
