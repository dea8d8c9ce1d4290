package org.delineate.dicom.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The items of encapsulated Pixel Data (PS3.5 A.4): item 0 is the Basic Offset Table (possibly
 * empty), the others are fragments of compressed frames. Each item is held in memory or left in
 * the file ({@link BulkData}). Not thread-safe while being built.
 */
public final class Fragments {

    private final List<Object> items = new ArrayList<>();

    /** Adds an item held in memory. */
    public Fragments add(byte[] item) {
        items.add(item);
        return this;
    }

    /** Adds an item left in its file. */
    public Fragments add(BulkData item) {
        items.add(item);
        return this;
    }

    /** The number of items, including the Basic Offset Table. */
    public int size() {
        return items.size();
    }

    /** The bytes of item {@code index} (0 is the Basic Offset Table), read from the file if needed. */
    public byte[] item(int index) throws IOException {
        Object item = items.get(index);
        return item instanceof byte[] ? (byte[]) item : ((BulkData) item).read();
    }

    /** The length in bytes of item {@code index}, without reading it. */
    public long itemLength(int index) {
        Object item = items.get(index);
        return item instanceof byte[] ? ((byte[]) item).length : ((BulkData) item).length();
    }

    /** True when no fragment (the items after the Basic Offset Table) is held in memory. */
    public boolean inFile() {
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i) instanceof byte[]) {
                return false;
            }
        }
        return true;
    }

    /** The items as stored: each a {@code byte[]} or a {@link BulkData}. */
    public List<Object> items() {
        return Collections.unmodifiableList(items);
    }
}
