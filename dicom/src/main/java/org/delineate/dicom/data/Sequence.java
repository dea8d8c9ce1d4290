package org.delineate.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The value of an SQ element: an ordered list of items, each a nested {@link DataSet}. Remembers
 * whether it was encoded with undefined length so that it can be written back as read. Not
 * thread-safe.
 */
public final class Sequence implements Iterable<DataSet> {

    private final DataSet parent;
    private final List<DataSet> items = new ArrayList<>();
    private boolean undefinedLength = true;

    /** A sequence whose items inherit byte order and character set from {@code parent}. */
    public Sequence(DataSet parent) {
        this.parent = parent;
    }

    /** Appends a new, empty item and returns it. */
    public DataSet addItem() {
        DataSet item = new DataSet(parent);
        items.add(item);
        return item;
    }

    /** Appends an item; it takes this sequence's parent as its own. */
    public DataSet add(DataSet item) {
        item.setParent(parent);
        items.add(item);
        return item;
    }

    public DataSet get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<DataSet> items() {
        return Collections.unmodifiableList(items);
    }

    public void remove(int index) {
        items.remove(index);
    }

    /** True when the sequence was (or is to be) encoded with undefined length and a delimiter. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    @Override
    public Iterator<DataSet> iterator() {
        return Collections.unmodifiableList(items).iterator();
    }
}
