package org.delineate.dicom.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the structural fields of a DICOM file are: value lengths, VR codes, element and item
 * starts, the File Meta Information elements. Found by a small walk written independently of the
 * reader under test, so that mutations can aim at real fields. Best effort: the walk stops quietly
 * at the first thing it does not understand and keeps what it found. Offsets are 0-based byte
 * offsets in the file. Not thread-safe while scanning; read-only afterwards.
 */
final class SeedLayout {

    /** A value length field: {@code width} (2 or 4) bytes at {@code offset}. */
    record LengthField(int offset, int width, boolean bigEndian) {
    }

    /** An element of group 0002: the bytes {@code [start, end)}, value at {@code valueStart}. */
    record MetaElement(int tag, int start, int valueStart, int end) {
    }

    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final String LONG_VRS = "OB OD OF OL OV OW SQ UC UN UR UT SV UV";
    private static final int MAX_DEPTH = 32;

    final List<LengthField> lengths = new ArrayList<>();
    final List<Integer> vrOffsets = new ArrayList<>();
    final List<Integer> elementStarts = new ArrayList<>();
    final List<MetaElement> meta = new ArrayList<>();
    /** Offset of the first byte after the preamble ("DICM" included), 0 when there is none. */
    int metaStart;
    /** Offset of the first byte of the data set proper (after group 0002). */
    int bodyStart;
    /** The Transfer Syntax UID of the meta, or null. */
    String transferSyntax;
    boolean explicit = true;
    boolean bigEndian;

    private final byte[] b;

    private SeedLayout(byte[] bytes) {
        this.b = bytes;
    }

    /** Scans the preamble and the File Meta Information only. */
    static SeedLayout scanMeta(byte[] bytes) {
        SeedLayout layout = new SeedLayout(bytes);
        try {
            layout.walkMeta();
        } catch (Stop e) {
            // NB: best effort, keep what was found.
        }
        return layout;
    }

    /** Scans the whole file (not the data set of a deflated file). */
    static SeedLayout scan(byte[] bytes) {
        SeedLayout layout = new SeedLayout(bytes);
        try {
            layout.walkMeta();
            layout.guessEncoding();
            if (!DEFLATED.equals(layout.transferSyntax)) {
                layout.dataSet(layout.bodyStart, bytes.length, 0);
            }
        } catch (Stop e) {
            // NB: best effort, keep what was found.
        }
        return layout;
    }

    boolean deflated() {
        return DEFLATED.equals(transferSyntax);
    }

