package org.delineate.plugins.editor;

import java.util.List;
import java.util.function.Supplier;

import javax.swing.table.AbstractTableModel;

/**
 * A table over a list of the annotation (segments, landmarks): one row per element, fixed columns. {@link #refresh()}
 * reads the list again (event thread).
 *
 * @param <T> the element type
 */
abstract class ListTableModel<T> extends AbstractTableModel {

    private final Supplier<List<T>> source;
    private final String[] columns;
    private final Class<?>[] types;
    private List<T> rows;

    ListTableModel(Supplier<List<T>> source, String[] columns, Class<?>[] types) {
        this.source = source;
        this.columns = columns.clone();
        this.types = types.clone();
        this.rows = source.get();
    }

    /** Reads the list again and tells the table. */
    final void refresh() {
        rows = source.get();
        fireTableDataChanged();
    }

    /** The element of a row, or null outside the table. */
    final T rowAt(int row) {
        return row >= 0 && row < rows.size() ? rows.get(row) : null;
    }

    final List<T> rows() {
        return rows;
    }

    /** The value of a column for an element. */
    abstract Object value(T element, int column);

    @Override
    public final Object getValueAt(int row, int column) {
        return value(rows.get(row), column);
    }

    @Override
    public final int getRowCount() {
        return rows.size();
    }

    @Override
    public final int getColumnCount() {
        return columns.length;
    }

    @Override
    public final String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public final Class<?> getColumnClass(int column) {
        return types[column];
    }
}
