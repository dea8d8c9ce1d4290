package org.delineate.dicom.seg.meta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.seg.SegmentDescription;

/**
 * The segmentation property categories and common property types Delineate ships: DICOM PS3.16 CID 7150
 * "Segmentation Property Categories" and a selection of CID 7151 "Segmentation Property Types", each type with
 * its category and a recommended display color, plus the mapping of their retired SNOMED-RT style codes
 * ({@code SRT}, e.g. {@code T-D0050}) to SNOMED CT ({@code SCT}) from PS3.16 Annex O. The data is the resource
 * {@code segmentation-properties.tsv} beside this class (provenance in its PROVENANCE.md).
 *
 * <p>Immutable and thread-safe; {@link #load()} creates a new instance each time (there is no shared state),
 * so callers keep the one they loaded.
 */
public final class Terminology {

    /** The scheme designator of SNOMED-RT style codes, retired by DICOM in favor of SCT. */
    public static final String SRT = "SRT";

    static final String RESOURCE = "segmentation-properties.tsv";

    /**
     * A segmentation property type (a member of CID 7151) as shipped.
     *
     * @param code the type's code (mostly SCT; some DCM or NCIt)
     * @param category its category, a member of CID 7150
     * @param contextGroup the CID of the category's types it was taken from (7191..7197)
     * @param recommendedDisplayRgb a display color, sRGB 0..255 (Delineate's own choice)
     * @param otherMeanings other Code Meanings the standard uses for the same code, possibly empty
     */
    public record PropertyType(Code code, Code category, int contextGroup, int[] recommendedDisplayRgb,
            List<String> otherMeanings) {

        public PropertyType {
            recommendedDisplayRgb = recommendedDisplayRgb.clone();
            otherMeanings = List.copyOf(otherMeanings);
        }

        @Override
        public int[] recommendedDisplayRgb() {
            return recommendedDisplayRgb.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PropertyType t && code.equals(t.code) && category.equals(t.category)
                    && contextGroup == t.contextGroup && Arrays.equals(recommendedDisplayRgb, t.recommendedDisplayRgb)
                    && otherMeanings.equals(t.otherMeanings);
        }

        @Override
        public int hashCode() {
            return code.hashCode();
        }

        @Override
        public String toString() {
            return code + " in " + category.meaning();
        }
    }

    private final List<Code> categories;
    private final List<PropertyType> types;
    private final Map<Code, Code> categoryByCode = new HashMap<>();
    private final Map<Code, PropertyType> typeByCode = new HashMap<>();
    private final Map<String, Code> categoryByMeaning = new HashMap<>();
    private final Map<String, PropertyType> typeByMeaning = new HashMap<>();
    private final Map<String, Code> sctBySrt;

    private Terminology(List<Code> categories, List<PropertyType> types, Map<String, Code> sctBySrt) {
        this.categories = List.copyOf(categories);
        this.types = List.copyOf(types);
        this.sctBySrt = Map.copyOf(sctBySrt);
        categories.forEach(c -> {
            categoryByCode.put(c, c);
            categoryByMeaning.put(key(c.meaning()), c);
        });
        for (PropertyType t : types) {
            typeByCode.put(t.code(), t);
            typeByMeaning.put(key(t.code().meaning()), t);
        }
        // NB: other meanings are looked up only where no primary meaning claims the text.
        for (PropertyType t : types) {
            t.otherMeanings().forEach(m -> typeByMeaning.putIfAbsent(key(m), t));
        }
    }

    /**
     * Loads the shipped table.
     *
     * @throws UncheckedIOException if the resource is missing, unreadable or malformed (a packaging bug, not a
     *     user error)
     */
    public static Terminology load() {
        try (InputStream in = Terminology.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    static Terminology parse(InputStream in, String source) throws IOException {
        return new TerminologyTable(source).parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                Terminology::new);
    }

    /** Creates the object from parsed rows; used by {@link TerminologyTable}. */
    interface Factory {
        Terminology create(List<Code> categories, List<PropertyType> types, Map<String, Code> sctBySrt);
    }

    /** The categories (CID 7150), in the table's order. */
    public List<Code> categories() {
        return categories;
    }

    /** The property types shipped (a selection of CID 7151), in the table's order. */
    public List<PropertyType> types() {
        return types;
    }

    /** The types whose category is {@code category} (an SRT code is mapped first); empty for unknown ones. */
    public List<PropertyType> typesIn(Code category) {
        Code sct = toSct(category);
        List<PropertyType> in = new ArrayList<>();
        for (PropertyType t : types) {
            if (t.category().equals(sct)) {
                in.add(t);
            }
        }
        return List.copyOf(in);
    }

    /** The shipped category with this code (value and scheme; an SRT code is mapped first). */
    public Optional<Code> category(Code code) {
        return Optional.ofNullable(categoryByCode.get(toSct(code)));
    }

    /** The shipped type with this code (value and scheme; an SRT code is mapped first). */
    public Optional<PropertyType> type(Code code) {
        return Optional.ofNullable(typeByCode.get(toSct(code)));
    }

    /** The category whose Code Meaning is {@code meaning}, ignoring case and surrounding spaces. */
    public Optional<Code> categoryByMeaning(String meaning) {
        return Optional.ofNullable(categoryByMeaning.get(key(meaning)));
    }

    /**
     * The type whose Code Meaning, or failing that one of its other meanings, is {@code meaning}, ignoring
     * case and surrounding spaces ("tumor" finds Neoplasm).
     */
    public Optional<PropertyType> typeByMeaning(String meaning) {
        return Optional.ofNullable(typeByMeaning.get(key(meaning)));
    }

    /**
     * The SNOMED CT code of an SRT code this table knows (with the current Code Meaning of the standard);
     * any other code, including SRT codes not shipped, is returned as given. Never null for a non-null code.
     */
    public Code toSct(Code code) {
        if (code == null || !SRT.equals(code.schemeDesignator())) {
            return code;
        }
        return sctBySrt.getOrDefault(code.value(), code);
    }

    /** The SRT code values this table maps, each to its SCT code; unmodifiable, in no particular order. */
    public Map<String, Code> srtMappings() {
        return sctBySrt;
    }

    /**
     * The same description with every code that {@link #toSct} maps replaced by its SCT equivalent: category,
     * type, type modifiers, anatomic region and its modifiers. For importing metadata written before DICOM
     * retired SRT (dcmqi's older examples, highdicom's).
     */
    public SegmentDescription withSctCodes(SegmentDescription d) {
        return d.toBuilder().category(toSct(d.category())).type(toSct(d.type()))
                .typeModifiers(d.typeModifiers().stream().map(this::toSct).toList())
                .anatomicRegion(toSct(d.anatomicRegion()))
                .anatomicRegionModifiers(d.anatomicRegionModifiers().stream().map(this::toSct).toList()).build();
    }

    private static String key(String meaning) {
        return meaning == null ? "" : meaning.strip().toLowerCase(Locale.ROOT);
    }
}
