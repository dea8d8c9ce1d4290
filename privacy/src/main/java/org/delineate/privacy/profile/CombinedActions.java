package org.delineate.privacy.profile;

/**
 * Resolves the combined action codes of PS3.15 Table E.1-1a by the attribute's Type in the IOD.
 *
 * <p>Per Table E.1-1a: Z/D is Z unless D is required (Type 2 vs 1); X/Z is X unless Z is required (Type 3 vs 2);
 * X/D is X unless D is required (Type 3 vs 1); X/Z/D is X unless Z or D is required (Type 3 vs 2 vs 1); X/Z/U* is
 * X unless Z or replacement of the contained instance UIDs (U) is required (Type 3 vs 2 vs 1 sequences).
 *
 * <p>NB: when the Type is {@link AttributeType#UNKNOWN} (unknown IOD, attribute outside the IOD's modules, or no
 * module table at hand) the strongest alternative is chosen: D for Z/D, X/D and X/Z/D, Z for X/Z, U for X/Z/U*.
 * These never leak more than X would (a dummy, an empty value, or UIDs replaced throughout) and never make an
 * IOD non-conformant, which is the purpose of the combined codes. Conditional Types count as their unconditional
 * counterparts (1C as 1, 2C as 2): the condition is not evaluated, which again errs towards conformance.
 */
public final class CombinedActions {

    private CombinedActions() {
    }

    /** The simple action (D, Z, X, K, C or U) for {@code action} and the attribute's Type; simple actions pass. */
    public static Action resolve(Action action, AttributeType type) {
        boolean t1 = type == AttributeType.TYPE_1 || type == AttributeType.TYPE_1C || type == AttributeType.UNKNOWN;
        boolean t2 = type == AttributeType.TYPE_2 || type == AttributeType.TYPE_2C;
        return switch (action) {
            case Z_D -> t1 ? Action.D : Action.Z;
            case X_Z -> t1 || t2 ? Action.Z : Action.X;
            case X_D -> t1 || t2 ? Action.D : Action.X;
            case X_Z_D -> t1 ? Action.D : t2 ? Action.Z : Action.X;
            case X_Z_U_STAR -> t1 ? Action.U : t2 ? Action.Z : Action.X;
            default -> action;
        };
    }
}
