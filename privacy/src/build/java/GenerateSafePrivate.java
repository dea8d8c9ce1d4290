import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Build-time generator of the PS3.15 Table E.3.10-1 (Safe Private Attributes) resource the privacy module loads.
 *
 * <p>Reads {@code safe_private_attributes.psv} (the standard's table, one row per line, cells separated by
 * {@code |}: Data Element as {@code (gggg,xxee)}, Private Creator, VR, VM, Meaning) and writes
 * {@code safe-private-attributes.tsv}: a comment line naming the source edition, a header, then one row per
 * attribute: creator, group (4 hex digits), element offset in the block (2 hex digits), VR, meaning. Fails on a
 * malformed or repeated row. Run by Maven in the {@code generate-resources} phase as a single-file Java program:
 * {@code java GenerateSafePrivate.java STANDARD_DIR EDITION RESOURCE_OUT}.
 */
public final class GenerateSafePrivate {

    private static final String PACKAGE = "org.delineate.privacy.profile";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateSafePrivate STANDARD_DIR EDITION RESOURCE_OUT");
        }
        Path source = Path.of(args[0]).resolve("safe_private_attributes.psv");
        Path out = Path.of(args[2]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(out);
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("element|creator|vr|vm|meaning")) {
            throw new IllegalStateException(source + ": expected the header element|creator|vr|vm|meaning");
        }
        StringBuilder s = new StringBuilder();
        s.append("# PS3.15 Table E.3.10-1 Safe Private Attributes, ").append(args[1])
                .append("; generated from safe_private_attributes.psv, do not edit\n");
        s.append("creator\tgroup\telement\tvr\tmeaning\n");
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            String where = source + ": line " + (i + 1) + ": ";
            if (f.length != 5 || !f[0].matches("\\([0-9A-Fa-f]{3}[13579BbDdFf],xx[0-9A-Fa-f]{2}\\)")
                    || f[1].isBlank() || f[1].contains("\t") || f[4].contains("\t")) {
                throw new IllegalStateException(where + "expected (gggg,xxee)|creator|VR|VM|meaning with an odd group");
            }
            String group = f[0].substring(1, 5).toUpperCase();
            String element = f[0].substring(8, 10).toUpperCase();
            if (!seen.add(f[1].strip() + "\t" + group + "\t" + element)) {
                throw new IllegalStateException(where + "repeats " + f[1] + " " + f[0]);
            }
            s.append(f[1].strip()).append('\t').append(group).append('\t').append(element).append('\t')
                    .append(f[2].strip()).append('\t').append(f[4].strip()).append('\n');
        }
        Files.writeString(out.resolve("safe-private-attributes.tsv"), s.toString(), StandardCharsets.UTF_8);
        System.out.println("GenerateSafePrivate: " + seen.size() + " safe private attributes");
    }
}
