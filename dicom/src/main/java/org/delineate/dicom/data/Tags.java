package org.delineate.dicom.data;

/** Functions on tags given as ints {@code 0xggggeeee}; tag constants are in {@code org.delineate.dicom.dict.Tag}. */
public final class Tags {

    /** (FFFE,E000) Item. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item. */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item. */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    /** (7FE0,0010) Pixel Data. */
    public static final int PIXEL_DATA = 0x7FE00010;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** "(gggg,eeee)" in upper-case hex, as the standard writes tags. */
    public static String toString(int tag) {
        // NB: by hand, not String.format: the reader formats a tag for each deviation it records.
        char[] text = {'(', 0, 0, 0, 0, ',', 0, 0, 0, 0, ')'};
        for (int i = 0; i < 4; i++) {
            text[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            text[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(text);
    }

    /** True for tags in odd groups other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) == 1 && group > 0x0007 && group != 0xFFFF;
    }

    /** True for Private Creator Data Elements (gggg,0010-00FF) of odd groups. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /** The private creator element (gggg,00xx) that reserves the block of a private tag (gggg,xxee), or -1. */
    public static int privateCreatorOf(int tag) {
        int element = element(tag);
        if (!isPrivate(tag) || element < 0x1000) {
            return -1;
        }
        return of(group(tag), element >>> 8);
    }

    /** True for group length tags (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** True for (FFFE,E000), (FFFE,E00D) and (FFFE,E0DD), which have no VR even in Explicit VR. */
    public static boolean isItemOrDelimiter(int tag) {
        return tag == ITEM || tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }
}
