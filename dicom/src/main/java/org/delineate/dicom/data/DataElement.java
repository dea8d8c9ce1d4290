package org.delineate.dicom.data;

import java.util.Objects;

/**
 * A Data Element: tag, VR and value, where the value is one of raw bytes (in the byte order of the
 * data set holding the element, exactly as encoded, padding included), a {@link Sequence}, the
 * {@link Fragments} of encapsulated Pixel Data, or {@link BulkData} left in the file.
 *
 * <p>Immutable apart from the contents of a sequence or fragments. NB: {@link #bytes()} returns
 * the stored array, not a copy, so that large values are not copied; callers must not modify it.
 */
public final class DataElement {

    private final int tag;
    private final VR vr;
    private final Object value;

    private DataElement(int tag, VR vr, Object value) {
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr, "vr");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** An element whose value is raw bytes in the byte order of the data set it goes into. */
    public static DataElement of(int tag, VR vr, byte[] value) {
        return new DataElement(tag, vr, value);
    }

    /** A sequence element (VR SQ, or UN for a sequence encoded as UN with undefined length). */
    public static DataElement of(int tag, VR vr, Sequence value) {
        return new DataElement(tag, vr, value);
    }

    /** Encapsulated Pixel Data (VR OB, or the VR it was read with). */
    public static DataElement of(int tag, VR vr, Fragments value) {
        return new DataElement(tag, vr, value);
    }

    /** An element whose value stays in its file. */
    public static DataElement of(int tag, VR vr, BulkData value) {
        return new DataElement(tag, vr, value);
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    /** The same value with another VR (e.g. a UN element given its dictionary VR). */
    public DataElement withVr(VR newVr) {
        return new DataElement(tag, newVr, value);
    }

    public boolean hasBytes() {
        return value instanceof byte[];
    }

    public boolean isSequence() {
        return value instanceof Sequence;
    }

    public boolean isFragments() {
        return value instanceof Fragments;
    }

    public boolean isBulkData() {
        return value instanceof BulkData;
    }

    /** The raw value, not a copy; throws {@link IllegalStateException} if the value is not held as bytes. */
    public byte[] bytes() {
        if (!(value instanceof byte[])) {
            throw new IllegalStateException(Tags.toString(tag) + " holds a " + kindName() + ", not bytes");
        }
        return (byte[]) value;
    }

    public Sequence sequence() {
        if (!(value instanceof Sequence)) {
            throw new IllegalStateException(Tags.toString(tag) + " holds " + kindName() + ", not a sequence");
        }
        return (Sequence) value;
    }

    public Fragments fragments() {
        if (!(value instanceof Fragments)) {
            throw new IllegalStateException(Tags.toString(tag) + " holds " + kindName() + ", not fragments");
        }
        return (Fragments) value;
    }

    public BulkData bulkData() {
        if (!(value instanceof BulkData)) {
            throw new IllegalStateException(Tags.toString(tag) + " holds " + kindName() + ", not bulk data");
        }
        return (BulkData) value;
    }

    /** The value length in bytes for byte and bulk values; -1 for sequences and fragments. */
    public long length() {
        if (value instanceof byte[]) {
            return ((byte[]) value).length;
        }
        return value instanceof BulkData ? ((BulkData) value).length() : -1;
    }

    /** True for a zero-length byte value or an empty sequence. */
    public boolean isEmpty() {
        return length() == 0 || (value instanceof Sequence && ((Sequence) value).isEmpty());
    }

    private String kindName() {
        return value instanceof byte[] ? "bytes" : value instanceof Sequence ? "a sequence"
                : value instanceof Fragments ? "fragments" : "bulk data";
    }

    @Override
    public String toString() {
        return Tags.toString(tag) + " " + vr + " " + kindName()
                + (value instanceof byte[] ? "[" + ((byte[]) value).length + "]" : "");
    }
}
