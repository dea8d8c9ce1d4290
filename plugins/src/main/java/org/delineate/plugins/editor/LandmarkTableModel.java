package org.delineate.plugins.editor;

import java.util.List;
import java.util.function.Consumer;

import javax.swing.table.AbstractTableModel;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Landmark;

/**
 * The landmarks as a table: name (editable), voxel coordinates (i column, j row, k slice; 0-based, centers at
 * integers) and patient coordinates (DICOM LPS, mm: x to the patient's left, y to posterior, z to superior).
 */
final class LandmarkTableModel extends AbstractTableModel {

    private static final String[] COLUMNS = {"Name", "i", "j", "k", "L (mm)", "P (mm)", "S (mm)"};

    private final Annotation annotation;
    private final Consumer<String> onError;
    private List<Landmark> rows;

    LandmarkTableModel(Annotation annotation, Consumer<String> onError) {
        this.annotation = annotation;
        this.onError = onError;
        this.rows = annotation.landmarks();
    }

    void refresh() {
        rows = annotation.landmarks();
        fireTableDataChanged();
    }

    Landmark landmarkAt(int row) {
        return row >= 0 && row < rows.size() ? rows.get(row) : null;
    }

    /** The voxel coordinates (i, j, k) of a landmark. */
    double[] voxel(Landmark l) {
        double[] p = l.position();
        return annotation.grid().geometry().toIndex(p[0], p[1], p[2]);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 ? String.class : Double.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == 0;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Landmark l = rows.get(row);
        if (column == 0) {
            return l.name();
        }
        double v = column <= 3 ? voxel(l)[column - 1] : l.position()[column - 4];
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        String name = value == null ? "" : value.toString().strip();
        if (name.isEmpty()) {
            onError.accept("a landmark needs a name");
            return;
        }
        Landmark l = rows.get(row);
        if (!name.equals(l.name())) {
            annotation.replaceLandmark(l.withName(name));
        }
        refresh();
    }
}
