package org.delineate.privacy.pixels;

/** What pixel redaction did with a data set. */
public enum Decision {
    /** No rule applies and nothing suggests burned-in text: Pixel Data untouched (the data set unmodified). */
    UNCHANGED,
    /** One or more rules applied: their rectangles blanked in every frame, BurnedInAnnotation set to NO. */
    REDACTED,
    /** Burned-in text is possible and no rule covers the image (or it cannot be redacted): not to be released. */
    WITHHELD
}
