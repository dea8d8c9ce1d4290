package org.delineate.privacy.deid;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.privacy.policy.Policy;
import org.delineate.privacy.profile.Action;
import org.delineate.privacy.profile.AttributeType;
import org.delineate.privacy.profile.AttributeTypes;
import org.delineate.privacy.profile.CombinedActions;
import org.delineate.privacy.profile.ConfidentialityProfile;
import org.delineate.privacy.profile.ProfileOption;
import org.delineate.privacy.profile.SafePrivateAttributes;

/**
 * Decides the action for one element: the policy's override, then the rules beyond the table (overlays, curves),
 * then Table E.1-1 under the policy's options, then the private-attribute rules, then the policy's action by VR.
 * Thread-safe; its only state is a memo of decisions.
 */
final class ElementRules {

    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    /** Decisions memoized at most; beyond, they are computed each time (hostile files with endless tags). */
    private static final int MEMO_LIMIT = 1 << 14;

    /** An action and the rule that chose it; {@code pseudonym} for Patient's Name and ID. Immutable. */
    static final class Decision {

        /** What the engine adds to the rule's text when it met something on the way. */
        enum Note {
            ITEMS_PROCESSED(", items processed"), NOT_LOADED(", value not loaded"),
            UN_IDENTIFIER(", UN value holds an identifier"), IDENTIFIER_ECHO(", identifier echo"),
            REGISTRY_UID(", registry UID"), NOT_A_DATE(", not a valid date");

            private final String text;

            Note(String text) {
                this.text = text;
            }
        }

        private final Action action;
        private final String rule;
        private final boolean pseudonym;
        // NB: the texts with a note, made when first needed; a race only makes the same string twice.
        private final String[] noted = new String[Note.values().length];

        Decision(Action action, String rule, boolean pseudonym) {
            this.action = action;
            this.rule = rule;
            this.pseudonym = pseudonym;
        }

        static Decision of(Action action, String rule) {
            return new Decision(action, rule, false);
        }

        Action action() {
            return action;
        }

        String rule() {
            return rule;
        }

        /** The rule with {@code note} appended. */
        String rule(Note note) {
            String s = noted[note.ordinal()];
            if (s == null) {
                s = rule + note.text;
                noted[note.ordinal()] = s;
            }
            return s;
        }

        boolean pseudonym() {
            return pseudonym;
        }
    }

    private final Policy policy;
    private final ConfidentialityProfile profile;
    private final SafePrivateAttributes safePrivate;
    private final AttributeTypes types;
    private final boolean typesKnown;
    private final ElementDictionary dictionary = ElementDictionary.standard();
    /** Decisions for standard elements by tag and VR, when they depend on nothing else (no attribute Types). */
    private final Map<Long, Decision> memo = new ConcurrentHashMap<>();
    private final Decision privateBasic;
    // NB: C, not K: a safe private element is kept, but UIDs in it (the table lists private UI elements) are
    // replaced like every other UID, dates shifted under Modified Dates and text echoing an identifier replaced.
    private final Decision safe = Decision.of(Action.C, "E.3.10 safe private");
    private final Map<Action, Decision> privateOverrides = new ConcurrentHashMap<>();

    ElementRules(Policy policy, ConfidentialityProfile profile, SafePrivateAttributes safePrivate,
            AttributeTypes types, boolean typesKnown) {
        this.policy = policy;
        this.profile = profile;
        this.safePrivate = safePrivate;
        this.types = types;
        this.typesKnown = typesKnown;
        this.privateBasic = Decision.of(profile.privateAttributes().basic(), "private");
    }

    Policy policy() {
        return policy;
    }

