package org.delineate.privacy.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The safe private attributes of PS3.15 Table E.3.10-1, which the Retain Safe Private Option keeps: private data
 * elements known to hold no identifying information, each named by private creator, group and element offset in
 * the creator's block. Immutable and thread-safe.
 *
 * <p>NB: the bundled list ({@code safe-private-attributes.tsv}) is generated at build time from the table of an
 * edition of PS3.15 before 2024e (130 rows, see PROVENANCE.md); later editions list more, which a policy can
 * declare by private creator and element.
 */
public final class SafePrivateAttributes {

    /**
     * One safe private attribute.
     *
     * @param creator the Private Creator value, e.g. "GEMS_ACQU_01"
     * @param group the (odd) group, e.g. 0x0019
     * @param offset the element's offset in the creator's block (the low byte of the element, 0x00-0xFF)
     * @param vr the VR the table gives
     * @param meaning the meaning the table gives
     */
    public record Entry(String creator, int group, int offset, String vr, String meaning) {
    }

    private final List<Entry> entries;
    /** The entries by group and offset ({@code group << 8 | offset}). */
    private final Map<Integer, List<Entry>> byElement = new HashMap<>();

    private SafePrivateAttributes(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            byElement.computeIfAbsent(e.group << 8 | e.offset, k -> new ArrayList<>()).add(e);
        }
    }

    /** The list bundled with Delineate. */
    public static SafePrivateAttributes standard() {
        return Standard.INSTANCE;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** True when the private data element {@code tag} in a block reserved by {@code creator} is in the list. */
    public boolean isSafe(String creator, int tag) {
        if (creator == null) {
            return false;
        }
        List<Entry> candidates = byElement.get((tag >>> 16) << 8 | (tag & 0xFF));
        if (candidates == null) {
            return false;
        }
        String c = creator.strip();
        for (Entry e : candidates) {
            if (e.creator.equals(c)) {
                return true;
            }
        }
        return false;
    }

    private static final class Standard {
        static final SafePrivateAttributes INSTANCE = load();

        private static SafePrivateAttributes load() {
            try (InputStream in = SafePrivateAttributes.class.getResourceAsStream("safe-private-attributes.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("safe-private-attributes.tsv is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<Entry> entries = new ArrayList<>();
                reader.readLine();
                reader.readLine();
                for (String line; (line = reader.readLine()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    entries.add(new Entry(f[0], Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16), f[3], f[4]));
                }
                return new SafePrivateAttributes(entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
