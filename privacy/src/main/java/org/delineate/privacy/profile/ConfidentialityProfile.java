package org.delineate.privacy.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PS3.15 Table E.1-1, the attributes of the Application Level Confidentiality Profile, as generated at build time
 * from the standard's table ({@code src/standard}, see PROVENANCE.md). Immutable and thread-safe.
 */
public final class ConfidentialityProfile {

    private final String edition;
    private final List<ProfileRow> rows;
    private final Map<Integer, ProfileRow> exact;
    private final List<ProfileRow> repeating;
    private final ProfileRow privateRow;

    private ConfidentialityProfile(String edition, List<ProfileRow> rows) {
        this.edition = edition;
        this.rows = List.copyOf(rows);
        Map<Integer, ProfileRow> byTag = new HashMap<>();
        List<ProfileRow> patterns = new ArrayList<>();
        ProfileRow priv = null;
        for (ProfileRow row : rows) {
            if (row.pattern().equals("private")) {
                priv = row;
            } else if (row.pattern().indexOf('x') >= 0) {
                patterns.add(row);
            } else {
                byTag.put((int) Long.parseLong(row.pattern(), 16), row);
            }
        }
        if (priv == null) {
            throw new IllegalStateException("confidentiality-profile.tsv has no row for private attributes");
        }
        this.exact = byTag;
        this.repeating = List.copyOf(patterns);
        this.privateRow = priv;
    }

    /** The table bundled with Delineate. */
    public static ConfidentialityProfile standard() {
        return Standard.INSTANCE;
    }

    /** The edition of the standard the table comes from, e.g. "2024e". */
    public String edition() {
        return edition;
    }

    /** All rows in the table's order. */
    public List<ProfileRow> rows() {
        return rows;
    }

    /** The row of a standard tag (exact, else a repeating group such as (50xx,xxxx)), if the table has one. */
    public Optional<ProfileRow> row(int tag) {
        ProfileRow row = exact.get(tag);
        if (row != null) {
            return Optional.of(row);
        }
        for (ProfileRow r : repeating) {
            if (r.matches(tag)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The row "(GGGG,EEEE) where GGGG is odd": Private Attributes. */
    public ProfileRow privateAttributes() {
        return privateRow;
    }

    /** The action for a standard tag under the selected options, or null when the table does not list it. */
    public Action action(int tag, Set<ProfileOption> options) {
        return row(tag).map(r -> r.action(options)).orElse(null);
    }

    private static final class Standard {
        static final ConfidentialityProfile INSTANCE = load();

        private static ConfidentialityProfile load() {
            try (InputStream in = ConfidentialityProfile.class.getResourceAsStream("confidentiality-profile.tsv")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "confidentiality-profile.tsv is missing from the class path: rebuild the privacy module");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String first = reader.readLine();
                String edition = first.replaceFirst(".*edition (\\S+?);.*", "$1");
                String[] header = reader.readLine().split("\t", -1);
                Map<String, ProfileOption> byColumn = new HashMap<>();
                for (ProfileOption option : ProfileOption.values()) {
                    if (option.column() != null) {
                        byColumn.put(option.column(), option);
                    }
                }
                List<ProfileRow> rows = new ArrayList<>();
                for (String line; (line = reader.readLine()) != null;) {
                    String[] f = line.split("\t", -1);
                    Map<ProfileOption, Action> options = new EnumMap<>(ProfileOption.class);
                    for (int i = 3; i < header.length; i++) {
                        if (!f[i].isEmpty()) {
                            options.put(byColumn.get(header[i]), Action.of(f[i]));
                        }
                    }
                    rows.add(new ProfileRow(f[0], f[1], Action.of(f[2]), options));
                }
                return new ConfidentialityProfile(edition, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
