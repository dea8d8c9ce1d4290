package org.delineate.dicom.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;

/**
 * Parses the elements of a data set, its sequences and encapsulated pixel data from a
 * {@link DicomInput} (PS3.5 sections 7.1 to 7.5 and A.4). One parser reads one file.
 */
final class DataSetParser {

    static final long UNDEFINED = 0xFFFFFFFFL;

    private final DicomInput in;
    private final ReadOptions options;
    private final Path file;
    private final List<Deviation> deviations;
    private final ImplicitVr implicitVr = new ImplicitVr();
    private boolean stopped;

    /**
     * @param file the file being read, when the input is that file unchanged (enables lazy pixel data), else null
     */
    DataSetParser(DicomInput in, ReadOptions options, Path file, List<Deviation> deviations) {
        this.in = in;
        this.options = options;
        this.file = file;
        this.deviations = deviations;
    }

    /** True when parsing stopped at Pixel Data because of {@link ReadOptions#stopBeforePixelData()}. */
    boolean stoppedBeforePixelData() {
        return stopped;
    }

    /**
     * Reads elements into {@code target} until {@code end} (an absolute offset), the end of the
     * input ({@code end < 0} at depth 0), or an Item Delimitation Item ({@code end < 0} in an item).
     */
    void parse(DataSet target, long end, boolean explicit, int depth) throws IOException {
        if (depth > options.maxDepth()) {
            throw in.error(-1, "sequences nested deeper than " + options.maxDepth() + " levels");
        }
        int previous = -1;
        GroupLengthCheck groupLength = new GroupLengthCheck();
        while (true) {
            if (end >= 0 ? in.position() >= end : in.atEnd()) {
                groupLength.finish(in.position());
                if (end < 0 && depth > 0) {
                    deviate(-1, "file ends inside an item of undefined length: expected an Item Delimitation Item (FFFE,E00D)");
                }
                return;
            }
            long start = in.position();
            int tag = in.readTag();
            if (tag == Tags.ITEM_DELIMITATION) {
                long length = in.readUnsignedInt("a delimiter length");
                if (length != 0) {
                    deviate(in.position(), tag, () -> "delimiter with length " + length + ", expected 0");
                }
                if (end < 0 && depth > 0) {
                    groupLength.finish(start);
                    return;
                }
                deviate(tag, "Item Delimitation Item outside an item of undefined length, ignored");
                continue;
            }
            if (tag == Tags.SEQUENCE_DELIMITATION || tag == Tags.ITEM) {
                long length = in.readUnsignedInt("a delimiter length");
                if (depth == 0 && end < 0 && tag == Tags.SEQUENCE_DELIMITATION) {
                    deviate(tag, "stray Sequence Delimitation Item in the data set, ignored");
                    continue;
                }
                throw error(start, tag, "unexpected " + (tag == Tags.ITEM ? "Item" : "Sequence Delimitation Item")
                        + " (length " + length + ") among the elements of a data set");
            }
            if (previous != -1 && Integer.compareUnsigned(tag, previous) <= 0) {
                int before = previous;
                deviate(start, tag, () -> tag == before ? "duplicate element; the last one is kept"
                        : "element out of ascending tag order after " + Tags.toString(before));
            }
            previous = tag;
            groupLength.next(tag, start);
            if (!readElement(target, tag, start, explicit, depth)) {
                stopped = true;
                return;
            }
            if (end >= 0 && in.position() > end) {
                throw error(start, tag, "element runs " + (in.position() - end) + " bytes past the end of its item");
            }
            if (Tags.isGroupLength(tag)) {
                // NB: only a short value can be a group length; noise can make long ones, not worth decoding.
                DataElement element = target.get(tag);
                groupLength.declared(element != null && element.length() > 0 && element.length() <= 64
                        ? target.getLongs(tag) : new long[0], in.position());
            }
        }
    }

    /** Compares each group length element (gggg,0000) with the bytes its group actually takes. */
    private final class GroupLengthCheck {
        private int group = -1;
        private int lengthTag;
        private long declared = -1;
        private long groupStart;

        void declared(long[] value, long position) {
            declared = value.length == 1 ? value[0] : -1;
            lengthTag = Tags.of(group, 0);
            groupStart = position;
        }

        void next(int tag, long start) throws DicomFormatException {
            if (Tags.group(tag) != group) {
                finish(start);
                group = Tags.group(tag);
            }
        }

        void finish(long groupEnd) throws DicomFormatException {
            if (declared >= 0 && groupEnd - groupStart != declared) {
                long value = declared;
                deviate(groupStart, lengthTag, () -> "group length is " + value + " but the group has "
                        + (groupEnd - groupStart) + " bytes");
            }
            declared = -1;
        }
    }

