package org.delineate.plugins.editor;

import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;

import org.delineate.annotation.SegmentOperations;
import org.delineate.annotation.edit.Smoothing;

/**
 * The Segment Editor's tools: the mouse tool (with its shortcut letter), brush radius (mm), subtract, the
 * intensity range (modality units) for region growing and for limiting painting to it, and the buttons that
 * change the selected segment as a whole (fill between slices, fill holes, remove small islands, keep the
 * largest island, smooth). Shows the {@link EditorSettings} and follows their changes (e.g. from the keyboard).
 */
final class ToolsPanel extends JPanel {

    private final ToolController controller;
    private final EditorSettings settings;
    private final Consumer<String> status;
    private final Consumer<String> onError;
    private final Map<EditorTool, JToggleButton> toolButtons = new EnumMap<>(EditorTool.class);
    private final JSpinner radius = new JSpinner(new SpinnerNumberModel(5.0, EditorSettings.MIN_RADIUS, EditorSettings.MAX_RADIUS, 0.5));
    private final JCheckBox subtract = new JCheckBox("Subtract (polygon, sphere)");
    private final JSpinner low = new JSpinner(new SpinnerNumberModel(0.0, -1e6, 1e6, 10.0));
    private final JSpinner high = new JSpinner(new SpinnerNumberModel(0.0, -1e6, 1e6, 10.0));
    private final JCheckBox limit = new JCheckBox("Paint only within the range");
    private final JSpinner islandSize = new JSpinner(new SpinnerNumberModel(100.0, 0.0, 1e9, 10.0));
    private final JComboBox<Smoothing.Method> smoothing = new JComboBox<>(Smoothing.Method.values());
    private final JSpinner smoothingRadius = new JSpinner(new SpinnerNumberModel(2.0, 0.1, 100.0, 0.5));
    private boolean updating;

    ToolsPanel(ToolController controller, Consumer<String> status, Consumer<String> onError) {
        this.controller = controller;
        this.settings = controller.settings();
        this.status = status;
        this.onError = onError;
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));

        JPanel tools = new JPanel(new GridLayout(2, 3, 4, 4));
        ButtonGroup group = new ButtonGroup();
        for (EditorTool t : EditorTool.values()) {
            JToggleButton b = new JToggleButton(t.label() + " (" + t.key() + ")");
            b.setName("tool " + t.name());
            b.addActionListener(e -> {
                SegmentEditorTool.select();
                controller.select(t);
            });
            group.add(b);
            toolButtons.put(t, b);
            tools.add(b);
        }
        add(titled("Tool", tools));

        JPanel brush = row(new JLabel("Brush radius (mm) [ ]"), radius, subtract);
        radius.addChangeListener(e -> act(() -> settings.setBrushRadius(((Number) radius.getValue()).doubleValue())));
        subtract.addActionListener(e -> act(() -> settings.setSubtract(subtract.isSelected())));
        add(titled("Brush and polygon", brush));

        low.setName("low");
        high.setName("high");
        radius.setName("radius");
        JPanel range = row(new JLabel("Low"), low, new JLabel("High"), high, limit);
        low.addChangeListener(e -> act(this::applyRange));
        high.addChangeListener(e -> act(this::applyRange));
        limit.addActionListener(e -> act(() -> settings.setLimitedToRange(limit.isSelected())));
        add(titled("Intensity range (region growing; painting when limited)", range));

        SegmentOperations ops = new SegmentOperations(controller.session());
        int slices = controller.session().annotation().grid().slices();
        JPanel segment = new JPanel(new GridLayout(3, 1, 2, 2));
        segment.add(row(button("Fill between slices", () -> report("Filled slices", ops.fillBetweenSlices().length)),
                button("Fill holes", () -> report("Filled voxels", ops.fillHoles(0, slices - 1))),
                button("Keep largest island", () -> report("Removed voxels", ops.keepLargestIsland()))));
        segment.add(row(button("Remove islands smaller than", () -> report("Removed voxels",
                ops.removeIslandsSmallerThan(((Number) islandSize.getValue()).doubleValue()))), islandSize, new JLabel("mm³")));
        segment.add(row(button("Smooth", () -> report("Changed voxels", ops.smooth((Smoothing.Method) smoothing.getSelectedItem(),
                ((Number) smoothingRadius.getValue()).doubleValue()))), smoothing, new JLabel("radius (mm)"), smoothingRadius));
        add(titled("Selected segment", segment));
        settings.addListener(() -> javax.swing.SwingUtilities.invokeLater(this::refresh));
        refresh();
    }

    /** Shows the settings again (event thread). */
    void refresh() {
        updating = true;
        try {
            settings.follow();
            toolButtons.get(settings.tool()).setSelected(true);
            radius.setValue(settings.brushRadius());
            subtract.setSelected(settings.subtract());
            low.setValue(settings.low());
            high.setValue(settings.high());
            limit.setSelected(settings.limitedToRange());
        } finally {
            updating = false;
        }
    }

    private void applyRange() {
        double l = ((Number) low.getValue()).doubleValue();
        double h = ((Number) high.getValue()).doubleValue();
        if (l <= h) {
            settings.setRange(l, h);
        }
    }

    private void report(String what, long n) {
        status.accept(what + ": " + String.format(Locale.ROOT, "%d", n));
    }

    private void act(Runnable r) {
        if (updating) {
            return;
        }
        try {
            r.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            onError.accept(e.getMessage());
        }
    }

    private JButton button(String label, Runnable action) {
        JButton b = new JButton(label);
        b.addActionListener(e -> {
            controller.finishGesture();
            act(action);
        });
        return b;
    }

    static JPanel row(java.awt.Component... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        for (java.awt.Component c : parts) {
            p.add(c);
        }
        return p;
    }

    static JPanel titled(String title, JPanel content) {
        content.setBorder(BorderFactory.createTitledBorder(title));
        return content;
    }
}