    /** The decision for a non-private element (even group, or an illegal odd group, which is removed); combined actions resolved with the attribute's Type. */
    Decision standard(DataElement e, String sopClass, String parentPath) {
        if (typesKnown) {
            return decide(e.tag(), e.vr(), sopClass, parentPath);
        }
        // NB: without attribute Types a decision depends only on the tag and the VR: memoized, it costs a lookup
        // instead of several table lookups and a string per element.
        long key = (long) e.tag() << 8 | e.vr().ordinal();
        Decision d = memo.get(key);
        if (d == null) {
            d = decide(e.tag(), e.vr(), sopClass, parentPath);
            if (memo.size() < MEMO_LIMIT) {
                memo.put(key, d);
            }
        }
        return d;
    }

    private Decision decide(int tag, VR vr, String sopClass, String parentPath) {
        if ((Tags.group(tag) & 1) == 1) {
            // NB: odd groups 0001-0007 and FFFF are neither standard nor legal private groups: nothing can vouch
            // for them.
            return Decision.of(Action.X, "illegal odd group");
        }
        Action override = policy.attributeAction(tag);
        if (override != null) {
            return Decision.of(resolve(override, sopClass, parentPath, tag), "policy attributes");
        }
        if (policy.pseudonymizePatient() && (tag == PATIENT_NAME || tag == PATIENT_ID)) {
            return new Decision(Action.D, "pseudonym", true);
        }
        int group = Tags.group(tag);
        if (group >= 0x6000 && group <= 0x601E && (group & 1) == 0) {
            // NB: overlays go whole, Clean Graphics or not: cleaning an overlay bitmap is pixel work and
            // (60xx,0022) Overlay Description / (60xx,1500) Overlay Label hold free text the table omits.
            return Decision.of(Action.X, "overlay");
        }
        if (group >= 0x5000 && group <= 0x501E && (group & 1) == 0) {
            return Decision.of(Action.X, "curve");
        }
        Action table = profile.action(tag, policy.options());
        if (table != null) {
            return Decision.of(resolve(table, sopClass, parentPath, tag), "E.1-1 " + table.code());
        }
        if (vr == VR.UI) {
            String keyword = dictionary.keywordOf(tag);
            if (keyword.endsWith("ClassUID") || keyword.equals("TransferSyntaxUID")) {
                // NB: UIDs naming classes and encodings (e.g. a vendor's private SOP Class in Referenced SOP Class
                // UID) identify no one; replacing them would break the references' meaning.
                return Decision.of(Action.K, "class UID");
            }
            return Decision.of(policy.has(ProfileOption.RETAIN_UIDS) ? Action.K : Action.U, "UID");
        }
        Action byVr = policy.vrAction(vr);
        if (byVr != null) {
            return Decision.of(resolve(byVr, sopClass, parentPath, tag), "byVr " + vr);
        }
        return Decision.of(Action.K, "not in E.1-1");
    }

    /** The decision for a private data element of a block reserved by {@code creator} (null when unreserved). */
    Decision privateElement(String creator, int tag) {
        if (creator != null) {
            Action override = policy.privateAction(creator, tag);
            if (override != null) {
                return privateOverrides.computeIfAbsent(CombinedActions.resolve(override, AttributeType.TYPE_3),
                        a -> Decision.of(a, "policy privateAttributes"));
            }
            if (policy.has(ProfileOption.RETAIN_SAFE_PRIVATE) && safePrivate.isSafe(creator, tag)) {
                return safe;
            }
        }
        return privateBasic;
    }

    private Action resolve(Action action, String sopClass, String parentPath, int tag) {
        return action.isCombined() ? CombinedActions.resolve(action, types.typeOf(sopClass, parentPath, tag))
                : action;
    }

    /** The creator reserving the block of private data element {@code tag} in {@code item}, or null. */
    static String creatorOf(DataSet item, int tag) {
        int creatorTag = Tags.privateCreatorOf(tag);
        if (creatorTag < 0) {
            return null;
        }
        DataElement c = item.get(creatorTag);
        return c == null || !c.hasBytes() ? null : item.getString(creatorTag);
    }
}
