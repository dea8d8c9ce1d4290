package org.delineate.privacy.pixels;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;

/**
 * One rule of a {@link RedactionRules} file: which images it applies to and the rectangles to blank in
 * them. An image matches when every criterion given matches: Modality (0008,0060), Manufacturer
 * (0008,0070) and ManufacturerModelName (0008,1090) are regular expressions (Java syntax) matched
 * against the whole value, ignoring case, an absent attribute read as empty; Rows (0028,0010) and
 * Columns (0028,0011) must be equal. At least one criterion is required. Immutable and thread-safe.
 *
 * @param name the rule's name, for reports
 * @param modality the Modality pattern, if any
 * @param manufacturer the Manufacturer pattern, if any
 * @param manufacturerModelName the ManufacturerModelName pattern, if any
 * @param rows the Rows the image must have, if any
 * @param columns the Columns the image must have, if any
 * @param rectangles the rectangles to blank; empty states that matching images have no burned-in text
 */
public record RedactionRule(String name, Optional<Pattern> modality, Optional<Pattern> manufacturer,
        Optional<Pattern> manufacturerModelName, OptionalInt rows, OptionalInt columns, List<Rectangle> rectangles) {

    /** @throws IllegalArgumentException when the rule has no criterion */
    public RedactionRule {
        Objects.requireNonNull(name, "name");
        rectangles = List.copyOf(rectangles);
        if (modality.isEmpty() && manufacturer.isEmpty() && manufacturerModelName.isEmpty() && rows.isEmpty()
                && columns.isEmpty()) {
            throw new IllegalArgumentException("rule \"" + name + "\" has no criterion; it would match every image");
        }
    }

    /** Compiles a criterion the way rules files are read: whole value, case-insensitive. */
    static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** True when every criterion matches {@code ds}. */
    public boolean matches(DataSet ds) {
        return matches(modality, ds, Tag.Modality) && matches(manufacturer, ds, Tag.Manufacturer)
                && matches(manufacturerModelName, ds, Tag.ManufacturerModelName)
                && (rows.isEmpty() || ds.getInt(Tag.Rows, -1) == rows.getAsInt())
                && (columns.isEmpty() || ds.getInt(Tag.Columns, -1) == columns.getAsInt());
    }

    private static boolean matches(Optional<Pattern> pattern, DataSet ds, int tag) {
        if (pattern.isEmpty()) {
            return true;
        }
        String value = ds.getString(tag, "");
        return pattern.get().matcher(value == null ? "" : value.strip()).matches();
    }
}
