package org.delineate.privacy.pixels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.delineate.dicom.data.DataSet;

/**
 * The rules that say which rectangles of which images hold burned-in text: the shipped defaults,
 * extended by the user's files. Immutable and thread-safe. The JSON format is in
 * {@code docs/deid-pixels.md}:
 * <pre>
 * {"format": "delineate-redaction-rules", "version": 1, "rules": [
 *   {"name": "...", "Modality": "US", "Manufacturer": "acme.*", "Rows": 480, "Columns": 640,
 *    "rectangles": [{"x": 0, "y": 0, "width": 640, "height": 40}]}]}
 * </pre>
 */
public final class RedactionRules {

    private static final String DEFAULTS = "default-rules.json";

    private final List<RedactionRule> rules;

    private RedactionRules(List<RedactionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules shipped with Delineate. NB: none yet: vendor-specific boxes can only be shipped once
     * verified on real images, which we have not; see docs/deid-pixels.md.
     */
    public static RedactionRules defaults() {
        try (InputStream in = RedactionRules.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + DEFAULTS + " is missing from the build");
            }
            return new RedactionRules(RulesParser.parse(in, DEFAULTS));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped " + DEFAULTS + " is not valid: " + e.getMessage(), e);
        }
    }

    /** No rules at all. */
    public static RedactionRules none() {
        return new RedactionRules(List.of());
    }

    /** The given rules, in order. */
    public static RedactionRules of(List<RedactionRule> rules) {
        return new RedactionRules(rules);
    }

    /**
     * Reads a user's rules file.
     *
     * @throws RulesFileException naming the file, line and column when it is not a valid rules file
     */
    public static RedactionRules read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new RedactionRules(RulesParser.parse(in, file.toString()));
        }
    }

    /** These rules followed by {@code more}'s; an image gets the rectangles of every rule it matches. */
    public RedactionRules extendedWith(RedactionRules more) {
        List<RedactionRule> all = new ArrayList<>(rules);
        all.addAll(more.rules);
        return new RedactionRules(all);
    }

    /** The rules, in order. */
    public List<RedactionRule> rules() {
        return rules;
    }

    /** The rules {@code ds} matches, in order. */
    public List<RedactionRule> matching(DataSet ds) {
        // NB: a loop, not a stream: asked for every file of a run
        List<RedactionRule> matching = new ArrayList<>(2);
        for (RedactionRule rule : rules) {
            if (rule.matches(ds)) {
                matching.add(rule);
            }
        }
        return Collections.unmodifiableList(matching);
    }
}
