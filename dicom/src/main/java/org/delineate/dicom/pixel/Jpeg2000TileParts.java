package org.delineate.dicom.pixel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the tile-parts of a JPEG 2000 codestream (ISO/IEC 15444-1 A.4.2) into a form JJ2000 decodes
 * correctly, without changing what the codestream means. Stateless.
 *
 * <p>JJ2000 (jai-imageio-jpeg2000 1.4.0) mis-reads tiles split into several tile-parts: it trusts a
 * nonzero TNsot and stops after that many tile-parts (pydicom's {@code GDCMJ2K_TextGBR.dcm} says 5 where
 * there are 6: the full-resolution packets were dropped, values off by up to 108), it mis-assembles
 * tiles whose TNsot is 0 ("not specified"), and with the position-first progressions PCRL and CPRL it
 * loses its place when a tile-part ends between packets of one precinct (OpenJPEG's {@code -TP L},
 * {@code -TP C}, {@code -TP R}: wrong values, or "Could not parse EPH marker").
 */
final class Jpeg2000TileParts {

    private static final int SOT = 0xFF90;
    private static final int SOD = 0xFF93;
    private static final int EOC = 0xFFD9;
    private static final int TLM = 0xFF55;
    private static final int PLM = 0xFF57;
    private static final int PLT = 0xFF58;
    private static final int PPM = 0xFF60;
    private static final int COM = 0xFF64;

    /** One tile-part: the offset of its SOT, tile index, TNsot, its header's marker segments and the bounds of its packet data. */
    private record TilePart(int sot, int tile, int tnsot, List<int[]> segments, int dataStart, int dataEnd) {
    }

    private Jpeg2000TileParts() {
    }

    /**
     * The codestream with every tile in one tile-part when that can be done exactly, else with each TNsot
     * set to the counted number of tile-parts; the input itself (the same array) when it has one
     * tile-part per tile with TNsot 0 or 1, or when its tile-part chain is broken (the decoder then
     * reports what it finds).
     *
     * <p>NB: merging is exact by A.4.2 and B.10: a tile's packets are the concatenation of its tile-parts'
     * packet data in codestream order, whatever the cuts. Only the first tile-part header may hold COD,
     * COC, QCD, QCC and RGN (Table A.2), so that header is kept; the packet lengths of TLM, PLM and PLT
     * are optional pointers (A.7) made wrong by the merge and are dropped, as are COM segments of later
     * tile-parts. Codestreams whose later tile-part headers carry POC or PPT, or whose main header has
     * PPM (packed headers are counted per tile-part, A.7.4), are not merged: only their TNsot is set,
     * which is what A.4.2 asks for anyway (the number of tile-parts of the tile).
     */
    static byte[] normalize(byte[] cs) {
        if (cs.length < 4 || u16(cs, 0) != 0xFF4F || u16(cs, 2) != 0xFF51) {
            return cs;
        }
        List<int[]> mainSegments = new ArrayList<>();
        int at = 2;
        boolean packedInMain = false;
        while (at + 4 <= cs.length && u16(cs, at) != SOT) {
            int marker = u16(cs, at);
            int length = u16(cs, at + 2);
            if (marker < 0xFF00 || length < 2 || at + 2 + length > cs.length) {
                return cs;
            }
            packedInMain |= marker == PPM;
            mainSegments.add(new int[] {marker, at, 2 + length});
            at += 2 + length;
        }
        List<TilePart> parts = tileParts(cs, at);
        if (parts == null) {
            return cs;
        }
        Map<Integer, List<TilePart>> tiles = new LinkedHashMap<>();
        for (TilePart p : parts) {
            tiles.computeIfAbsent(p.tile(), t -> new ArrayList<>()).add(p);
        }
        boolean single = tiles.size() == parts.size();
        if (single && parts.stream().allMatch(p -> p.tnsot() <= 1)) {
            return cs;
        }
        boolean mergeable = !packedInMain && !single && tiles.values().stream().allMatch(Jpeg2000TileParts::mergeable);
        return mergeable ? merge(cs, mainSegments, tiles) : withCounts(cs, parts, tiles);
    }

