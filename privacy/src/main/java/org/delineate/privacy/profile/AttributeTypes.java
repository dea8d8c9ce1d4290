package org.delineate.privacy.profile;

/**
 * Where the Type of an attribute in an IOD comes from, for resolving combined actions ({@link CombinedActions}).
 * Implementations are immutable and thread-safe.
 *
 * <p>NB: the module tables with attribute Types (innolitics' module_to_attributes) are not among the standard's
 * tables the project holds, so the engine uses {@link #unknown()} unless given a table; the combined actions then
 * take their conformance-preserving alternative.
 */
@FunctionalInterface
public interface AttributeTypes {

    /**
     * The Type of {@code tag} at {@code path} in an instance of {@code sopClassUid}.
     *
     * @param sopClassUid the instance's SOP Class UID, or "" when absent
     * @param path the attribute path of the item holding the attribute, "" at top level, e.g. "(0008,1140)[1]."
     * @param tag the attribute
     */
    AttributeType typeOf(String sopClassUid, String path, int tag);

    /** No knowledge: every attribute is {@link AttributeType#UNKNOWN}. */
    AttributeTypes UNKNOWN = (sopClass, path, tag) -> AttributeType.UNKNOWN;

    /** No knowledge: every attribute is {@link AttributeType#UNKNOWN} ({@link #UNKNOWN}). */
    static AttributeTypes unknown() {
        return UNKNOWN;
    }
}
