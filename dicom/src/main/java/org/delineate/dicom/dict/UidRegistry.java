package org.delineate.dicom.dict;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of UIDs of PS3.6 Annex A (transfer syntaxes, SOP classes, coding schemes, well-known
 * instances). Immutable and thread-safe; generated at build time from the standard's table.
 */
public final class UidRegistry {

    /**
     * One registered UID.
     *
     * @param uid the UID
     * @param keyword its keyword, e.g. "CTImageStorage" (empty for some retired UIDs)
     * @param type e.g. "SOP Class", "Transfer Syntax"
     * @param retired true for retired UIDs
     * @param name e.g. "CT Image Storage"
     */
    public record Entry(String uid, String keyword, String type, boolean retired, String name) {
    }

    private final Map<String, Entry> byUid;

    private UidRegistry(Map<String, Entry> byUid) {
        this.byUid = byUid;
    }

    /** The registry bundled with Delineate. */
    public static UidRegistry standard() {
        return Standard.INSTANCE;
    }

    public Optional<Entry> entry(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /** The registered name of a UID, or "" for an unregistered one. */
    public String nameOf(String uid) {
        Entry entry = byUid.get(uid);
        return entry == null ? "" : entry.name();
    }

    private static final class Standard {
        static final UidRegistry INSTANCE = load();

        private static UidRegistry load() {
            Map<String, Entry> byUid = new HashMap<>(1024);
            BundledTable.read(UidRegistry.class, "uids.tsv", 5, comment -> { },
                    f -> byUid.put(f[0], new Entry(f[0], f[1], f[2], "Y".equals(f[3]), f[4])));
            return new UidRegistry(Collections.unmodifiableMap(byUid));
        }
    }
}
