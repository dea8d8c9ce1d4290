package org.delineate.plugins.editor;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.GridLayout;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JColorChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.Segment;
import org.delineate.dicom.seg.meta.Terminology;

/**
 * The segment list of the Segment Editor: a table (shown, color, name, opacity, locked, layer) whose selected row
 * is the session's selected segment, and buttons to add (also in a new layer, to overlap), remove, move up and
 * down, pick a color and code a segment from the terminology.
 */
final class SegmentsPanel extends JPanel {

    private final AnnotationSession session;
    private final SegmentList actions;
    private final SegmentTableModel model;
    private final JTable table;
    private final Consumer<String> onError;
    private final Terminology terminology;
    private boolean updating;

    SegmentsPanel(AnnotationSession session, Terminology terminology, Consumer<String> onError) {
        super(new BorderLayout(4, 4));
        this.session = session;
        this.terminology = terminology;
        this.onError = onError;
        this.actions = new SegmentList(session);
        this.model = new SegmentTableModel(session.annotation(), actions, onError);
        this.table = new JTable(model);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setName("segments");
        table.setDefaultRenderer(Color.class, new DefaultTableCellRenderer() {
            @Override
            public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row,
                    int column) {
                super.getTableCellRendererComponent(t, "", selected, focus, row, column);
                setBackground((Color) value);
                return this;
            }
        });
        table.getColumnModel().getColumn(SegmentTableModel.NAME).setPreferredWidth(160);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting()) {
                session.select(model.rowAt(table.getSelectedRow()));
            }
        });
        table.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                if (table.columnAtPoint(e.getPoint()) == SegmentTableModel.COLOR && e.getClickCount() == 2) {
                    chooseColor();
                }
            }
        });
        add(new JLabel("Segments (double-click a color to change it)"), BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new java.awt.Dimension(520, 150));
        add(scroll, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new GridLayout(2, 4, 4, 4));
        buttons.add(button("Add", () -> actions.add(false)));
        buttons.add(button("Add overlapping", () -> actions.add(true)));
        buttons.add(button("Remove", () -> withSelected(s -> actions.remove(s.id()))));
        buttons.add(button("Color...", this::chooseColor));
        buttons.add(button("Up", () -> withSelected(s -> actions.move(s.id(), -1))));
        buttons.add(button("Down", () -> withSelected(s -> actions.move(s.id(), 1))));
        buttons.add(button("Terminology...", this::chooseType));
        add(buttons, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        refresh();
    }

    /** Shows the segments and the session's selection again (event thread). */
    void refresh() {
        updating = true;
        try {
            model.refresh();
            Segment s = session.selected();
            int row = s == null ? -1 : model.rowOf(s.id());
            if (row >= 0) {
                table.setRowSelectionInterval(row, row);
            } else {
                table.clearSelection();
            }
        } finally {
            updating = false;
        }
    }

    JTable table() {
        return table;
    }

    private void chooseColor() {
        withSelected(s -> {
            Color c = JColorChooser.showDialog(this, "Color of " + s.name(), new Color(s.color()));
            if (c != null) {
                actions.setColor(s.id(), c.getRGB() & 0xFFFFFF);
            }
        });
    }

    private void chooseType() {
        withSelected(s -> {
            TerminologyDialog d = new TerminologyDialog(javax.swing.SwingUtilities.getWindowAncestor(this), terminology, s);
            d.setVisible(true);
            if (d.chosen() != null) {
                actions.setType(s.id(), d.chosen(), d.rename());
            }
        });
    }

    private void withSelected(Consumer<Segment> action) {
        Segment s = session.selected();
        if (s == null) {
            onError.accept("select a segment first");
            return;
        }
        action.accept(s);
    }

    private JButton button(String label, Runnable action) {
        JButton b = new JButton(label);
        b.addActionListener(e -> {
            try {
                action.run();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                onError.accept(ex.getMessage());
            }
            refresh();
        });
        return b;
    }
}