    private void walkMeta() {
        int pos = 0;
        if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            pos = 132;
        }
        metaStart = pos;
        bodyStart = pos;
        while (pos + 8 <= b.length && b[pos] == 2 && b[pos + 1] == 0) {
            int tag = tagAt(pos, false);
            boolean longHeader = LONG_VRS.contains(ascii(pos + 4, 2));
            int valueStart = pos + (longHeader ? 12 : 8);
            long length = longHeader ? u32(pos + 8, false) : u16(pos + 6, false);
            int end = checkedEnd(valueStart, length);
            meta.add(new MetaElement(tag, pos, valueStart, end));
            elementStarts.add(pos);
            vrOffsets.add(pos + 4);
            lengths.add(new LengthField(longHeader ? pos + 8 : pos + 6, longHeader ? 4 : 2, false));
            if (tag == 0x00020010) {
                transferSyntax = ascii(valueStart, end - valueStart).replace("\0", "").trim();
            }
            pos = end;
            bodyStart = pos;
        }
    }

    private void guessEncoding() {
        if (transferSyntax != null) {
            explicit = !IMPLICIT_LE.equals(transferSyntax);
            bigEndian = EXPLICIT_BE.equals(transferSyntax);
            return;
        }
        need(bodyStart, 6);
        bigEndian = b[bodyStart] == 0 && b[bodyStart + 1] != 0;
        explicit = isUpper(b[bodyStart + 4]) && isUpper(b[bodyStart + 5]);
    }

    /** Walks elements in {@code [pos, end)}; with {@code end < 0}, until an Item Delimitation Item. */
    private int dataSet(int pos, int end, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Stop();
        }
        int limit = end < 0 ? b.length : end;
        while (pos + 8 <= limit) {
            int tag = tagAt(pos, bigEndian);
            elementStarts.add(pos);
            if (tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION) {
                lengths.add(new LengthField(pos + 4, 4, bigEndian));
                return pos + 8;
            }
            String vr = null;
            int valueStart;
            long length;
            if (explicit) {
                vr = ascii(pos + 4, 2);
                vrOffsets.add(pos + 4);
                boolean longHeader = LONG_VRS.contains(vr);
                valueStart = pos + (longHeader ? 12 : 8);
                length = longHeader ? u32(pos + 8, bigEndian) : u16(pos + 6, bigEndian);
                lengths.add(new LengthField(longHeader ? pos + 8 : pos + 6, longHeader ? 4 : 2, bigEndian));
            } else {
                valueStart = pos + 8;
                length = u32(pos + 4, bigEndian);
                lengths.add(new LengthField(pos + 4, 4, bigEndian));
            }
            if (length == 0xFFFFFFFFL) {
                pos = tag == 0x7FE00010 || "OB".equals(vr) || "OW".equals(vr)
                        ? fragments(valueStart) : sequence(valueStart, -1, depth);
                continue;
            }
            int valueEnd = checkedEnd(valueStart, length);
            if ("SQ".equals(vr) || (!explicit && startsWithItem(valueStart, valueEnd))) {
                sequence(valueStart, valueEnd, depth);
            }
            pos = valueEnd;
        }
        return pos;
    }

    private int sequence(int pos, int end, int depth) {
        int limit = end < 0 ? b.length : end;
        while (pos + 8 <= limit) {
            int tag = tagAt(pos, bigEndian);
            elementStarts.add(pos);
            lengths.add(new LengthField(pos + 4, 4, bigEndian));
            long length = u32(pos + 4, bigEndian);
            if (tag == SEQUENCE_DELIMITATION) {
                return pos + 8;
            }
            if (tag != ITEM) {
                throw new Stop();
            }
            pos = length == 0xFFFFFFFFL ? dataSet(pos + 8, -1, depth + 1)
                    : dataSet(pos + 8, checkedEnd(pos + 8, length), depth + 1);
        }
        return pos;
    }

    private int fragments(int pos) {
        while (pos + 8 <= b.length) {
            int tag = tagAt(pos, bigEndian);
            elementStarts.add(pos);
            lengths.add(new LengthField(pos + 4, 4, bigEndian));
            long length = u32(pos + 4, bigEndian);
            if (tag == SEQUENCE_DELIMITATION) {
                return pos + 8;
            }
            if (tag != ITEM) {
                throw new Stop();
            }
            pos = checkedEnd(pos + 8, length);
        }
        throw new Stop();
    }

    private boolean startsWithItem(int pos, int end) {
        return end - pos >= 8 && tagAt(pos, bigEndian) == ITEM;
    }

    private int checkedEnd(int start, long length) {
        if (length < 0 || start + length > b.length) {
            throw new Stop();
        }
        return (int) (start + length);
    }

    private void need(int pos, int n) {
        if (pos < 0 || pos + n > b.length) {
            throw new Stop();
        }
    }

    private int tagAt(int pos, boolean big) {
        return (u16(pos, big) << 16) | u16(pos + 2, big);
    }

    private int u16(int pos, boolean big) {
        need(pos, 2);
        int b0 = b[pos] & 0xFF;
        int b1 = b[pos + 1] & 0xFF;
        return big ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    private long u32(int pos, boolean big) {
        long hi = u16(big ? pos : pos + 2, big);
        long lo = u16(big ? pos + 2 : pos, big);
        return (hi << 16) | lo;
    }

    private String ascii(int pos, int n) {
        need(pos, n);
        return new String(b, pos, n, StandardCharsets.ISO_8859_1);
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Ends the walk at something it does not understand. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }
}
