package org.delineate.privacy.profile;

/**
 * The action codes of PS3.15 Table E.1-1a, as written in Table E.1-1.
 *
 * <p>D: replace with a non-zero length dummy value consistent with the VR; Z: replace with a zero-length value
 * (or a dummy); X: remove; K: keep (sequences are kept but their items are cleaned); C: clean (replace with values
 * of similar meaning known not to contain identifying information); U: replace a UID with one that is internally
 * consistent within a set of instances. The combined codes choose by the Type of the attribute in the IOD:
 * {@code Z/D} (Type 2 vs 1), {@code X/Z} (Type 3 vs 2), {@code X/D} (Type 3 vs 1), {@code X/Z/D} (Type 3 vs 2 vs
 * 1) and {@code X/Z/U*} (Type 3 vs 2 vs 1 sequences containing UID references); see {@link CombinedActions}.
 */
public enum Action {
    D("D"), Z("Z"), X("X"), K("K"), C("C"), U("U"),
    Z_D("Z/D"), X_Z("X/Z"), X_D("X/D"), X_Z_D("X/Z/D"), X_Z_U_STAR("X/Z/U*");

    private final String code;

    Action(String code) {
        this.code = code;
    }

    /** The code as the standard writes it, e.g. "X/Z/U*". */
    public String code() {
        return code;
    }

    /** True for the combined codes that depend on the attribute's Type. */
    public boolean isCombined() {
        return code.indexOf('/') >= 0;
    }

    /** The action of a code as the standard writes it ("X/Z", "K", ...), or null when it names none. */
    public static Action of(String code) {
        for (Action action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        return null;
    }
}
