package org.delineate.dicom.fuzz;

import static org.delineate.dicom.Bytes.concat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;

/**
 * One reproducible change to the bytes of a file. Every mutation applies to any input: offsets and
 * lengths beyond the input are clamped, so a mutation recorded in a failure report (its
 * {@code toString()}) rebuilds the same mutant from the same seed file, in a regression test too.
 * Offsets are 0-based byte offsets. Immutable.
 */
sealed interface Mutation {

    /** The mutant: a new array, {@code input} is not changed. */
    byte[] apply(byte[] input, SeedCorpus corpus);

    /** Flips the bits numbered {@code byteOffset * 8 + bit}. */
    record BitFlips(List<Long> bits) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            byte[] out = input.clone();
            for (long bit : bits) {
                long at = bit >>> 3;
                if (at < out.length) {
                    out[(int) at] ^= (byte) (1 << (bit & 7));
                }
            }
            return out;
        }
    }

    /** Overwrites bytes at {@code offset} with {@code hex}. */
    record Overwrite(int offset, String hex) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            byte[] out = input.clone();
            byte[] with = HexFormat.of().parseHex(hex);
            for (int i = 0; i < with.length && offset + i < out.length; i++) {
                out[offset + i] = with[i];
            }
            return out;
        }
    }

    /** Sets the value length field of {@code width} bytes (2 or 4) at {@code offset} to {@code value}. */
    record SetLength(int offset, int width, boolean bigEndian, long value) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            byte[] out = input.clone();
            for (int i = 0; i < width && offset + i < out.length; i++) {
                int shift = 8 * (bigEndian ? width - 1 - i : i);
                out[offset + i] = (byte) (value >>> shift);
            }
            return out;
        }

        @Override
        public String toString() {
            return "SetLength[offset=" + offset + ", width=" + width + ", bigEndian=" + bigEndian + ", value=0x"
                    + Long.toHexString(value).toUpperCase() + "]";
        }
    }

    /** Keeps the first {@code length} bytes. */
    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            return Arrays.copyOf(input, Math.min(length, input.length));
        }
    }

    /** Removes {@code length} bytes at {@code offset}. */
    record Delete(int offset, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            int from = Math.min(offset, input.length);
            int to = (int) Math.min((long) from + length, input.length);
            return concat(Arrays.copyOfRange(input, 0, from), Arrays.copyOfRange(input, to, input.length));
        }
    }

    /** Inserts a copy of the {@code length} bytes at {@code from} before the byte at {@code to}. */
    record Duplicate(int from, int length, int to) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            int start = Math.min(from, input.length);
            byte[] copy = Arrays.copyOfRange(input, start, (int) Math.min((long) start + length, input.length));
            int at = Math.min(to, input.length);
            return concat(Arrays.copyOfRange(input, 0, at), copy, Arrays.copyOfRange(input, at, input.length));
        }
    }

    /** The first {@code keep} bytes of the input, then the bytes of seed {@code other} from {@code from} on. */
    record Splice(int keep, String other, int from) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            byte[] tail = corpus.bytes(other);
            int start = Math.min(from, tail.length);
            return concat(Arrays.copyOf(input, Math.min(keep, input.length)), Arrays.copyOfRange(tail, start, tail.length));
        }
    }

    /**
     * Inserts at {@code offset} {@code depth} nested sequences of undefined length, each holding one
     * item of undefined length; {@code vr} is "SQ" or "UN" (Explicit VR) and ignored in Implicit VR;
     * with {@code closed} the delimiters follow, otherwise the nesting is left open.
     */
    record DeepNesting(int offset, int depth, String vr, boolean explicit, boolean bigEndian, boolean closed)
            implements Mutation {
        /** (0008,1140) Referenced Image Sequence. */
        private static final int SEQUENCE_TAG = 0x00081140;

        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            Encoder e = new Encoder(bigEndian);
            for (int i = 0; i < depth; i++) {
                e.tag(SEQUENCE_TAG);
                if (explicit) {
                    e.ascii(vr).u16(0);
                }
                e.u32(0xFFFFFFFFL).tag(0xFFFEE000).u32(0xFFFFFFFFL);
            }
            for (int i = 0; closed && i < depth; i++) {
                e.tag(0xFFFEE00D).u32(0).tag(0xFFFEE0DD).u32(0);
            }
            int at = Math.min(offset, input.length);
            return concat(Arrays.copyOf(input, at), e.bytes(), Arrays.copyOfRange(input, at, input.length));
        }
    }

    /** Replaces the two bytes of the VR field at {@code offset} with {@code code} (2 ISO 8859-1 characters). */
    record ChangeVr(int offset, String code) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            return new Overwrite(offset, HexFormat.of().formatHex(code.getBytes(StandardCharsets.ISO_8859_1)))
                    .apply(input, corpus);
        }

        @Override
        public String toString() {
            return "ChangeVr[offset=" + offset + ", code=\"" + escape(code) + "\"]";
        }
    }

    /**
     * Sets (0002,0010) Transfer Syntax UID to {@code uid}, inserting it (and File Meta Information
     * with a preamble if there is none) and fixing (0002,0000); the data set is left as it is, or
     * compressed with raw deflate when {@code deflateBody}.
     */
    record SetTransferSyntax(String uid, boolean deflateBody) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            SeedLayout layout = SeedLayout.scanMeta(input);
            ByteArrayOutputStream group = new ByteArrayOutputStream();
            boolean written = false;
            for (SeedLayout.MetaElement m : layout.meta) {
                if (m.tag() == 0x00020000) {
                    continue;
                }
                if (!written && Integer.compareUnsigned(m.tag(), 0x00020010) >= 0) {
                    group.writeBytes(uidElement());
                    written = true;
                }
                if (m.tag() != 0x00020010) {
                    group.write(input, m.start(), m.end() - m.start());
                }
            }
            if (!written) {
                group.writeBytes(uidElement());
            }
            Encoder head = new Encoder(false);
            head.tag(0x00020000).ascii("UL").u16(4).u32(group.size());
            byte[] preamble = layout.metaStart == 132 ? Arrays.copyOf(input, 132) : preamble();
            byte[] body = Arrays.copyOfRange(input, layout.bodyStart, input.length);
            return concat(preamble, head.bytes(), group.toByteArray(), deflateBody ? deflate(body) : body);
        }

        private byte[] uidElement() {
            byte[] value = uid.getBytes(StandardCharsets.US_ASCII);
            value = value.length % 2 == 0 ? value : Arrays.copyOf(value, value.length + 1);
            Encoder e = new Encoder(false);
            e.tag(0x00020010).ascii("UI").u16(value.length);
            return concat(e.bytes(), value);
        }

        private static byte[] preamble() {
            byte[] p = new byte[132];
            p[128] = 'D';
            p[129] = 'I';
            p[130] = 'C';
            p[131] = 'M';
            return p;
        }

        private static byte[] deflate(byte[] body) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.end();
            return out.toByteArray();
        }
    }

    /** Applies {@code steps} one after the other. */
    record Stack(List<Mutation> steps) implements Mutation {
        @Override
        public byte[] apply(byte[] input, SeedCorpus corpus) {
            byte[] out = input;
            for (Mutation step : steps) {
                out = step.apply(out, corpus);
            }
            return out;
        }
    }


    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    /** Little helper writing tags and numbers in one byte order. */
    final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean bigEndian;

        Encoder(boolean bigEndian) {
            this.bigEndian = bigEndian;
        }

        Encoder tag(int tag) {
            return u16(tag >>> 16).u16(tag & 0xFFFF);
        }

        Encoder u16(int v) {
            if (bigEndian) {
                out.write(v >>> 8);
                out.write(v);
            } else {
                out.write(v);
                out.write(v >>> 8);
            }
            return this;
        }

        Encoder u32(long v) {
            return bigEndian ? u16((int) (v >>> 16)).u16((int) v) : u16((int) v).u16((int) (v >>> 16));
        }

        Encoder ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
