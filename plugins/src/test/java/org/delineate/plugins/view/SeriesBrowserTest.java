package org.delineate.plugins.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import javax.swing.table.AbstractTableModel;

import org.delineate.plugins.open.SampleStudy;
import org.delineate.plugins.open.SeriesTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The series browser's table model shows the rows of a {@link SeriesTable} (headless; the dialog itself needs a display). */
class SeriesBrowserTest {

    @TempDir
    Path cache;

    @Test
    void modelShowsTheSampleSeries() throws Exception {
        SeriesTable table = SeriesTable.scan(SampleStudy.ensure(cache), 2);
        AbstractTableModel model = SeriesBrowser.model(table);
        assertEquals(1, model.getRowCount());
        assertEquals(SeriesTable.COLUMNS.size(), model.getColumnCount());
        assertEquals("Patient", model.getColumnName(1));
        // the values CtPhantom writes: PatientName Phantom^Delineate, PatientID DELINEATE-PHANTOM, StudyDate 20260101
        assertEquals("Phantom Delineate DELINEATE-PHANTOM", model.getValueAt(0, 1));
        assertEquals("Synthetic phantom", model.getValueAt(0, 2));
        assertEquals("CT", model.getValueAt(0, 4));
        assertEquals("128 x 128 x 40", model.getValueAt(0, 5));
        assertEquals("2026-01-01", model.getValueAt(0, 6));
        String series = (String) model.getValueAt(0, 3);
        assertEquals("#1 Phantom CT with lesion", series.replaceAll(" \\[.*\\]$", ""));
    }
}
