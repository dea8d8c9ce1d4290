package org.delineate.privacy.deid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.UidRegistry;
import org.delineate.privacy.deid.ElementRules.Decision;
import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.profile.ProfileOption;
import org.delineate.privacy.pseudonym.Pseudonyms;

/** De-identification of one data set: the state of one call of {@link Deidentifier#apply}. Not thread-safe. */
final class DeidentificationRun {

    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int STUDY_DATE = 0x00080020;
    private static final int PATIENT_BIRTH_DATE = 0x00100030;
    private static final int PATIENT_AGE = 0x00101010;
    private static final Set<VR> SCRUBBED = EnumSet.of(VR.LO, VR.SH, VR.ST, VR.LT, VR.UT, VR.UC, VR.PN);

    private final ElementRules rules;
    private final Policy policy;
    private final Pseudonyms pseudonyms;
    private final UidRegistry registry;
    private final AuditSink audit;
    private String sopClass = "";
    private String patientId = "";
    private IdentifierTokens tokens;
    private int shiftDays;

    DeidentificationRun(ElementRules rules, Pseudonyms pseudonyms, UidRegistry registry, AuditSink audit) {
        this.rules = rules;
        this.policy = rules.policy();
        this.pseudonyms = pseudonyms;
        this.registry = registry;
        this.audit = audit;
    }

    /** De-identifies {@code dataSet}; the result's audit is empty (the entries went to the sink). */
    DeidentificationResult run(DataSet dataSet, String edition) {
        sopClass = dataSet.getString(SOP_CLASS_UID, "").strip();
        patientId = dataSet.getString(ElementRules.PATIENT_ID, "").strip();
        boolean shifting = policy.has(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES);
        shiftDays = shifting ? pseudonyms.dateShiftDays(patientId) : 0;
        tokens = policy.scrubIdentifierText() ? IdentifierTokens.collect(dataSet, rules, registry, sopClass) : null;
        process(dataSet, "");
        if (shifting) {
            recomputeAge(dataSet);
        }
        List<ProfileOption> performed = new ArrayList<>();
        Set<ProfileOption> pending = EnumSet.noneOf(ProfileOption.class);
        for (ProfileOption option : policy.options()) {
            if (option.column() == null) {
                pending.add(option);
            } else {
                performed.add(option);
            }
        }
        String temporal = policy.has(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES) ? "UNMODIFIED"
                : shifting ? "MODIFIED" : "REMOVED";
        ConformanceMarkers.write(dataSet, edition, policy.name(), performed, temporal);
        for (int tag : new int[] {ConformanceMarkers.PATIENT_IDENTITY_REMOVED, ConformanceMarkers.DEIDENTIFICATION_METHOD,
            ConformanceMarkers.DEIDENTIFICATION_METHOD_CODE_SEQUENCE,
            ConformanceMarkers.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED}) {
            audit.record("", tag, AuditAction.ADDED, "conformance marker");
        }
        String sopInstance = dataSet.getString(SOP_INSTANCE_UID);
        return new DeidentificationResult(List.of(), sopClass.isEmpty() ? null : sopClass,
                sopInstance == null ? null : sopInstance.strip(), pending);
    }

    /** Processes the elements of {@code item}, whose path is {@code prefix} ("" or ending in '.'). */
    private void process(DataSet item, String prefix) {
        for (DataElement e : item.elements().toArray(new DataElement[0])) {
            int tag = e.tag();
            if (Tags.group(tag) == 0x0002 || Tags.isPrivateCreator(tag)) {
                continue;
            }
            if (Tags.isGroupLength(tag)) {
                item.remove(tag);
                audit.record(prefix, tag, AuditAction.REMOVED, "group length");
                continue;
            }
            Decision d = Tags.isPrivate(tag) ? rules.privateElement(ElementRules.creatorOf(item, tag), tag)
                    : rules.standard(e, sopClass, prefix);
            apply(item, e, d, prefix);
        }
        removeUnusedCreators(item, prefix);
    }

    private void apply(DataSet item, DataElement e, Decision d, String prefix) {
        int tag = e.tag();
        if (d.pseudonym()) {
            pseudonym(item, e, prefix);
            return;
        }
        switch (d.action()) {
            case X -> {
                item.remove(tag);
                audit.record(prefix, tag, AuditAction.REMOVED, d.rule());
            }
            case Z -> {
                if (e.isSequence()) {
                    item.newSequence(tag);
                } else {
                    item.put(DataElement.of(tag, e.vr(), new byte[0]));
                }
                audit.record(prefix, tag, AuditAction.EMPTIED, d.rule());
            }
            case D -> {
                if (e.isSequence() || e.vr() == VR.UI) {
                    keep(item, e, prefix, d, false);
                } else {
                    DummyValues.put(item, tag, e.vr());
                    audit.record(prefix, tag, AuditAction.DUMMY, d.rule());
                }
            }
            case K -> keep(item, e, prefix, d, true);
            case C, U -> keep(item, e, prefix, d, false);
            default -> throw new IllegalStateException("unresolved action " + d.action() + " at " + prefix
                    + Tags.toString(tag));
        }
    }

