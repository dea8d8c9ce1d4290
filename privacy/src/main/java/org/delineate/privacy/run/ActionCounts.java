package org.delineate.privacy.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.delineate.privacy.deid.AuditEntry;

/**
 * How often each action was taken on each attribute path in a run, with item numbers folded ({@code [3]} becomes
 * {@code [n]}) so the table grows with the variety of attributes, not with the number of files. Holds no
 * values. Thread-safe.
 */
final class ActionCounts {

    /** One row of the table. */
    record Row(String path, String keyword, String action, String rule, long count) {
    }

    private static final Pattern ITEM = Pattern.compile("\\[\\d+\\]");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(AuditEntry entry) {
        String key = String.join("\t", ITEM.matcher(entry.path()).replaceAll("[n]"), entry.keyword(),
                entry.action().name(), entry.rule());
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Adds a count for something that is not an element, e.g. a NIfTI header field. */
    void add(String path, String keyword, String action, String rule) {
        counts.computeIfAbsent(String.join("\t", path, keyword, action, rule), k -> new LongAdder()).increment();
    }

    /** The rows, sorted by path, action and rule. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] f = key.split("\t", -1);
            rows.add(new Row(f[0], f[1], f[2], f[3], count.sum()));
        });
        rows.sort(Comparator.comparing(Row::path).thenComparing(Row::action).thenComparing(Row::rule));
        return rows;
    }
}
