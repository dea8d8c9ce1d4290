package org.delineate.dicom.data;

import java.util.Collection;
import java.util.Iterator;

import org.delineate.dicom.charset.SpecificCharacterSet;

/**
 * A Data Set: elements in ascending tag order, each tag at most once. Items of sequences are data
 * sets too; they inherit the Specific Character Set of the data set holding the sequence unless
 * they have their own (0008,0005). Byte values are stored in this data set's byte order.
 *
 * <p>Typed access is through {@link #get(int)} and the getters and setters here, which decode with
 * {@link Values}. Not thread-safe.
 */
public final class DataSet implements Iterable<DataElement> {

    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;

    private final ElementTable elements = new ElementTable();
    private DataSet parent;
    private boolean bigEndian;
    private boolean undefinedLength = true;

    /** An empty, top-level, little-endian data set. */
    public DataSet() {
    }

    /** An empty item of a sequence in {@code parent}, in the parent's byte order. */
    public DataSet(DataSet parent) {
        this.parent = parent;
        this.bigEndian = parent != null && parent.bigEndian;
    }

    void setParent(DataSet parent) {
        this.parent = parent;
    }

    /** The data set holding the sequence this item belongs to, or null at top level. */
    public DataSet parent() {
        return parent;
    }

    /** True when byte values are stored big-endian (read from Explicit VR Big Endian). */
    public boolean bigEndian() {
        return bigEndian;
    }

