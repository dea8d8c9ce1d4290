package org.delineate.plugins.editor;

import java.awt.Color;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.table.AbstractTableModel;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Segment;

/**
 * The segment list as a table: shown, color, name, opacity (%), locked, layer; one row per segment in list order.
 * Edits of a cell go to {@link SegmentList} (one undo step each); what cannot be done is reported to
 * {@code onError}. Call {@link #refresh()} on the event thread when the segments changed.
 */
final class SegmentTableModel extends AbstractTableModel {

    static final int SHOW = 0;
    static final int COLOR = 1;
    static final int NAME = 2;
    static final int OPACITY = 3;
    static final int LOCK = 4;
    static final int LAYER = 5;
    private static final String[] COLUMNS = {"Show", "Color", "Name", "Opacity %", "Lock", "Layer"};
    private static final Class<?>[] TYPES = {Boolean.class, Color.class, String.class, Integer.class, Boolean.class,
        Integer.class};

    private final Annotation annotation;
    private final SegmentList actions;
    private final Consumer<String> onError;
    private List<Segment> rows;

    SegmentTableModel(Annotation annotation, SegmentList actions, Consumer<String> onError) {
        this.annotation = annotation;
        this.actions = actions;
        this.onError = onError;
        this.rows = annotation.segments();
    }

    void refresh() {
        rows = annotation.segments();
        fireTableDataChanged();
    }

    Segment segmentAt(int row) {
        return row >= 0 && row < rows.size() ? rows.get(row) : null;
    }

    int rowOf(int segmentId) {
        for (int n = 0; n < rows.size(); n++) {
            if (rows.get(n).id() == segmentId) {
                return n;
            }
        }
        return -1;
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
        return TYPES[column];
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == SHOW || column == NAME || column == OPACITY || column == LOCK;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Segment s = rows.get(row);
        return switch (column) {
            case SHOW -> s.visible();
            case COLOR -> new Color(s.color());
            case NAME -> s.name();
            case OPACITY -> (int) Math.round(s.opacity() * 100);
            case LOCK -> s.locked();
            default -> s.layer() + 1;
        };
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        Segment s = rows.get(row);
        try {
            switch (column) {
                case SHOW -> actions.setVisible(s.id(), (Boolean) value);
                case NAME -> actions.rename(s.id(), (String) value);
                case OPACITY -> actions.setOpacity(s.id(), Math.max(0, Math.min(100, ((Number) value).intValue())) / 100.0);
                case LOCK -> actions.setLocked(s.id(), (Boolean) value);
                default -> {
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            onError.accept(e.getMessage());
        }
        refresh();
    }
}
