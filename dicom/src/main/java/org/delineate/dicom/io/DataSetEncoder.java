package org.delineate.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;

/**
 * Encodes data sets in one VR encoding and byte order (PS3.5 section 7): values converted from
 * the byte order they are held in, odd values padded, group lengths recomputed, sequences and
 * items with the defined or undefined length they carry. Contents of UN sequences are always
 * Implicit VR Little Endian (PS3.5 6.2.2).
 */
final class DataSetEncoder {

    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final OutputStream out;
    private final byte[] scratch = new byte[12];

    DataSetEncoder(OutputStream out) {
        this.out = out;
    }

    void write(DataSet dataSet, boolean explicit, boolean bigEndian) throws IOException {
        for (DataElement e : dataSet) {
            if (Tags.isGroupLength(e.tag()) && !Tags.isItemOrDelimiter(e.tag())) {
                long length = groupLength(dataSet, Tags.group(e.tag()), explicit);
                header(e.tag(), VR.UL, 4, explicit, bigEndian);
                writeInt(length, bigEndian);
                continue;
            }
            writeElement(e, dataSet.bigEndian(), explicit, bigEndian);
        }
    }

    private void writeElement(DataElement e, boolean sourceBig, boolean explicit, boolean big) throws IOException {
        if (e.isSequence()) {
            writeSequence(e, explicit, big);
        } else if (e.isFragments()) {
            header(e.tag(), e.vr(), UNDEFINED, explicit, big);
            Fragments fragments = e.fragments();
            for (int i = 0; i < fragments.size(); i++) {
                byte[] item = fragments.item(i);
                itemHeader(Tags.ITEM, item.length, big);
                out.write(item);
                if ((item.length & 1) == 1) {
                    out.write(0);
                }
            }
            itemHeader(Tags.SEQUENCE_DELIMITATION, 0, big);
        } else {
            VR vr = headerVr(e, explicit);
            long length = valueLength(e);
            header(e.tag(), vr, length, explicit, big);
            int unit = e.vr() == VR.UN || e.vr() == VR.OB ? 1 : e.vr().unitSize();
            boolean swap = sourceBig != big && unit > 1;
            if (e.isBulkData()) {
                copyBulk(e.bulkData(), swap ? unit : 1);
            } else {
                byte[] value = e.bytes();
                out.write(swap ? ByteSwap.swapped(value, unit) : value);
            }
            if ((e.length() & 1) == 1) {
                out.write(e.vr().paddingByte());
            }
        }
    }

    private void writeSequence(DataElement e, boolean explicit, boolean big) throws IOException {
        Sequence sequence = e.sequence();
        boolean un = e.vr() == VR.UN;
        boolean itemsExplicit = explicit && !un;
        boolean itemsBig = big && !un;
        boolean undefined = undefinedLength(e, explicit);
        header(e.tag(), e.vr(), undefined ? UNDEFINED : sequenceLength(sequence, itemsExplicit), explicit, big);
        for (DataSet item : sequence) {
            itemHeader(Tags.ITEM, item.undefinedLength() ? UNDEFINED : dataSetLength(item, itemsExplicit), itemsBig);
            write(item, itemsExplicit, itemsBig);
            if (item.undefinedLength()) {
                itemHeader(Tags.ITEM_DELIMITATION, 0, itemsBig);
            }
        }
        if (undefined) {
            itemHeader(Tags.SEQUENCE_DELIMITATION, 0, itemsBig);
        }
    }

    /**
     * NB: a sequence held as UN (private, or unknown to the dictionary) is written with undefined
     * length in Implicit VR, the only way a reader without the VR can tell it is a sequence (PS3.5 7.5.1).
     */
    private static boolean undefinedLength(DataElement e, boolean explicit) {
        return e.sequence().undefinedLength() || (!explicit && e.vr() == VR.UN);
    }

    /**
     * NB: a value too long for a 16-bit length field is written as UN (PS3.5 6.2.2), as happens
     * when a long LUT read from Implicit VR is written in Explicit VR.
     */
    private static VR headerVr(DataElement e, boolean explicit) {
        if (explicit && !e.vr().longHeader() && valueLength(e) > 0xFFFF) {
            return VR.UN;
        }
        return e.vr();
    }

    private static long valueLength(DataElement e) {
        long length = e.length();
        return length + (length & 1);
    }

