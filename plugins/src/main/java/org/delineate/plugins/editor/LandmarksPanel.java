package org.delineate.plugins.editor;

import java.awt.BorderLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Landmark;
import org.delineate.annotation.LandmarkTemplate;

/**
 * The landmarks of the Segment Editor: a template to follow (its next point is prompted), the name of the next
 * point (optional, used once), and the table of landmarks with name, voxel and patient (LPS mm) coordinates;
 * selecting a row shows its slice and highlights it; Delete removes it; Measure distances fills the "Landmark
 * distances" table.
 */
final class LandmarksPanel extends JPanel {

    private static final String NO_TEMPLATE = "(no template: P1, P2, ...)";

    private final Annotation annotation;
    private final LandmarkNaming naming;
    private final LandmarkTableModel model;
    private final JTable table;
    private final JLabel prompt = new JLabel();
    private final JTextField nextName = new JTextField(14);
    private final DefaultComboBoxModel<Object> templates = new DefaultComboBoxModel<>();
    private final Consumer<String> onError;
    private boolean updating;

    /**
     * @param showSlice shows a slice (0-based) in the image window
     * @param measure measures the distances between the landmarks (Plugins > Delineate > Measure Landmarks)
     */
    LandmarksPanel(Annotation annotation, LandmarkNaming naming, FeedbackPainter feedback, IntConsumer showSlice,
            Runnable measure, Consumer<String> onError) {
        super(new BorderLayout(4, 4));
        this.annotation = annotation;
        this.naming = naming;
        this.onError = onError;
        this.model = new LandmarkTableModel(annotation, onError);
        this.table = new JTable(model);
        table.setName("landmarks");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getColumnModel().getColumn(0).setPreferredWidth(170);
        table.getSelectionModel().addListSelectionListener(e -> {
            Landmark l = model.rowAt(table.getSelectedRow());
            feedback.selectLandmark(l == null ? 0 : l.id());
            if (!updating && !e.getValueIsAdjusting() && l != null) {
                int k = (int) Math.round(model.voxel(l)[2]);
                showSlice.accept(Math.max(0, Math.min(annotation.grid().slices() - 1, k)));
            }
        });
        templates.addElement(NO_TEMPLATE);
        LandmarkTemplates.shipped().forEach(templates::addElement);
        JComboBox<Object> templateBox = new JComboBox<>(templates);
        templateBox.setName("template");
        templateBox.setRenderer((list, value, index, selected, focus) -> new JLabel(
                value instanceof LandmarkTemplate t ? t.name() + " (" + t.entries().size() + " points)" : String.valueOf(value)));
        templateBox.addActionListener(e -> {
            Object v = templateBox.getSelectedItem();
            naming.setTemplate(v instanceof LandmarkTemplate t ? t : null);
            refresh();
        });
        JButton load = new JButton("Load template...");
        load.addActionListener(e -> loadTemplate(templateBox));
        nextName.setToolTipText("Name of the next point (optional; used once)");
        TextChanges.onChange(nextName, this::typed);
        JPanel top = new JPanel(new java.awt.GridLayout(3, 1, 2, 2));
        top.add(ToolsPanel.row(new JLabel("Template"), templateBox, load));
        top.add(ToolsPanel.row(new JLabel("Name of the next point"), nextName));
        top.add(ToolsPanel.row(prompt));
        JButton delete = new JButton("Delete");
        delete.addActionListener(e -> {
            Landmark l = model.rowAt(table.getSelectedRow());
            if (l == null) {
                onError.accept("select a landmark first");
            } else {
                annotation.removeLandmark(l.id());
            }
        });
        JButton distances = new JButton("Measure distances");
        distances.setToolTipText("The distance between every two landmarks, into the \"Landmark distances\" table");
        distances.addActionListener(e -> measure.run());
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel bottom = new JPanel(new java.awt.GridLayout(2, 1, 2, 2));
        bottom.add(ToolsPanel.row(new JLabel("Landmark tool (L): click to place, drag to move, Alt-click to delete.")));
        bottom.add(ToolsPanel.row(delete, distances));
        add(bottom, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        refresh();
    }

    /** Shows the landmarks and the prompt again (event thread). */
    void refresh() {
        updating = true;
        try {
            int row = table.getSelectedRow();
            model.refresh();
            if (row >= 0 && row < model.getRowCount()) {
                table.setRowSelectionInterval(row, row);
            }
            if (!nextName.getText().isEmpty() && annotation.landmarks().stream()
                    .anyMatch(l -> l.name().equals(nextName.getText().strip()))) {
                nextName.setText("");
            }
            prompt.setText(naming.prompt(annotation));
        } finally {
            updating = false;
        }
    }

    private void typed() {
        naming.setTyped(nextName.getText());
        prompt.setText(naming.prompt(annotation));
    }

    private void loadTemplate(JComboBox<Object> box) {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        try {
            List<LandmarkTemplate> loaded = new ArrayList<>(LandmarkTemplates.read(chooser.getSelectedFile().toPath()));
            loaded.forEach(templates::addElement);
            box.setSelectedItem(loaded.get(0));
        } catch (IOException e) {
            onError.accept(e.getMessage());
        }
    }
}
