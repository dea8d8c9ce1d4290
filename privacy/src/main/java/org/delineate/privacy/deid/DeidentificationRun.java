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
import org.delineate.dicom.dict.ElementDictionary;
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
    private final ElementDictionary dictionary;
    private final List<AuditEntry> audit = new ArrayList<>();
    private String sopClass = "";
    private String patientId = "";
    private IdentifierTokens tokens;
    private int shiftDays;

    DeidentificationRun(ElementRules rules, Pseudonyms pseudonyms, UidRegistry registry,
            ElementDictionary dictionary) {
        this.rules = rules;
        this.policy = rules.policy();
        this.pseudonyms = pseudonyms;
        this.registry = registry;
        this.dictionary = dictionary;
    }

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
            record(Tags.toString(tag), tag, AuditAction.ADDED, "conformance marker");
        }
        String sopInstance = dataSet.getString(SOP_INSTANCE_UID);
        return new DeidentificationResult(audit, sopClass.isEmpty() ? null : sopClass,
                sopInstance == null ? null : sopInstance.strip(), pending);
    }

    private void process(DataSet item, String prefix) {
        for (DataElement e : new ArrayList<>(item.elements())) {
            int tag = e.tag();
            String path = prefix + Tags.toString(tag);
            if (Tags.group(tag) == 0x0002 || Tags.isPrivateCreator(tag)) {
                continue;
            }
            if (Tags.isGroupLength(tag)) {
                item.remove(tag);
                record(path, tag, AuditAction.REMOVED, "group length");
                continue;
            }
            Decision d = Tags.isPrivate(tag) ? rules.privateElement(ElementRules.creatorOf(item, tag), tag)
                    : rules.standard(e, sopClass, prefix);
            apply(item, e, d, path);
        }
        removeUnusedCreators(item, prefix);
    }

    private void apply(DataSet item, DataElement e, Decision d, String path) {
        int tag = e.tag();
        if (d.pseudonym()) {
            pseudonym(item, e, path);
            return;
        }
        switch (d.action()) {
            case X -> {
                item.remove(tag);
                record(path, tag, AuditAction.REMOVED, d.rule());
            }
            case Z -> {
                if (e.isSequence()) {
                    item.newSequence(tag);
                } else {
                    item.put(DataElement.of(tag, e.vr(), new byte[0]));
                }
                record(path, tag, AuditAction.EMPTIED, d.rule());
            }
            case D -> {
                if (e.isSequence() || e.vr() == VR.UI) {
                    keep(item, e, path, d.rule(), false);
                } else {
                    DummyValues.put(item, tag, e.vr());
                    record(path, tag, AuditAction.DUMMY, d.rule());
                }
            }
            case K -> keep(item, e, path, d.rule(), true);
            case C, U -> keep(item, e, path, d.rule(), false);
            default -> throw new IllegalStateException("unresolved action " + d.action() + " at " + path);
        }
    }

    /**
     * Keeps an element, cleaning what must never survive: the items of sequences, UIDs (unless {@code keepUids}:
     * action K), dates under Retain ... Modified Dates, and values echoing an identifier.
     */
    private void keep(DataSet item, DataElement e, String path, String rule, boolean keepUids) {
        int tag = e.tag();
        if (e.isSequence()) {
            record(path, tag, AuditAction.KEPT, rule + ", items processed");
            Sequence seq = e.sequence();
            for (int i = 0; i < seq.size(); i++) {
                process(seq.get(i), path + "[" + (i + 1) + "].");
            }
            return;
        }
        if (!e.hasBytes()) {
            if (e.vr() == VR.UN || e.vr().isText()) {
                // NB: a value left in the file (lazy read) cannot be inspected here: remove rather than trust it.
                item.remove(tag);
                record(path, tag, AuditAction.REMOVED, rule + ", value not loaded");
            } else {
                record(path, tag, AuditAction.KEPT, rule);
            }
            return;
        }
        VR vr = e.vr();
        if (vr == VR.UI && keepUids) {
            record(path, tag, AuditAction.KEPT, rule);
        } else if (vr == VR.UI) {
            replaceUids(item, e, path, rule);
        } else if ((vr == VR.DA || vr == VR.DT) && policy.has(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)) {
            shiftDates(item, e, path, rule);
        } else if (tokens != null && vr == VR.UN && tokens.foundIn(e.bytes())) {
            item.remove(tag);
            record(path, tag, AuditAction.REMOVED, rule + ", UN value holds an identifier");
        } else if (tokens != null && SCRUBBED.contains(vr) && tokens.foundIn(String.join("\\", item.getStrings(tag)))) {
            DummyValues.put(item, tag, vr);
            record(path, tag, AuditAction.DUMMY, rule + ", identifier echo");
        } else {
            record(path, tag, AuditAction.KEPT, rule);
        }
    }

    private void pseudonym(DataSet item, DataElement e, String path) {
        int tag = e.tag();
        String original = e.hasBytes() ? String.join("\\", item.getStrings(tag)).strip() : "";
        if (tag == ElementRules.PATIENT_NAME) {
            item.setString(tag, VR.PN, pseudonyms.patientName(original, patientId));
        } else {
            item.setString(tag, VR.LO, pseudonyms.patientId(original));
        }
        record(path, tag, AuditAction.PSEUDONYM, "pseudonym");
    }

    private void replaceUids(DataSet item, DataElement e, String path, String rule) {
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
            record(path, tag, AuditAction.UID_REPLACED, rule);
        } else {
            record(path, tag, AuditAction.KEPT, rule + ", registry UID");
        }
    }

    private void shiftDates(DataSet item, DataElement e, String path, String rule) {
        int tag = e.tag();
        String[] shifted = DateShift.shift(item.getStrings(tag), e.vr() == VR.DT, shiftDays);
        if (shifted == null) {
            item.remove(tag);
            record(path, tag, AuditAction.REMOVED, rule + ", not a valid date");
            return;
        }
        item.setString(tag, e.vr(), shifted);
        record(path, tag, AuditAction.DATE_SHIFTED, rule);
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
            record(Tags.toString(PATIENT_AGE), PATIENT_AGE, AuditAction.RECOMPUTED, "age from shifted dates");
        }
    }

    /** Removes Private Creator elements whose blocks no longer hold any element. */
    private void removeUnusedCreators(DataSet item, String prefix) {
        for (DataElement e : new ArrayList<>(item.elements())) {
            int tag = e.tag();
            if (!Tags.isPrivateCreator(tag)) {
                continue;
            }
            int block = Tags.element(tag) << 8;
            int group = Tags.group(tag);
            if (item.range(Tags.of(group, block), Tags.of(group, block | 0xFF)).isEmpty()) {
                item.remove(tag);
                record(prefix + Tags.toString(tag), tag, AuditAction.REMOVED, "private creator of no kept element");
            } else {
                record(prefix + Tags.toString(tag), tag, AuditAction.KEPT, "private creator of kept elements");
            }
        }
    }

    private void record(String path, int tag, AuditAction action, String rule) {
        audit.add(new AuditEntry(path, Tags.isPrivate(tag) ? "" : dictionary.keywordOf(tag), action, rule));
    }
}