    private void copyBulk(BulkData bulk, int unit) throws IOException {
        try (FileChannel in = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            if (unit == 1 && out instanceof ChannelOutput channelOutput) {
                // NB: file to file in the kernel: no copy of the value through Java arrays.
                channelOutput.transferFrom(in, bulk.file().toString(), bulk.offset(), bulk.length());
                return;
            }
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long position = bulk.offset();
            long left = bulk.length();
            while (left > 0) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), left));
                while (chunk.hasRemaining()) {
                    if (in.read(chunk, position + chunk.position()) < 0) {
                        throw new EOFException(bulk.file() + ": file ends at byte " + (position + chunk.position())
                                + " inside a value of " + bulk.length() + " bytes that starts at byte "
                                + bulk.offset());
                    }
                }
                int n = chunk.position();
                byte[] bytes = chunk.array();
                out.write(unit > 1 ? ByteSwap.swapped(java.util.Arrays.copyOf(bytes, n), unit) : bytes, 0, n);
                position += n;
                left -= n;
            }
        }
    }

    // Lengths.

    long dataSetLength(DataSet dataSet, boolean explicit) {
        long total = 0;
        for (DataElement e : dataSet) {
            total += elementLength(e, explicit);
        }
        return total;
    }

    private long groupLength(DataSet dataSet, int group, boolean explicit) {
        long total = 0;
        for (DataElement e : dataSet.range(Tags.of(group, 1), Tags.of(group, 0xFFFF))) {
            total += elementLength(e, explicit);
        }
        return total;
    }

    private long elementLength(DataElement e, boolean explicit) {
        if (e.isSequence()) {
            Sequence sequence = e.sequence();
            long header = explicit ? 12 : 8;
            boolean itemsExplicit = explicit && e.vr() != VR.UN;
            return header + sequenceLength(sequence, itemsExplicit) + (undefinedLength(e, explicit) ? 8 : 0);
        }
        if (e.isFragments()) {
            long total = explicit ? 12 : 8;
            Fragments fragments = e.fragments();
            for (int i = 0; i < fragments.size(); i++) {
                long length = fragments.itemLength(i);
                total += 8 + length + (length & 1);
            }
            return total + 8;
        }
        VR vr = headerVr(e, explicit);
        long header = !explicit ? 8 : vr.longHeader() ? 12 : 8;
        return header + valueLength(e);
    }

    private long sequenceLength(Sequence sequence, boolean explicit) {
        long total = 0;
        for (DataSet item : sequence) {
            total += 8 + dataSetLength(item, explicit) + (item.undefinedLength() ? 8 : 0);
        }
        return total;
    }

    // Headers.

    /** Writes an element header only; its value follows from the caller. */
    void writeHeader(int tag, VR vr, long length, boolean explicit, boolean big) throws IOException {
        header(tag, vr, length, explicit, big);
    }

    private void header(int tag, VR vr, long length, boolean explicit, boolean big) throws IOException {
        writeTag(tag, big);
        if (!explicit) {
            writeInt(length, big);
            return;
        }
        scratch[0] = (byte) vr.name().charAt(0);
        scratch[1] = (byte) vr.name().charAt(1);
        out.write(scratch, 0, 2);
        if (vr.longHeader()) {
            writeShort(0, big);
            writeInt(length, big);
        } else {
            writeShort((int) length, big);
        }
    }

    private void itemHeader(int tag, long length, boolean big) throws IOException {
        writeTag(tag, big);
        writeInt(length, big);
    }

    private void writeTag(int tag, boolean big) throws IOException {
        writeShort(Tags.group(tag), big);
        writeShort(Tags.element(tag), big);
    }

    private void writeShort(int value, boolean big) throws IOException {
        if (big) {
            scratch[0] = (byte) (value >>> 8);
            scratch[1] = (byte) value;
        } else {
            scratch[0] = (byte) value;
            scratch[1] = (byte) (value >>> 8);
        }
        out.write(scratch, 0, 2);
    }

    private void writeInt(long value, boolean big) throws IOException {
        for (int i = 0; i < 4; i++) {
            int shift = big ? 24 - 8 * i : 8 * i;
            scratch[i] = (byte) (value >>> shift);
        }
        out.write(scratch, 0, 4);
    }
}
