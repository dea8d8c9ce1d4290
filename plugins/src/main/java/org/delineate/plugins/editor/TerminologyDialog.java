package org.delineate.plugins.editor;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.Window;
import java.util.List;
import java.util.Locale;

import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.delineate.annotation.Segment;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.meta.Terminology;

/**
 * Picks a segment's category (DICOM CID 7150 Segmentation Property Categories) and type (the shipped selection of
 * CID 7151 Segmentation Property Types) from {@link Terminology}: choose a category, then one of its types, or
 * search the types by meaning. Modal; {@link #chosen()} is the type picked, or null when cancelled.
 */
final class TerminologyDialog extends JDialog {

    private final Terminology terminology;
    private final JList<Code> categories;
    private final DefaultListModel<Terminology.PropertyType> typeModel = new DefaultListModel<>();
    private final JList<Terminology.PropertyType> types = new JList<>(typeModel);
    private final JTextField search = new JTextField(16);
    private final JCheckBox rename = new JCheckBox("Rename the segment to the type's meaning", true);
    private Terminology.PropertyType chosen;

    TerminologyDialog(Window owner, Terminology terminology, Segment segment) {
        super(owner, "Terminology of " + segment.name(), ModalityType.APPLICATION_MODAL);
        this.terminology = terminology;
        categories = new JList<>(terminology.categories().toArray(new Code[0]));
        categories.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        categories.setName("categories");
        types.setName("types");
        search.setName("search");
        types.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        categories.setCellRenderer((list, code, index, selected, focus) -> label(code.meaning(), selected));
        types.setCellRenderer((list, t, index, selected, focus) -> label(t.code().meaning() + "  (" + t.code().schemeDesignator()
                + " " + t.code().value() + ")", selected));
        categories.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && categories.getSelectedValue() != null) {
                search.setText("");
                show(terminology.typesIn(categories.getSelectedValue()));
            }
        });
        TextChanges.onChange(search, this::filter);
        categories.setSelectedValue(terminology.category(segment.description().category()).orElse(null), true);
        terminology.type(segment.description().type()).ifPresent(t -> types.setSelectedValue(t, true));

        JPanel lists = new JPanel(new GridLayout(1, 2, 6, 6));
        lists.add(new JScrollPane(categories));
        lists.add(new JScrollPane(types));
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Category (CID 7150), type (CID 7151). Search types:"));
        top.add(search);
        JPanel bottom = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JButton ok = new JButton("OK");
        ok.addActionListener(e -> {
            chosen = types.getSelectedValue();
            dispose();
        });
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        bottom.add(rename);
        bottom.add(cancel);
        bottom.add(ok);
        getRootPane().setDefaultButton(ok);
        add(top, BorderLayout.NORTH);
        add(lists, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        setSize(720, 420);
        setLocationRelativeTo(owner);
    }

    /** The type picked, or null. */
    Terminology.PropertyType chosen() {
        return chosen;
    }

    /** Whether the segment should take the type's meaning as its name. */
    boolean rename() {
        return rename.isSelected();
    }

    private void filter() {
        String text = search.getText().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return;
        }
        categories.clearSelection();
        show(terminology.types().stream().filter(t -> t.code().meaning().toLowerCase(Locale.ROOT).contains(text)
                || t.otherMeanings().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(text))).toList());
    }

    private void show(List<Terminology.PropertyType> list) {
        typeModel.clear();
        list.forEach(typeModel::addElement);
    }

    private static JLabel label(String text, boolean selected) {
        JLabel l = new JLabel(text);
        l.setOpaque(true);
        if (selected) {
            l.setBackground(javax.swing.UIManager.getColor("List.selectionBackground"));
            l.setForeground(javax.swing.UIManager.getColor("List.selectionForeground"));
        }
        return l;
    }
}