    /**
     * Keeps an element, cleaning what must never survive: the items of sequences, UIDs (unless {@code keepUids}:
     * action K), dates under Retain ... Modified Dates, and values echoing an identifier.
     */
    private void keep(DataSet item, DataElement e, String prefix, Decision d, boolean keepUids) {
        int tag = e.tag();
        String rule = d.rule();
        if (e.isSequence()) {
            audit.record(prefix, tag, AuditAction.KEPT, d.rule(Decision.Note.ITEMS_PROCESSED));
            Sequence seq = e.sequence();
            String path = prefix + Tags.toString(tag);
            for (int i = 0; i < seq.size(); i++) {
                process(seq.get(i), path + "[" + (i + 1) + "].");
            }
            return;
        }
        if (!e.hasBytes()) {
            if (e.vr() == VR.UN || e.vr().isText()) {
                // NB: a value left in the file (lazy read) cannot be inspected here: remove rather than trust it.
                item.remove(tag);
                audit.record(prefix, tag, AuditAction.REMOVED, d.rule(Decision.Note.NOT_LOADED));
            } else {
                audit.record(prefix, tag, AuditAction.KEPT, rule);
            }
            return;
        }
        VR vr = e.vr();
        if (vr == VR.UI && keepUids) {
            audit.record(prefix, tag, AuditAction.KEPT, rule);
        } else if (vr == VR.UI) {
            replaceUids(item, e, prefix, d);
        } else if ((vr == VR.DA || vr == VR.DT) && policy.has(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)) {
            shiftDates(item, e, prefix, d);
        } else if (tokens != null && vr == VR.UN && tokens.foundIn(e.bytes())) {
            item.remove(tag);
            audit.record(prefix, tag, AuditAction.REMOVED, d.rule(Decision.Note.UN_IDENTIFIER));
        } else if (tokens != null && SCRUBBED.contains(vr) && tokens.foundIn(String.join("\\", item.getStrings(tag)))) {
            DummyValues.put(item, tag, vr);
            audit.record(prefix, tag, AuditAction.DUMMY, d.rule(Decision.Note.IDENTIFIER_ECHO));
        } else {
            audit.record(prefix, tag, AuditAction.KEPT, rule);
        }
    }

    private void pseudonym(DataSet item, DataElement e, String prefix) {
        int tag = e.tag();
        String original = e.hasBytes() ? String.join("\\", item.getStrings(tag)).strip() : "";
        if (tag == ElementRules.PATIENT_NAME) {
            item.setString(tag, VR.PN, pseudonyms.patientName(original, patientId));
        } else {
            item.setString(tag, VR.LO, pseudonyms.patientId(original));
        }
        audit.record(prefix, tag, AuditAction.PSEUDONYM, "pseudonym");
    }

    private void replaceUids(DataSet item, DataElement e, String prefix, Decision d) {
        int tag = e.tag();
        String[] values = item.getStrings(tag);
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            String uid = values[i].strip();
            if (!uid.isEmpty() && registry.entry(uid).isEmpty()) {
                values[i] = pseudonyms.uid(uid);
                changed = true;
            } else {
                values[i] = uid;
            }
        }
        if (changed) {
            item.setString(tag, VR.UI, values);
            audit.record(prefix, tag, AuditAction.UID_REPLACED, d.rule());
        } else {
            audit.record(prefix, tag, AuditAction.KEPT, d.rule(Decision.Note.REGISTRY_UID));
        }
    }

    private void shiftDates(DataSet item, DataElement e, String prefix, Decision d) {
        int tag = e.tag();
        String[] shifted = DateShift.shift(item.getStrings(tag), e.vr() == VR.DT, shiftDays);
        if (shifted == null) {
            item.remove(tag);
            audit.record(prefix, tag, AuditAction.REMOVED, d.rule(Decision.Note.NOT_A_DATE));
            return;
        }
        item.setString(tag, e.vr(), shifted);
        audit.record(prefix, tag, AuditAction.DATE_SHIFTED, d.rule());
    }

    /** Keeps Patient's Age consistent with the shifted dates: recomputed when birth and study date are both there. */
    private void recomputeAge(DataSet dataSet) {
        if (dataSet.getString(PATIENT_AGE) == null) {
            return;
        }
        LocalDate birth = DateShift.parse(dataSet.getString(PATIENT_BIRTH_DATE));
        LocalDate study = DateShift.parse(dataSet.getString(STUDY_DATE));
        if (birth == null || study == null) {
            return;
        }
        String age = DateShift.age(birth, study);
        if (age != null) {
            dataSet.setString(PATIENT_AGE, VR.AS, age);
            audit.record("", PATIENT_AGE, AuditAction.RECOMPUTED, "age from shifted dates");
        }
    }

    /** Removes Private Creator elements whose blocks no longer hold any element. */
    private void removeUnusedCreators(DataSet item, String prefix) {
        for (DataElement e : item.elements().toArray(new DataElement[0])) {
            int tag = e.tag();
            if (!Tags.isPrivateCreator(tag)) {
                continue;
            }
            int block = Tags.element(tag) << 8;
            int group = Tags.group(tag);
            if (item.range(Tags.of(group, block), Tags.of(group, block | 0xFF)).isEmpty()) {
                item.remove(tag);
                audit.record(prefix, tag, AuditAction.REMOVED, "private creator of no kept element");
            } else {
                audit.record(prefix, tag, AuditAction.KEPT, "private creator of kept elements");
            }
        }
    }
}
