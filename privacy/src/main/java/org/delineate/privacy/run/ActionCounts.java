package org.delineate.privacy.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.privacy.deid.AuditAction;
import org.delineate.privacy.deid.AuditSink;

/**
 * How often each action was taken on each attribute path in a run, with item numbers folded ({@code [3]} becomes
 * {@code [n]}) so the table grows with the variety of attributes, not with the number of files. Holds no
 * values. Thread-safe; also the {@link AuditSink} of the engine.
 */
final class ActionCounts implements AuditSink {

    /** One row of the table. */
    record Row(String path, String keyword, String action, String rule, long count) {
    }

    /**
     * One element's count. NB: the engine's item paths and rules are strings made once per item or once per
     * decision, so counting an element builds no string (item paths with numbers are folded when first met).
     */
    private record Key(String itemPath, int tag, String action, String rule) {

        // NB: written out, as a record's would be: the record's own are bootstrapped through method handles, which a
        // new JVM runs interpreted for each of the ~100 elements counted per file until they are compiled.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && tag == k.tag && Objects.equals(itemPath, k.itemPath)
                    && Objects.equals(action, k.action) && Objects.equals(rule, k.rule);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * Objects.hashCode(itemPath) + tag) + Objects.hashCode(action)) + Objects.hashCode(rule);
        }
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final ElementDictionary dictionary = ElementDictionary.standard();

    @Override
    public void record(String itemPath, int tag, AuditAction action, String rule) {
        count(new Key(fold(itemPath), tag, action.name(), rule));
    }

    /** Adds a count for something that is not an element, e.g. a NIfTI header field. */
    void add(String path, String keyword, String action, String rule) {
        count(new Key(path, -1, action, rule + "\t" + keyword));
    }

    private void count(Key key) {
        LongAdder n = counts.get(key);
        if (n == null) {
            n = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        n.increment();
    }

    /** {@code path} with every item number replaced by {@code n}: {@code (0008,1115)[2].} gives {@code (0008,1115)[n].}. */
    static String fold(String path) {
        if (path.indexOf('[') < 0) {
            return path;
        }
        StringBuilder s = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            s.append(c);
            if (c == '[') {
                int j = i + 1;
                while (j < path.length() && Character.isDigit(path.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < path.length() && path.charAt(j) == ']') {
                    s.append('n');
                    i = j - 1;
                }
            }
        }
        return s.toString();
    }

    /** The rows, sorted by path, action and rule. */
    List<Row> rows() {
        Map<Row, Long> merged = new java.util.HashMap<>();
        counts.forEach((key, count) -> {
            Row row;
            if (key.tag() == -1) {
                int tab = key.rule().lastIndexOf('\t');
                row = new Row(key.itemPath(), key.rule().substring(tab + 1), key.action(), key.rule().substring(0, tab), 0);
            } else {
                row = new Row(key.itemPath() + Tags.toString(key.tag()), Tags.isPrivate(key.tag()) ? ""
                        : dictionary.keywordOf(key.tag()), key.action(), key.rule(), 0);
            }
            merged.merge(row, count.sum(), Long::sum);
        });
        List<Row> rows = new ArrayList<>();
        merged.forEach((row, count) -> rows.add(new Row(row.path(), row.keyword(), row.action(), row.rule(), count)));
        rows.sort(Comparator.comparing(Row::path).thenComparing(Row::action).thenComparing(Row::rule));
        return rows;
    }
}