    /**
     * The code-block styles (SPcod / SPcoc, ISO 15444-1 A.6.1 Table A.19) of every COD and COC marker segment
     * in the main header and the tile-part headers, OR-ed; 0 when there is none or the stream is not a
     * codestream.
     */
    static int codeBlockStyles(byte[] cs) {
        if (cs.length < 42 || u16(cs, 0) != 0xFF4F || u16(cs, 2) != 0xFF51) {
            return 0;
        }
        int cocComponentBytes = u16(cs, 40) < 257 ? 1 : 2;
        List<int[]> segments = new ArrayList<>();
        int at = 2;
        while (at + 4 <= cs.length && u16(cs, at) != SOT && u16(cs, at + 2) >= 2) {
            segments.add(new int[] {u16(cs, at), at, 2 + u16(cs, at + 2)});
            at += 2 + u16(cs, at + 2);
        }
        List<TilePart> parts = tileParts(cs, at);
        for (TilePart p : parts == null ? List.<TilePart>of() : parts) {
            segments.addAll(p.segments());
        }
        int styles = 0;
        for (int[] s : segments) {
            int style = s[0] == 0xFF52 ? s[1] + 12 : s[0] == 0xFF53 ? s[1] + 8 + cocComponentBytes : -1;
            if (style >= 0 && style < s[1] + s[2] && style < cs.length) {
                styles |= cs[style] & 0xFF;
            }
        }
        return styles;
    }

    /** The tile-parts from the first SOT at {@code at} to EOC, or null when the chain is broken. */
    private static List<TilePart> tileParts(byte[] cs, int at) {
        List<TilePart> parts = new ArrayList<>();
        while (at + 14 <= cs.length && u16(cs, at) == SOT && u16(cs, at + 2) == 10) {
            long psot = u32(cs, at + 6);
            int end;
            if (psot == 0) {
                end = cs.length >= 2 && u16(cs, cs.length - 2) == EOC ? cs.length - 2 : cs.length;
            } else if (psot < 14 || psot > cs.length - at) {
                return null;
            } else {
                end = at + (int) psot;
            }
            List<int[]> segments = new ArrayList<>();
            int h = at + 12;
            while (h + 2 <= end && u16(cs, h) != SOD) {
                if (h + 4 > end || u16(cs, h) < 0xFF00 || u16(cs, h + 2) < 2 || h + 2 + u16(cs, h + 2) > end) {
                    return null;
                }
                segments.add(new int[] {u16(cs, h), h, 2 + u16(cs, h + 2)});
                h += 2 + u16(cs, h + 2);
            }
            if (h + 2 > end) {
                return null;
            }
            parts.add(new TilePart(at, u16(cs, at + 4), cs[at + 11] & 0xFF, segments, h + 2, end));
            at = end;
        }
        boolean atEnd = at == cs.length || at + 2 <= cs.length && u16(cs, at) == EOC;
        return parts.isEmpty() || !atEnd ? null : parts;
    }

    /** True when every tile-part header after the first holds nothing but PLT and COM. */
    private static boolean mergeable(List<TilePart> tile) {
        for (TilePart p : tile.subList(1, tile.size())) {
            for (int[] s : p.segments()) {
                if (s[0] != PLT && s[0] != COM) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] merge(byte[] cs, List<int[]> mainSegments, Map<Integer, List<TilePart>> tiles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(cs.length);
        out.write(cs, 0, 2);
        for (int[] s : mainSegments) {
            if (s[0] != TLM && s[0] != PLM) {
                out.write(cs, s[1], s[2]);
            }
        }
        for (List<TilePart> tile : tiles.values()) {
            long length = 14;
            for (int[] s : tile.get(0).segments()) {
                length += s[0] == PLT ? 0 : s[2];
            }
            for (TilePart p : tile) {
                length += p.dataEnd() - p.dataStart();
            }
            int t = tile.get(0).tile();
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x90, 0, 10, (byte) (t >> 8), (byte) t, (byte) (length >> 24),
                    (byte) (length >> 16), (byte) (length >> 8), (byte) length, 0, 1});
            for (int[] s : tile.get(0).segments()) {
                if (s[0] != PLT) {
                    out.write(cs, s[1], s[2]);
                }
            }
            out.write(0xFF);
            out.write(0x93);
            for (TilePart p : tile) {
                out.write(cs, p.dataStart(), p.dataEnd() - p.dataStart());
            }
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static byte[] withCounts(byte[] cs, List<TilePart> parts, Map<Integer, List<TilePart>> tiles) {
        byte[] out = cs;
        for (TilePart p : parts) {
            int count = tiles.get(p.tile()).size();
            int tnsot = p.sot() + 11;
            if (count <= 255 && (cs[tnsot] & 0xFF) != count) {
                if (out == cs) {
                    out = cs.clone();
                }
                out[tnsot] = (byte) count;
            }
        }
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }
}
