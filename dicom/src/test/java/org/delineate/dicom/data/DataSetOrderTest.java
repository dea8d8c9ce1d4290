package org.delineate.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * A data set keeps its elements in ascending unsigned tag order whatever order they are put in, as a TreeMap would
 * (the oracle here), and its views fail fast like a TreeMap's when an element is added or removed during an
 * iteration, while replacing an element's value is allowed.
 */
class DataSetOrderTest {

    private static DataElement element(int tag) {
        return DataElement.of(tag, VR.UL, new byte[] {(byte) tag, 0, 0, 0});
    }

    @Test
    void agreesWithASortedMapOnRandomPutsRemovesAndRanges() {
        Random random = new Random(7);
        DataSet ds = new DataSet();
        TreeMap<Integer, DataElement> oracle = new TreeMap<>(Integer::compareUnsigned);
        int[] pool = new int[200];
        for (int i = 0; i < pool.length; i++) {
            // NB: tags of groups 0x8000 and above are negative as ints; they must sort after the others
            pool[i] = random.nextInt();
        }
        pool[0] = 0xFFFEE000;
        pool[1] = 0x00020010;
        pool[2] = 0x7FE00010;
        for (int step = 0; step < 5000; step++) {
            int tag = pool[random.nextInt(pool.length)];
            if (random.nextInt(4) == 0) {
                assertSame(oracle.remove(tag), ds.remove(tag));
            } else {
                DataElement e = element(tag);
                assertSame(oracle.put(tag, e), ds.put(e));
            }
            assertEquals(oracle.size(), ds.size());
        }
        assertEquals(new ArrayList<>(oracle.values()), new ArrayList<>(ds.elements()));
        for (int i = 0; i < 50; i++) {
            int a = pool[random.nextInt(pool.length)];
            int b = pool[random.nextInt(pool.length)];
            int from = Integer.compareUnsigned(a, b) <= 0 ? a : b;
            int to = from == a ? b : a;
            List<DataElement> expected = new ArrayList<>(oracle.subMap(from, true, to, true).values());
            assertEquals(expected, new ArrayList<>(ds.range(from, to)));
            assertEquals(expected.size(), ds.range(from, to).size());
        }
        for (int tag : pool) {
            assertSame(oracle.get(tag), ds.get(tag));
            assertEquals(oracle.containsKey(tag), ds.contains(tag));
        }
    }

    @Test
    void iterationFailsFastOnAddOrRemoveButNotOnReplace() {
        DataSet ds = new DataSet();
        for (int tag : new int[] {0x00100010, 0x00100020, 0x00100030}) {
            ds.put(element(tag));
        }
        int seen = 0;
        for (DataElement e : ds) {
            ds.put(element(e.tag()));
            seen++;
        }
        assertEquals(3, seen, "replacing values while iterating visits every element once");
        Iterator<DataElement> added = ds.iterator();
        added.next();
        ds.put(element(0x00080020));
        assertThrows(ConcurrentModificationException.class, added::next);
        Iterator<DataElement> removed = ds.elements().iterator();
        removed.next();
        ds.remove(0x00100020);
        assertThrows(ConcurrentModificationException.class, removed::hasNext);
        assertNull(ds.remove(0x00100020));
        assertTrue(ds.range(0x00100031, 0x00100040).isEmpty());
    }
}