    /** Reads the elements of group 0002 that follow, Explicit VR Little Endian as PS3.10 7.1 requires. */
    void parseFileMeta(DataSet meta) throws IOException {
        while (in.peek(0) == 0x02 && in.peek(1) == 0x00) {
            long start = in.position();
            int tag = in.readTag();
            readElement(meta, tag, start, true, 1);
        }
    }

    /** Reads one element after its tag; returns false when reading stops before Pixel Data. */
    private boolean readElement(DataSet target, int tag, long start, boolean explicit, int depth) throws IOException {
        VR vr;
        long length;
        if (explicit) {
            int c0 = in.peek(0);
            int c1 = in.peek(1);
            vr = VR.of(c0, c1);
            if (vr == null && (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z')) {
                deviate(start, tag, () -> "no VR in an Explicit VR data set (bytes " + hex(c0) + " " + hex(c1)
                        + "): read as Implicit VR");
                vr = implicitVr.of(tag, target);
                length = in.readUnsignedInt("a value length");
            } else {
                in.readUnsignedShort("a VR");
                if (vr == null) {
                    deviate(start, tag, () -> "unknown VR \"" + (char) c0 + (char) c1 + "\": read as UN");
                    vr = VR.UN;
                    in.readUnsignedShort("reserved bytes");
                    length = in.readUnsignedInt("a value length");
                } else if (vr.longHeader()) {
                    in.readUnsignedShort("reserved bytes");
                    length = in.readUnsignedInt("a value length");
                } else {
                    length = in.readUnsignedShort("a value length");
                }
            }
        } else {
            vr = implicitVr.of(tag, target);
            length = in.readUnsignedInt("a value length");
        }
        if (depth == 0 && tag == Tags.PIXEL_DATA && options.stopBeforePixelData() && !lazy()) {
            return false;
        }
        if (length == UNDEFINED) {
            readUndefinedLength(target, tag, vr, start, explicit, depth);
            return true;
        }
        if ((length & 1) == 1) {
            long odd = length;
            deviate(start, tag, () -> "odd value length " + odd + ", the standard requires even lengths");
        }
        if (vr == VR.SQ) {
            target.put(DataElement.of(tag, vr, readSequence(target, tag, in.position() + length, explicit, depth)));
        } else if (vr == VR.UN && implicitVr.ambiguity(tag) == null && isSequenceInDictionary(tag)) {
            readUnknownAsSequence(target, tag, length, depth);
        } else if (depth == 0 && tag == Tags.PIXEL_DATA && lazy()) {
            long offset = in.position();
            in.skip(length, tag);
            target.put(DataElement.of(tag, vr, new BulkData(file, offset, length)));
        } else {
            target.put(DataElement.of(tag, vr, in.readBytes(length, tag)));
        }
        return true;
    }

    private void readUndefinedLength(DataSet target, int tag, VR vr, long start, boolean explicit, int depth)
            throws IOException {
        if (vr == VR.SQ) {
            target.put(DataElement.of(tag, vr, readSequence(target, tag, -1, explicit, depth)));
        } else if (tag == Tags.PIXEL_DATA || (explicit && (vr == VR.OB || vr == VR.OW) && in.peek(0) == 0xFE)) {
            // NB: encapsulated Pixel Data is OB (PS3.5 A.4); read without a VR (Implicit VR, or UN) it
            // must not take the OW that the dictionary's "OB or OW" gives native Pixel Data.
            target.put(DataElement.of(tag, vr == VR.UN || !explicit ? VR.OB : vr, readFragments(tag, depth)));
        } else if (vr == VR.UN) {
            // PS3.5 6.2.2: a UN value of undefined length is a sequence in Implicit VR Little Endian.
            boolean big = in.bigEndian();
            in.bigEndian(false);
            Sequence sequence = readSequence(target, tag, -1, false, depth);
            in.bigEndian(big);
            target.put(DataElement.of(tag, VR.UN, sequence));
        } else if (!explicit) {
            deviate(start, tag, () -> "undefined length for a " + vr + " attribute in Implicit VR: read as a sequence");
            target.put(DataElement.of(tag, VR.SQ, readSequence(target, tag, -1, false, depth)));
        } else {
            throw error(start, tag, "undefined length (FFFFFFFFH) for VR " + vr
                    + ", allowed only for SQ, UN and encapsulated Pixel Data");
        }
    }

    private Sequence readSequence(DataSet parent, int tag, long end, boolean explicit, int depth) throws IOException {
        Sequence sequence = new Sequence(parent);
        sequence.setUndefinedLength(end < 0);
        while (true) {
            if (end >= 0 && in.position() >= end) {
                if (in.position() > end) {
                    throw in.error(tag, "items run " + (in.position() - end) + " bytes past the end of the sequence");
                }
                return sequence;
            }
            if (end < 0 && in.atEnd()) {
                deviate(tag, "file ends inside a sequence of undefined length: expected a Sequence Delimitation Item");
                return sequence;
            }
            long start = in.position();
            int itemTag = in.readTag();
            long length = in.readUnsignedInt("an item length");
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                if (end < 0) {
                    return sequence;
                }
                deviate(start, tag, "Sequence Delimitation Item in a sequence of defined length, ignored");
                continue;
            }
            if (itemTag != Tags.ITEM) {
                throw error(start, tag, "expected an Item (FFFE,E000) in the sequence, found " + Tags.toString(itemTag));
            }
            DataSet item = sequence.addItem();
            item.setBigEndian(in.bigEndian());
            item.setUndefinedLength(length == UNDEFINED);
            if (length != UNDEFINED) {
                long remaining = in.remaining();
                if (remaining >= 0 && length > remaining) {
                    throw error(start, tag, "item length " + length + " exceeds the " + remaining + " bytes left in the file");
                }
                if (end >= 0 && in.position() + length > end) {
                    throw error(start, tag, "item length " + length + " runs past the end of the sequence");
                }
            }
            parse(item, length == UNDEFINED ? -1 : in.position() + length, explicit, depth + 1);
        }
    }

