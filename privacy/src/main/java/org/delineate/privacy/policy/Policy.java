package org.delineate.privacy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.delineate.dicom.data.VR;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.ProfileOption;

/**
 * A de-identification policy: the PS3.15 Annex E options to apply on top of the Basic Profile, and the user's
 * overrides (by keyword or tag, by private creator and element, and by VR for values Table E.1-1 does not cover).
 * Immutable and thread-safe.
 *
 * <p>Policies are JSON files (format version {@value #FORMAT_VERSION}, described in docs/deid-profile.md):
 * <pre>
 * { "version": 1, "name": "my-study", "extends": "research",
 *   "options": ["retainDeviceIdentity"],
 *   "pseudonymizePatient": true, "scrubIdentifierText": true,
 *   "attributes": { "PatientWeight": "K", "(0018,1030)": "X" },
 *   "privateAttributes": [ { "creator": "ACME 1.1", "element": "(0019,xx10)", "action": "K" } ],
 *   "byVr": { "DA": "D", "PN": "D", "LO": "K" } }
 * </pre>
 * Presets ship as resources: {@code basic}, {@code research} and {@code tcia}; see {@link #preset(String)}.
 */
public final class Policy {

    /** The policy file format version this code reads. */
    public static final int FORMAT_VERSION = 1;
    /** The names of the bundled presets. */
    public static final List<String> PRESETS = List.of("basic", "research", "tcia");
    /** The VRs a {@code byVr} entry may name: dates and times, person names and free text. */
    public static final Set<VR> VR_KEYS = Collections.unmodifiableSet(EnumSet.of(VR.DA, VR.DT, VR.TM, VR.PN, VR.LO,
            VR.LT, VR.ST, VR.UT, VR.SH, VR.UC));

    private final String name;
    private final String description;
    private final Set<ProfileOption> options;
    private final boolean pseudonymizePatient;
    private final boolean scrubIdentifierText;
    private final Map<Integer, Action> attributes;
    private final List<PrivateRule> privateRules;
    private final Map<VR, Action> byVr;

    Policy(String name, String description, Set<ProfileOption> options, boolean pseudonymizePatient,
            boolean scrubIdentifierText, Map<Integer, Action> attributes, List<PrivateRule> privateRules,
            Map<VR, Action> byVr) {
        this.name = name;
        this.description = description;
        this.options = Collections.unmodifiableSet(options.isEmpty() ? EnumSet.noneOf(ProfileOption.class)
                : EnumSet.copyOf(options));
        this.pseudonymizePatient = pseudonymizePatient;
        this.scrubIdentifierText = scrubIdentifierText;
        this.attributes = Map.copyOf(attributes);
        this.privateRules = List.copyOf(privateRules);
        this.byVr = Collections.unmodifiableMap(byVr.isEmpty() ? new EnumMap<>(VR.class) : new EnumMap<>(byVr));
    }

    /**
     * Reads a policy file.
     *
     * @throws PolicyException when the file is not a valid policy (the message names the file and JSON path)
     * @throws IOException when the file cannot be read
     */
    public static Policy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such policy file");
        }
    }

    /**
     * A bundled preset: {@code basic} (the Basic Profile alone), {@code research} (basic + Retain Longitudinal
     * Temporal Information with Modified Dates + Retain Patient Characteristics) or {@code tcia} (the options
     * TCIA records for its collections).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Policy preset(String name) {
        if (!PRESETS.contains(name)) {
            throw new IllegalArgumentException("no policy preset '" + name + "'; presets: " + PRESETS);
        }
        try (InputStream in = Policy.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException(name + ".json is missing from the class path");
            }
            return parse(in, "preset " + name + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("the bundled preset " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads a policy from a stream; {@code source} names it in error messages. */
    public static Policy parse(InputStream in, String source) throws IOException {
        return PolicyReader.read(in, source);
    }

    /** The policy's name, recorded in De-identification Method (0012,0063). */
    public String name() {
        return name;
    }

    /** A description for people; may be empty. */
    public String description() {
        return description;
    }

    /** The PS3.15 options selected (unmodifiable). */
    public Set<ProfileOption> options() {
        return options;
    }

    public boolean has(ProfileOption option) {
        return options.contains(option);
    }

    /** True to replace Patient's Name and Patient ID with pseudonyms rather than the table's action. */
    public boolean pseudonymizePatient() {
        return pseudonymizePatient;
    }

    /**
     * True to replace kept text (and remove UN values) that contains an identifying value found elsewhere in the
     * data set (a name, an ID, a date, a UID).
     */
    public boolean scrubIdentifierText() {
        return scrubIdentifierText;
    }

    /** The user's action for a standard tag, or null when the policy does not override it. */
    public Action attributeAction(int tag) {
        return attributes.get(tag);
    }

    /** The user's overrides by tag (unmodifiable). */
    public Map<Integer, Action> attributeActions() {
        return attributes;
    }

    /**
     * The user's action for a private data element, or null: a rule naming the element wins over one naming only
     * the creator.
     */
    public Action privateAction(String creator, int tag) {
        Action creatorWide = null;
        for (PrivateRule rule : privateRules) {
            if (rule.matches(creator, tag)) {
                if (rule.offset() >= 0) {
                    return rule.action();
                }
                if (creatorWide == null) {
                    creatorWide = rule.action();
                }
            }
        }
        return creatorWide;
    }

    public List<PrivateRule> privateRules() {
        return privateRules;
    }

    /** The action for a value of this VR that Table E.1-1 does not cover, or null for none (keep). */
    public Action vrAction(VR vr) {
        return byVr.get(vr);
    }

    public Map<VR, Action> vrActions() {
        return byVr;
    }

    @Override
    public String toString() {
        return "Policy[" + name + " " + options + "]";
    }
}
