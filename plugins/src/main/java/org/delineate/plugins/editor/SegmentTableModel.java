package org.delineate.plugins.editor;

import java.awt.Color;
import java.util.function.Consumer;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Segment;

/**
 * The segment list as a table: shown, color, name, opacity (%), locked, layer (1-based); one row per segment in list
 * order. Edits of a cell go to {@link SegmentList} (one undo step each); what cannot be done is reported to
 * {@code onError}.
 */
final class SegmentTableModel extends ListTableModel<Segment> {

    static final int SHOW = 0;
    static final int COLOR = 1;
    static final int NAME = 2;
    static final int OPACITY = 3;
    static final int LOCK = 4;

    private final SegmentList actions;
    private final Consumer<String> onError;

    SegmentTableModel(Annotation annotation, SegmentList actions, Consumer<String> onError) {
        super(annotation::segments, new String[] {"Show", "Color", "Name", "Opacity %", "Lock", "Layer"},
                new Class<?>[] {Boolean.class, Color.class, String.class, Integer.class, Boolean.class, Integer.class});
        this.actions = actions;
        this.onError = onError;
    }

    /** The row of a segment, or -1. */
    int rowOf(int segmentId) {
        for (int n = 0; n < rows().size(); n++) {
            if (rows().get(n).id() == segmentId) {
                return n;
            }
        }
        return -1;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == SHOW || column == NAME || column == OPACITY || column == LOCK;
    }

    @Override
    Object value(Segment s, int column) {
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
        Segment s = rowAt(row);
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
