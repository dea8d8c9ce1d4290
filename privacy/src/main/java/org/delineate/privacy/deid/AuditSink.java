package org.delineate.privacy.deid;

/**
 * Receives what de-identification does to each element as it happens, without the cost of an {@link AuditEntry}
 * per element (for batches that only count actions). Never receives a value. Called by one thread per data set.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * One element's action.
     *
     * @param itemPath the path of the item holding the element: "" at the top level, else ending in '.', items
     *        numbered from 1, e.g. {@code (0040,A730)[2].}; the element's path is {@code itemPath} followed by
     *        {@code Tags.toString(tag)}
     * @param tag the element's tag
     * @param action what was done
     * @param rule why (see {@link AuditEntry#rule()}); one of a small set of texts, not built per element
     */
    void record(String itemPath, int tag, AuditAction action, String rule);
}
