package org.delineate.privacy.run;

import java.nio.file.Path;
import java.util.Objects;

import org.delineate.privacy.pixels.RedactionRules;
import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.delineate.privacy.pseudonym.LookupTable;

/**
 * What a {@link DeidRunner} run does. Immutable; start from {@link #of} and change with the {@code with...}
 * methods.
 *
 * @param input the folder to de-identify (walked recursively, symbolic links not followed); only read
 * @param output the folder to write into (created if needed); must not be inside {@code input} nor contain it
 * @param policy the de-identification policy
 * @param policyDigest names the policy's source text in the report, e.g. {@code sha256:<hex>} of the JSON file
 * @param keyed the keyed pseudonyms of the user's key: UIDs, pseudonyms and the opaque ids of the journal
 * @param lookup the user's table of patient pseudonyms, or null
 * @param lookupFallback with a lookup table: true gives patients missing from it keyed pseudonyms, false
 *        withholds their files
 * @param redactionRules the burned-in text rules for {@link org.delineate.privacy.pixels.PixelRedactor}
 * @param jobs the number of files processed at once, at least 1
 * @param stopAfter stop scheduling new files after this many were processed in this invocation (0: never); a
 *        test hook that simulates an interrupted run
 * @param toolVersion the version recorded in the report
 * @param mappings the folder to write the sensitive re-identification tables into ({@code uid_mapping.csv},
 *        {@code patid_mapping.csv}, see {@link MappingFiles}), or null for none; must not be inside {@code input}
 *        or {@code output}
 */
public record RunOptions(Path input, Path output, Policy policy, String policyDigest, KeyedPseudonyms keyed,
        LookupTable lookup, boolean lookupFallback, RedactionRules redactionRules, int jobs, int stopAfter,
        String toolVersion, Path mappings) {

    /** Options without mapping tables (the components before {@link #mappings()}). */
    public RunOptions(Path input, Path output, Policy policy, String policyDigest, KeyedPseudonyms keyed,
            LookupTable lookup, boolean lookupFallback, RedactionRules redactionRules, int jobs, int stopAfter,
            String toolVersion) {
        this(input, output, policy, policyDigest, keyed, lookup, lookupFallback, redactionRules, jobs, stopAfter,
                toolVersion, null);
    }

    public RunOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(policyDigest, "policyDigest");
        Objects.requireNonNull(keyed, "keyed");
        Objects.requireNonNull(redactionRules, "redactionRules");
        Objects.requireNonNull(toolVersion, "toolVersion");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        if (stopAfter < 0) {
            throw new IllegalArgumentException("stopAfter must be 0 or more, not " + stopAfter);
        }
    }

    /** A run with no lookup table, the default redaction rules, one job per processor. */
    public static RunOptions of(Path input, Path output, Policy policy, String policyDigest, KeyedPseudonyms keyed) {
        return new RunOptions(input, output, policy, policyDigest, keyed, null, false, RedactionRules.defaults(),
                Runtime.getRuntime().availableProcessors(), 0, "development");
    }

    /** These options with a patient lookup table ({@code fallback}: see {@link #lookupFallback()}). */
    public RunOptions withLookup(LookupTable table, boolean fallback) {
        return new RunOptions(input, output, policy, policyDigest, keyed, table, fallback, redactionRules, jobs,
                stopAfter, toolVersion, mappings);
    }

    /** These options with other burned-in text rules. */
    public RunOptions withRedactionRules(RedactionRules rules) {
        return new RunOptions(input, output, policy, policyDigest, keyed, lookup, lookupFallback, rules, jobs,
                stopAfter, toolVersion, mappings);
    }

    /** These options with {@code n} files processed at once. */
    public RunOptions withJobs(int n) {
        return new RunOptions(input, output, policy, policyDigest, keyed, lookup, lookupFallback, redactionRules, n,
                stopAfter, toolVersion, mappings);
    }

    /** These options stopping after {@code n} files (0: never); for tests. */
    public RunOptions withStopAfter(int n) {
        return new RunOptions(input, output, policy, policyDigest, keyed, lookup, lookupFallback, redactionRules,
                jobs, n, toolVersion, mappings);
    }

    /** These options with the tool version recorded in the report. */
    public RunOptions withToolVersion(String version) {
        return new RunOptions(input, output, policy, policyDigest, keyed, lookup, lookupFallback, redactionRules,
                jobs, stopAfter, version, mappings);
    }

    /** These options writing the re-identification tables into {@code folder} (null: none). */
    public RunOptions withMappings(Path folder) {
        return new RunOptions(input, output, policy, policyDigest, keyed, lookup, lookupFallback, redactionRules,
                jobs, stopAfter, toolVersion, folder);
    }
}
