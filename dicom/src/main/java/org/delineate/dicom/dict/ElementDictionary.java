package org.delineate.dicom.dict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.delineate.dicom.data.Tags;

/**
 * The PS3.6 data dictionary: keyword, VR, VM and name of standard attributes, including repeating
 * groups (50xx, 60xx) and element ranges. Immutable and thread-safe.
 *
 * <p>Generated at build time from the standard's table (see {@code src/standard/PROVENANCE.md});
 * {@link #edition()} names its edition. Group length tags (gggg,0000) are UL and private creator
 * elements (gggg,0010-00FF) are LO, as PS3.5 defines them.
 */
public final class ElementDictionary {

    private static final DictionaryEntry GROUP_LENGTH = new DictionaryEntry(0, "UL", "1", "", false, "Group Length");
    private static final DictionaryEntry PRIVATE_CREATOR = new DictionaryEntry(0x00090010, "LO", "1", "",
            false, "Private Creator");

    private final String edition;
    private final Map<Integer, DictionaryEntry> exact;
    private final List<Masked> masked;
    private final Map<String, DictionaryEntry> byKeyword;

    private record Masked(int mask, int value, DictionaryEntry entry) {
    }

    private ElementDictionary(String edition, Map<Integer, DictionaryEntry> exact, List<Masked> masked,
            Map<String, DictionaryEntry> byKeyword) {
        this.edition = edition;
        this.exact = exact;
        this.masked = masked;
        this.byKeyword = byKeyword;
    }

    /** The standard dictionary bundled with Delineate. */
    public static ElementDictionary standard() {
        return Standard.INSTANCE;
    }

    /** The edition of the standard the dictionary was generated from, e.g. "2024e". */
    public String edition() {
        return edition;
    }

    /** The entry of a tag (standard, repeating group, group length or private creator), if any. */
    public Optional<DictionaryEntry> entry(int tag) {
        DictionaryEntry entry = exact.get(tag);
        if (entry != null) {
            return Optional.of(entry);
        }
        if (Tags.isPrivate(tag)) {
            return Tags.isPrivateCreator(tag) ? Optional.of(PRIVATE_CREATOR) : Optional.empty();
        }
        for (Masked m : masked) {
            if ((tag & m.mask) == m.value) {
                return Optional.of(m.entry);
            }
        }
        if (Tags.isGroupLength(tag)) {
            return Optional.of(GROUP_LENGTH);
        }
        return Optional.empty();
    }

    /** The keyword of a tag, or "" when the dictionary has none (private and unknown tags). */
    public String keywordOf(int tag) {
        return entry(tag).map(DictionaryEntry::keyword).orElse("");
    }

    /** The tag of a keyword such as "PatientName" (repeating groups give their 0 variant), or -1. */
    public int tagOf(String keyword) {
        DictionaryEntry entry = byKeyword.get(keyword);
        return entry == null ? -1 : entry.tag();
    }

    private static final class Standard {
        static final ElementDictionary INSTANCE = load();

        private static ElementDictionary load() {
            Map<Integer, DictionaryEntry> exact = new HashMap<>(8192);
            List<Masked> masked = new ArrayList<>();
            Map<String, DictionaryEntry> byKeyword = new HashMap<>(8192);
            String[] edition = {""};
            BundledTable.read(ElementDictionary.class, "attributes.tsv", 6, comment -> {
                int at = comment.indexOf("edition ");
                int comma = at < 0 ? -1 : comment.indexOf(',', at);
                if (comma > 0) {
                    edition[0] = comment.substring(at + "edition ".length(), comma);
                }
            }, f -> {
                int value = 0;
                int mask = 0;
                for (int i = 0; i < 8; i++) {
                    char c = f[0].charAt(i);
                    boolean any = c == 'x';
                    value = value << 4 | (any ? 0 : Character.digit(c, 16));
                    mask = mask << 4 | (any ? 0 : 0xF);
                }
                DictionaryEntry entry = new DictionaryEntry(value, f[1], f[2], f[3], "Y".equals(f[4]), f[5]);
                if (mask != -1) {
                    masked.add(new Masked(mask, value, entry));
                } else {
                    exact.put(value, entry);
                }
                if (!entry.keyword().isEmpty()) {
                    byKeyword.putIfAbsent(entry.keyword(), entry);
                }
            });
            // NB: the maps as built, wrapped, not copied: Map.copyOf re-hashed 5000 entries at every start
            return new ElementDictionary(edition[0], Collections.unmodifiableMap(exact), List.copyOf(masked),
                    Collections.unmodifiableMap(byKeyword));
        }
    }
}
