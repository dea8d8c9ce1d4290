package org.delineate.plugins.editor;

import java.util.function.Consumer;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Landmark;

/**
 * The landmarks as a table: name (editable), voxel coordinates (i column, j row, k slice; 0-based, centers at
 * integers) and patient coordinates (DICOM LPS, mm: x to the patient's left, y to posterior, z to superior), to
 * 0.1.
 */
final class LandmarkTableModel extends ListTableModel<Landmark> {

    private final Annotation annotation;
    private final Consumer<String> onError;

    LandmarkTableModel(Annotation annotation, Consumer<String> onError) {
        super(annotation::landmarks, new String[] {"Name", "i", "j", "k", "L (mm)", "P (mm)", "S (mm)"},
                new Class<?>[] {String.class, Double.class, Double.class, Double.class, Double.class, Double.class,
                    Double.class});
        this.annotation = annotation;
        this.onError = onError;
    }

    /** The voxel coordinates (i, j, k) of a landmark. */
    double[] voxel(Landmark l) {
        double[] p = l.position();
        return annotation.grid().geometry().toIndex(p[0], p[1], p[2]);
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == 0;
    }

    @Override
    Object value(Landmark l, int column) {
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
        Landmark l = rowAt(row);
        if (!name.equals(l.name())) {
            annotation.replaceLandmark(l.withName(name));
        }
        refresh();
    }
}
