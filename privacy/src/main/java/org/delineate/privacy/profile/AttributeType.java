package org.delineate.privacy.profile;

/**
 * The Type of an attribute in an IOD (PS3.5 7.4): whether it must be present and whether it may be empty.
 * {@link #UNKNOWN} when the IOD or the attribute's place in it is not known.
 */
public enum AttributeType {
    TYPE_1, TYPE_1C, TYPE_2, TYPE_2C, TYPE_3, UNKNOWN
}