    private Fragments readFragments(int tag, int depth) throws IOException {
        Fragments fragments = new Fragments();
        boolean keepInFile = depth == 0 && lazy();
        while (true) {
            long start = in.position();
            int itemTag = in.readTag();
            long length = in.readUnsignedInt("a fragment length");
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (itemTag != Tags.ITEM) {
                throw error(start, tag, "expected an Item (FFFE,E000) of encapsulated pixel data, found "
                        + Tags.toString(itemTag));
            }
            if (keepInFile) {
                long offset = in.position();
                in.skip(length, tag);
                fragments.add(new BulkData(file, offset, length));
            } else {
                fragments.add(in.readBytes(length, tag));
            }
        }
    }

    /**
     * NB: like pydicom, a UN element that the dictionary knows as SQ is read as a sequence in
     * Implicit VR Little Endian; if that fails, its bytes are kept as they are.
     */
    private void readUnknownAsSequence(DataSet target, int tag, long length, int depth) throws IOException {
        byte[] bytes = in.readBytes(length, tag);
        DicomInput inner = new DicomInput(new java.io.ByteArrayInputStream(bytes), in.source(), bytes.length, false);
        DataSetParser parser = new DataSetParser(inner, options.withLazyPixelData(false), null, deviations);
        try {
            Sequence sequence = parser.readSequence(target, tag, bytes.length, false, depth);
            sequence.setUndefinedLength(false);
            target.put(DataElement.of(tag, VR.UN, sequence));
        } catch (DicomFormatException e) {
            deviate(tag, "UN value of a sequence attribute is not an Implicit VR sequence; kept as bytes");
            target.put(DataElement.of(tag, VR.UN, bytes));
        }
    }

    private boolean isSequenceInDictionary(int tag) {
        return !Tags.isPrivate(tag) && implicitVr.of(tag, null) == VR.SQ;
    }

    private boolean lazy() {
        return options.lazyPixelData() && file != null && !in.inflated();
    }

    private void deviate(int tag, String message) throws DicomFormatException {
        deviate(in.position(), tag, message);
    }

    private void deviate(long offset, int tag, String message) throws DicomFormatException {
        deviate(offset, tag, () -> message);
    }

    /**
     * NB: the message is built only when it is used, since noise read as elements can deviate at
     * every element and at most {@link Deviation#MAX_RECORDED} are kept.
     */
    private void deviate(long offset, int tag, Supplier<String> message) throws DicomFormatException {
        switch (options.deviations()) {
            case FAIL:
                throw new DicomFormatException(in.source(), offset, tag, message.get());
            case WARN:
                if (Deviation.roomFor(deviations)) {
                    Deviation.record(deviations, new Deviation(offset, tag, message.get()));
                }
                break;
            default:
                break;
        }
    }

    private DicomFormatException error(long offset, int tag, String problem) {
        return new DicomFormatException(in.source(), offset, tag, problem);
    }

    private static String hex(int b) {
        return b < 0 ? "EOF" : Tags.toString(b).substring(8, 10);
    }
}
