package org.delineate.privacy.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.dict.UidRegistry;
import org.delineate.privacy.deid.ElementRules.Decision;
import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.AttributeTypes;
import org.delineate.privacy.profile.ConfidentialityProfile;
import org.delineate.privacy.profile.ProfileOption;
import org.delineate.privacy.profile.SafePrivateAttributes;
import org.delineate.privacy.pseudonym.Pseudonyms;

/**
 * Applies a de-identification {@link Policy} (PS3.15 Annex E Basic Profile, its options and the user's overrides)
 * to DICOM data sets. Immutable and thread-safe: one instance serves any number of threads, each call working on
 * its own data set.
 *
 * <p>What a call does, at every depth of every sequence: applies Table E.1-1 (combined actions resolved by
 * {@link AttributeTypes}); removes overlays (60xx), curves (50xx), Original Attributes and Icon Image Sequences and
 * every private element unless the policy or Retain Safe Private keeps it; replaces Patient's Name and Patient ID
 * with {@link Pseudonyms}; replaces every UID not in the PS3.6 registry with {@link Pseudonyms#uid} (unless Retain
 * UIDs), so references stay consistent across files; shifts dates by {@link Pseudonyms#dateShiftDays} under Retain
 * Longitudinal Temporal Information with Modified Dates; replaces kept free text that echoes an identifying value
 * and removes UN values that do; and writes the conformance markers (see {@link ConformanceMarkers}).
 *
 * <p>Not done here: File Meta Information (group 0002) and the preamble, which the caller regenerates (see
 * {@link #apply}); Pixel Data, which is never changed (the pixel options are reported as pending).
 */
public final class Deidentifier {

    private final ElementRules rules;
    private final Pseudonyms pseudonyms;
    private final ConfidentialityProfile profile;

    private Deidentifier(Policy policy, Pseudonyms pseudonyms, AttributeTypes types) {
        this.profile = ConfidentialityProfile.standard();
        this.rules = new ElementRules(policy, profile, SafePrivateAttributes.standard(), types,
                types != AttributeTypes.UNKNOWN);
        this.pseudonyms = pseudonyms;
    }

    /** An engine for {@code policy}; combined actions take their conformance-preserving alternative. */
    public static Deidentifier create(Policy policy, Pseudonyms pseudonyms) {
        return create(policy, pseudonyms, AttributeTypes.unknown());
    }

    /** An engine for {@code policy} resolving combined actions with the attribute Types of {@code types}. */
    public static Deidentifier create(Policy policy, Pseudonyms pseudonyms, AttributeTypes types) {
        return new Deidentifier(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(pseudonyms,
                "pseudonyms"), Objects.requireNonNull(types, "types"));
    }

    public Policy policy() {
        return rules.policy();
    }

    /** The edition of PS3.15 Table E.1-1 applied, e.g. "2024e". */
    public String edition() {
        return profile.edition();
    }

    /**
     * De-identifies one data set in place (the data set of one file, without its File Meta Information).
     *
     * <p>The caller must then write it with new File Meta Information and a zero preamble (e.g.
     * {@code WriteOptions.fresh(ts)}, which builds it from the new SOP Class and Instance UIDs): the old Media
     * Storage SOP Instance UID, Source Application Entity Title and a preamble (which may hold a TIFF header) would
     * leak. Output file names must come from the result (e.g. the new SOP Instance UID), never from the input's.
     *
     * @param dataSet the data set to change; must not be used by other threads during the call
     * @return the audit (no values) and what the caller must still do
     */
    public DeidentificationResult apply(DataSet dataSet) {
        Objects.requireNonNull(dataSet, "dataSet");
        ElementDictionary dictionary = ElementDictionary.standard();
        List<AuditEntry> audit = new ArrayList<>();
        DeidentificationResult result = apply(dataSet, (itemPath, tag, action, rule) -> audit.add(new AuditEntry(
                itemPath + Tags.toString(tag), Tags.isPrivate(tag) ? "" : dictionary.keywordOf(tag), action, rule)));
        return new DeidentificationResult(audit, result.sopClassUid(), result.sopInstanceUid(),
                result.pixelOptionsPending());
    }

    /**
     * De-identifies one data set in place, as {@link #apply(DataSet)} does, telling {@code audit} what is done to
     * each element instead of collecting {@link AuditEntry}s (cheaper for batches that only count actions).
     *
     * @return what the caller must still do; its {@link DeidentificationResult#audit()} is empty
     */
    public DeidentificationResult apply(DataSet dataSet, AuditSink audit) {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(audit, "audit");
        return new DeidentificationRun(rules, pseudonyms, UidRegistry.standard(), audit).run(dataSet,
                profile.edition());
    }

    /**
     * True when the policy keeps the value of {@code e} as it is (action K): a policy override, an option that
     * retains it (Retain UIDs, Retain Device Identity's Device UID, ...), a class UID. The verification pass does not
     * look for such values in the output.
     *
     * @param item the item holding {@code e} (for a private element's creator)
     * @param sopClass the SOP Class UID of the data set, for attribute Types
     * @param itemPath the path of {@code item}: "" at the top level, else ending in '.'
     */
    public boolean keepsValue(DataSet item, DataElement e, String sopClass, String itemPath) {
        int tag = e.tag();
        Decision d = Tags.isPrivate(tag) ? rules.privateElement(ElementRules.creatorOf(item, tag), tag)
                : rules.standard(e, sopClass, itemPath);
        return !d.pseudonym() && d.action() == Action.K;
    }

    /**
     * Dates outside any DICOM attribute (a BIDS sidecar's) treated as the policy treats dates Table E.1-1 does not
     * list: shifted by the patient's offset under Retain Longitudinal Temporal Information with Modified Dates, kept
     * under Full Dates or when the policy's {@code byVr} keeps them; otherwise null (remove them). Also null when a
     * value is not a date.
     *
     * @param values DA (YYYYMMDD) or, with {@code dateTime}, DT values
     * @param patientId the patient's original ID (stripped), whose offset is used
     */
    public String[] datesNotInTable(String[] values, boolean dateTime, String patientId) {
        Policy policy = rules.policy();
        if (policy.has(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)) {
            return DateShift.shift(values, dateTime, pseudonyms.dateShiftDays(patientId));
        }
        Action byVr = policy.vrAction(dateTime ? VR.DT : VR.DA);
        return policy.has(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES) || byVr == Action.K || byVr == Action.C
                ? values.clone() : null;
    }
}