    public void setBigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    /** For items: true when encoded with undefined length and an Item Delimitation Item. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    /** The element with this tag, or null. */
    public DataElement get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.get(tag) != null;
    }

    /** Adds or replaces an element; returns the one replaced, or null. */
    public DataElement put(DataElement element) {
        return elements.put(element);
    }

    public DataElement remove(int tag) {
        return elements.remove(tag);
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.size() == 0;
    }

    /** The elements in ascending tag order (unmodifiable view). */
    public Collection<DataElement> elements() {
        return elements.all();
    }

    /** The elements with tags in {@code [from, to]}, ascending (unmodifiable view). */
    public Collection<DataElement> range(int from, int to) {
        return elements.range(from, to);
    }

    @Override
    public Iterator<DataElement> iterator() {
        return elements().iterator();
    }

    /** The character set for text values: this data set's (0008,0005), else the parent's, else the default. */
    public SpecificCharacterSet characterSet() {
        for (DataSet d = this; d != null; d = d.parent) {
            DataElement element = d.get(SPECIFIC_CHARACTER_SET);
            if (element != null && element.hasBytes()) {
                // NB: elements are immutable, so the parsed value of the same element object can be reused; one
                // holder object keeps element and value together for readers on several threads.
                ParsedCharacterSet parsed = d.parsedCharacterSet;
                if (parsed == null || parsed.element() != element) {
                    parsed = new ParsedCharacterSet(element,
                            SpecificCharacterSet.of(Values.strings(element.bytes(), VR.CS, SpecificCharacterSet.DEFAULT)));
                    d.parsedCharacterSet = parsed;
                }
                return parsed.characterSet();
            }
        }
        return SpecificCharacterSet.DEFAULT;
    }

    /** The last Specific Character Set element parsed, with its value. */
    private record ParsedCharacterSet(DataElement element, SpecificCharacterSet characterSet) {
    }

    private volatile ParsedCharacterSet parsedCharacterSet;

    // Typed getters.

    /** All values as strings (numbers of binary VRs in decimal, AT as "(gggg,eeee)"); empty for absent or non-value elements. */
    public String[] getStrings(int tag) {
        DataElement e = get(tag);
        if (e == null || !e.hasBytes()) {
            return new String[0];
        }
        return TypedValues.strings(e, this);
    }

    /** The first value as a string, or null when absent or empty. */
    public String getString(int tag) {
        String[] values = getStrings(tag);
        return values.length == 0 ? null : values[0];
    }

    /** The first value as a string, or {@code defaultValue}. */
    public String getString(int tag, String defaultValue) {
        String value = getString(tag);
        return value == null ? defaultValue : value;
    }

    /** The values of an integer element (IS, US, SS, UL, SL, SV, UV, or AT) as longs; empty when absent. */
    public long[] getLongs(int tag) {
        DataElement e = get(tag);
        return e == null || !e.hasBytes() ? new long[0] : TypedValues.longs(e, this);
    }

    /** The first integer value, or {@code defaultValue} when absent, empty or not a number. */
    public int getInt(int tag, int defaultValue) {
        long[] values = getLongs(tag);
        return values.length == 0 ? defaultValue : (int) values[0];
    }

    /** The integer values, as ints. */
    public int[] getInts(int tag) {
        long[] values = getLongs(tag);
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    /** The values of a numeric element (DS, IS, FL, FD, OF, OD or an integer VR) as doubles; empty when absent. */
    public double[] getDoubles(int tag) {
        DataElement e = get(tag);
        return e == null || !e.hasBytes() ? new double[0] : TypedValues.doubles(e, this);
    }

    /** The first numeric value, or {@code defaultValue}. */
    public double getDouble(int tag, double defaultValue) {
        double[] values = getDoubles(tag);
        return values.length == 0 ? defaultValue : values[0];
    }

    /** The first value of a DA element as a date, or null when absent or malformed. */
    public java.time.LocalDate getDate(int tag) {
        return DateTimes.parseDate(getString(tag));
    }

    /** The first value of a TM element as a time, or null when absent or malformed. */
    public java.time.LocalTime getTime(int tag) {
        return DateTimes.parseTime(getString(tag));
    }

    /** The first value of a DT element (LocalDateTime, or OffsetDateTime with a UTC offset), or null. */
    public java.time.temporal.Temporal getDateTime(int tag) {
        return DateTimes.parseDateTime(getString(tag));
    }

    /** The first value of an AT element as a tag, or -1 when absent. */
    public int getTag(int tag) {
        DataElement e = get(tag);
        if (e == null || !e.hasBytes() || e.vr() != VR.AT || e.length() < 4) {
            return -1;
        }
        return (int) Values.longs(e.bytes(), VR.AT, bigEndian)[0];
    }

    /** The sequence of an SQ element, or null when absent or not a sequence. */
    public Sequence getSequence(int tag) {
        DataElement e = get(tag);
        return e != null && e.isSequence() ? e.sequence() : null;
    }

    /** The first value of a PN element, or null. */
    public PersonName getPersonName(int tag) {
        String value = getString(tag);
        return value == null ? null : PersonName.parse(value);
    }

    /** The private creator string reserving the block of a private tag, or null. */
    public String privateCreatorOf(int tag) {
        int creator = Tags.privateCreatorOf(tag);
        return creator < 0 ? null : getString(creator);
    }

    /** The private element {@code (group, xx00 + offset)} of the block reserved by {@code creator}, or null. */
    public DataElement getPrivate(String creator, int group, int offset) {
        for (DataElement e : range(Tags.of(group, 0x0010), Tags.of(group, 0x00FF))) {
            String[] values = e.hasBytes() ? TypedValues.strings(e, this) : new String[0];
            if (values.length > 0 && creator.equals(values[0])) {
                return get(Tags.of(group, (Tags.element(e.tag()) << 8) | (offset & 0xFF)));
            }
        }
        return null;
    }

    // Setters; values are encoded in this data set's byte order and character set.

    /** Sets a text element (any text VR) to the given values. */
    public DataSet setString(int tag, VR vr, String... values) {
        put(DataElement.of(tag, vr, Values.encodeStrings(vr, characterSet(), values)));
        return this;
    }

    /** Sets an integer element: US, SS, UL, SL, AT, SV, UV, OW, OL, or IS as text. */
    public DataSet setLongs(int tag, VR vr, long... values) {
        if (vr == VR.IS) {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = Long.toString(values[i]);
            }
            return setString(tag, vr, text);
        }
        put(DataElement.of(tag, vr, Values.encodeLongs(vr, bigEndian, values)));
        return this;
    }

    /** Sets an integer element from ints (see {@link #setLongs}). */
    public DataSet setInts(int tag, VR vr, int... values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = vr == VR.UL || vr == VR.OL ? values[i] & 0xFFFFFFFFL : values[i];
        }
        return setLongs(tag, vr, longs);
    }

    /** Sets a numeric element: FL, FD, OF, OD, or DS as text (at most 16 characters per value). */
    public DataSet setDoubles(int tag, VR vr, double... values) {
        if (vr == VR.DS) {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = Values.formatDecimalString(values[i]);
            }
            return setString(tag, vr, text);
        }
        put(DataElement.of(tag, vr, Values.encodeDoubles(vr, bigEndian, values)));
        return this;
    }

    /** Sets a binary element to raw bytes in this data set's byte order (padded to even length). */
    public DataSet setBytes(int tag, VR vr, byte[] value) {
        put(DataElement.of(tag, vr, Values.padded(value, vr.paddingByte())));
        return this;
    }

    /** Puts a new, empty SQ element and returns its sequence. */
    public Sequence newSequence(int tag) {
        Sequence sequence = new Sequence(this);
        put(DataElement.of(tag, VR.SQ, sequence));
        return sequence;
    }

    @Override
    public String toString() {
        return "DataSet[" + elements.size() + " elements]";
    }
}
