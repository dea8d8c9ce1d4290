package org.delineate.dicom.fuzz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.delineate.dicom.fuzz.SeedCorpus.Seed;

/**
 * Draws random {@link Mutation}s of a seed, aimed at its real structure (length and VR fields,
 * element starts, the File Meta Information) as its {@link SeedLayout} shows it. Deterministic: the
 * same random generator state gives the same mutation. Stateless apart from the corpus; thread-safe.
 */
final class Mutator {

    private static final String[] VR_CODES = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT",
        "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN",
        "UR", "US", "UT", "UV", "ZZ", "QQ", "sq", "\0\0", "  ", "\u00FF\u00FF", "O", "S\0"};
    private static final String[] TRANSFER_SYNTAXES = {SeedLayout.IMPLICIT_LE, SeedLayout.EXPLICIT_LE,
        SeedLayout.EXPLICIT_BE, SeedLayout.DEFLATED, "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "", "1.2.3",
        "1.2.840.10008.1.2.4.90"};
    private static final int[] DEPTHS = {63, 64, 65, 66, 200, 5_000, 50_000};

    private final List<Seed> seeds;

    Mutator(List<Seed> seeds) {
        this.seeds = seeds;
    }

    /** One mutation of {@code seed}, sometimes two stacked. */
    Mutation next(SplittableRandom rng, Seed seed) {
        Mutation first = one(rng, seed);
        if (rng.nextInt(5) > 0) {
            return first;
        }
        return new Mutation.Stack(List.of(first, one(rng, seed)));
    }

    private Mutation one(SplittableRandom rng, Seed seed) {
        int size = seed.bytes().length;
        SeedLayout layout = seed.layout();
        int k = rng.nextInt(100);
        if (k < 14) {
            List<Long> bits = new ArrayList<>();
            int n = 1 + rng.nextInt(8);
            for (int i = 0; i < n; i++) {
                bits.add(rng.nextLong(Math.max(1, size * 8L)));
            }
            return new Mutation.BitFlips(bits);
        }
        if (k < 22) {
            byte[] random = new byte[1 + rng.nextInt(16)];
            rng.nextBytes(random);
            int at = rng.nextBoolean() ? pick(rng, layout.elementStarts, size) : rng.nextInt(Math.max(1, size));
            return new Mutation.Overwrite(at, HexFormat.of().formatHex(random));
        }
        if (k < 47 && !layout.lengths.isEmpty()) {
            SeedLayout.LengthField field = layout.lengths.get(rng.nextInt(layout.lengths.size()));
            return new Mutation.SetLength(field.offset(), field.width(), field.bigEndian(),
                    lengthValue(rng, field, size));
        }
        if (k < 55) {
            return new Mutation.Truncate(rng.nextBoolean() ? pick(rng, layout.elementStarts, size) + rng.nextInt(12)
                    : rng.nextInt(Math.max(1, size)));
        }
        if (k < 64) {
            int from = rng.nextBoolean() ? pick(rng, layout.elementStarts, size) : rng.nextInt(Math.max(1, size));
            int length = 1 + rng.nextInt(rng.nextBoolean() ? 16 : 512);
            return rng.nextBoolean() ? new Mutation.Delete(from, length)
                    : new Mutation.Duplicate(from, length, pick(rng, layout.elementStarts, size));
        }
        if (k < 70) {
            Seed other = seeds.get(rng.nextInt(seeds.size()));
            int keep = rng.nextBoolean() ? pick(rng, layout.elementStarts, size) : rng.nextInt(Math.max(1, size));
            int from = rng.nextBoolean() ? pick(rng, other.layout().elementStarts, other.bytes().length)
                    : rng.nextInt(Math.max(1, other.bytes().length));
            return new Mutation.Splice(keep, other.name(), from);
        }
        if (k < 76) {
            int at = rng.nextInt(4) == 0 ? layout.bodyStart : pick(rng, layout.elementStarts, size);
            boolean explicit = rng.nextInt(4) == 0 ? !layout.explicit : layout.explicit;
            return new Mutation.DeepNesting(at, DEPTHS[rng.nextInt(DEPTHS.length)], rng.nextInt(3) == 0 ? "UN" : "SQ",
                    explicit, layout.bigEndian, rng.nextBoolean());
        }
        if (k < 88 && !layout.vrOffsets.isEmpty()) {
            int at = layout.vrOffsets.get(rng.nextInt(layout.vrOffsets.size()));
            return new Mutation.ChangeVr(at, VR_CODES[rng.nextInt(VR_CODES.length)]);
        }
        return new Mutation.SetTransferSyntax(TRANSFER_SYNTAXES[rng.nextInt(TRANSFER_SYNTAXES.length)],
                rng.nextInt(3) == 0);
    }

    /** Lengths that break parsers: undefined, huge, negative as int, odd, zero, just past the end. */
    private static long lengthValue(SplittableRandom rng, SeedLayout.LengthField field, int size) {
        long max = field.width() == 2 ? 0xFFFFL : 0xFFFFFFFFL;
        long pastEnd = Math.max(0, size - field.offset() - field.width()) + 1 + rng.nextInt(16);
        long[] choices = {max, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFEL, 1 + 2 * rng.nextInt(8), 0, pastEnd,
            pastEnd - 2, rng.nextLong(max + 1), size, 4 + rng.nextInt(16)};
        return Math.min(max, choices[rng.nextInt(choices.length)]);
    }

    private static int pick(SplittableRandom rng, List<Integer> offsets, int size) {
        return offsets.isEmpty() ? rng.nextInt(Math.max(1, size)) : offsets.get(rng.nextInt(offsets.size()));
    }
}
