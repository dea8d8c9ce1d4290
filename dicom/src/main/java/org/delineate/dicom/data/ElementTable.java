package org.delineate.dicom.data;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The elements of a {@link DataSet}, by tag in ascending unsigned order: two parallel arrays searched by bisection.
 * NB: a parser adds elements in ascending order, which appends; lookups and appends allocate nothing (a TreeMap
 * boxed each tag and made a node per element). Views iterate like a TreeMap's: replacing the element of a tag
 * during an iteration is allowed, adding or removing one makes the iterator fail fast. Not thread-safe.
 */
final class ElementTable {

    private int[] tags = new int[8];
    private DataElement[] elements = new DataElement[8];
    private int size;
    private int modifications;

    int size() {
        return size;
    }

    /** The index of {@code tag}, or {@code -(insertion point) - 1}. */
    private int indexOf(int tag) {
        if (size > 0 && tags[size - 1] == tag) {
            return size - 1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = Integer.compareUnsigned(tags[middle], tag);
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    DataElement get(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? elements[i] : null;
    }

    /** Adds or replaces; returns the element replaced, or null. */
    DataElement put(DataElement element) {
        int tag = element.tag();
        int i = size == 0 || Integer.compareUnsigned(tags[size - 1], tag) < 0 ? -(size + 1) : indexOf(tag);
        if (i >= 0) {
            DataElement old = elements[i];
            elements[i] = element;
            return old;
        }
        int at = -(i + 1);
        if (size == tags.length) {
            tags = Arrays.copyOf(tags, size * 2);
            elements = Arrays.copyOf(elements, size * 2);
        }
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(elements, at, elements, at + 1, size - at);
        tags[at] = tag;
        elements[at] = element;
        size++;
        modifications++;
        return null;
    }

    DataElement remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        DataElement old = elements[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(elements, i + 1, elements, i, size - i - 1);
        size--;
        elements[size] = null;
        modifications++;
        return old;
    }

    /** All elements, ascending (unmodifiable live view). */
    Collection<DataElement> all() {
        return new View(0, -1);
    }

    /** The elements with tags in {@code [from, to]} (unsigned), ascending (unmodifiable live view). */
    Collection<DataElement> range(int from, int to) {
        return new View(from, to);
    }

    /** The first index at or after {@code tag}. */
    private int lowerBound(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? i : -(i + 1);
    }

    private final class View extends AbstractCollection<DataElement> {

        private final int from;
        private final int to;

        View(int from, int to) {
            this.from = from;
            this.to = to;
        }

        private int start() {
            return from == 0 ? 0 : lowerBound(from);
        }

        /** One past the last index in the range. */
        private int end() {
            if (to == -1) {
                return size;
            }
            int i = indexOf(to);
            return i >= 0 ? i + 1 : -(i + 1);
        }

        @Override
        public int size() {
            return Math.max(0, end() - start());
        }

        @Override
        public Iterator<DataElement> iterator() {
            return new Iterator<>() {
                private int next = start();
                private final int expected = modifications;

                @Override
                public boolean hasNext() {
                    check();
                    return next < end();
                }

                @Override
                public DataElement next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return elements[next++];
                }

                private void check() {
                    if (modifications != expected) {
                        throw new ConcurrentModificationException("the data set changed during the iteration");
                    }
                }
            };
        }
    }
}
