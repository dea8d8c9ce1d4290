package org.delineate.plugins.view;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

import org.delineate.plugins.open.SeriesTable;

/**
 * The series browser: a modal dialog listing the rows of a {@link SeriesTable} (patient, study, series,
 * modality, size, date); the user picks one. Needs a display; macros use the keys of Open DICOM Series instead.
 */
public final class SeriesBrowser {

    /**
     * Preferred widths (pixels) of the columns of {@link SeriesTable#COLUMNS}, 900 in all. NB: the series' number and
     * description tell series apart, so that column gets the most room.
     */
    private static final int[] COLUMN_WIDTHS = {30, 170, 170, 280, 70, 100, 80};

    private SeriesBrowser() {
    }

    /** The row the user chose, or null when cancelled. Call from any thread but the event dispatch thread's modal loop is used. */
    public static SeriesTable.Row choose(SeriesTable table) {
        AtomicReference<SeriesTable.Row> chosen = new AtomicReference<>();
        Runnable show = () -> {
            JDialog dialog = new JDialog((java.awt.Frame) null, "Open DICOM Series", true);
            JTable grid = new JTable(model(table));
            grid.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            grid.setRowSelectionInterval(0, 0);
            grid.setAutoCreateRowSorter(false);
            for (int c = 0; c < COLUMN_WIDTHS.length; c++) {
                grid.getColumnModel().getColumn(c).setPreferredWidth(COLUMN_WIDTHS[c]);
            }
            JButton open = new JButton("Open");
            JButton cancel = new JButton("Cancel");
            open.addActionListener(e -> {
                chosen.set(table.rows().get(grid.getSelectedRow()));
                dialog.dispose();
            });
            cancel.addActionListener(e -> dialog.dispose());
            grid.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    if (e.getClickCount() == 2 && grid.getSelectedRow() >= 0) {
                        open.doClick();
                    }
                }
            });
            JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
            buttons.add(open);
            buttons.add(cancel);
            JScrollPane scroll = new JScrollPane(grid);
            scroll.setPreferredSize(new Dimension(900, Math.min(400, 60 + 20 * table.rows().size())));
            dialog.getContentPane().add(new JLabel(" " + table.rows().size() + " series" + (table.skipped() > 0
                    ? "; " + table.skipped() + " more cannot be read as volumes" : "")), BorderLayout.NORTH);
            dialog.getContentPane().add(scroll, BorderLayout.CENTER);
            dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
            dialog.getRootPane().setDefaultButton(open);
            dialog.pack();
            dialog.setLocationRelativeTo(null);
            dialog.setVisible(true);
        };
        if (SwingUtilities.isEventDispatchThread()) {
            show.run();
        } else {
            try {
                SwingUtilities.invokeAndWait(show);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("the series browser failed", e.getCause());
            }
        }
        return chosen.get();
    }

    /** The table model of the browser: one row per {@link SeriesTable.Row}, columns {@link SeriesTable#COLUMNS}. */
    static AbstractTableModel model(SeriesTable table) {
        return new AbstractTableModel() {
            @Override
            public int getRowCount() {
                return table.rows().size();
            }

            @Override
            public int getColumnCount() {
                return SeriesTable.COLUMNS.size();
            }

            @Override
            public String getColumnName(int column) {
                return SeriesTable.COLUMNS.get(column);
            }

            @Override
            public Object getValueAt(int row, int column) {
                return table.rows().get(row).cells().get(column);
            }
        };
    }
}
