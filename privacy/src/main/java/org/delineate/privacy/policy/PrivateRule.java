package org.delineate.privacy.policy;

import org.delineate.privacy.profile.Action;

/**
 * A policy's action for private data elements of one private creator: all of its elements, or one element
 * (group and offset in the creator's block).
 *
 * @param creator the Private Creator value, compared after stripping padding
 * @param group the odd group, or -1 for any group
 * @param offset the element's offset in the block (0x00-0xFF), or -1 for every element of the creator
 * @param action the action (K keeps, X removes, Z empties, D replaces with a dummy)
 */
public record PrivateRule(String creator, int group, int offset, Action action) {

    /** True when this rule covers private data element {@code tag} of a block reserved by {@code creator}. */
    public boolean matches(String creatorValue, int tag) {
        return creatorValue != null && creator.equals(creatorValue.strip())
                && (group < 0 || group == tag >>> 16) && (offset < 0 || offset == (tag & 0xFF));
    }
}
