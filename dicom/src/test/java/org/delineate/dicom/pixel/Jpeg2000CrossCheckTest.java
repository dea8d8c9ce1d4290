package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPEG 2000 codestreams that OpenJPEG's {@code opj_compress} (Debian libopenjp2-tools 2.5) encodes at test
 * time from synthetic images, decoded by {@link Jpeg2000FrameDecoder} and by {@code opj_decompress}: every
 * progression order, quality layers, every code-block style flag, tiles with offsets, tile-parts split by
 * resolution, layer and component, precincts, SOP/EPH/PLT/TLM markers, a progression order change, ROI,
 * 1 to 8 decomposition levels, 5/3 and 9/7, 8, 12 and 16 bits, signed and unsigned, one or three
 * components with and without the component transform. Reversible streams must give the original image
 * and OpenJPEG's output exactly; irreversible ones must agree with OpenJPEG within
 * {@value PydicomComparisonTest#LOSSY_TOLERANCE}.
 */
class Jpeg2000CrossCheckTest {

    private static final String OPJ_COMPRESS = "/usr/bin/opj_compress";
    private static final String OPJ_DECOMPRESS = "/usr/bin/opj_decompress";

    @TempDir
    Path tmp;

    /** One synthetic image and the opj_compress options for it. */
    record Case(String name, int rows, int columns, int components, int bits, boolean signed, boolean reversible,
            String... options) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("8-bit grey, defaults", 97, 131, 1, 8, false, true));
        for (String order : List.of("LRCP", "RLCP", "RPCL", "PCRL", "CPRL")) {
            c.add(new Case("RGB " + order + ", 4 layers, precincts", 120, 150, 3, 8, false, true, "-p", order, "-r",
                    "40,20,8,1", "-c", "[32,32],[32,32],[16,16]"));
        }
        for (String mode : List.of("1", "2", "4", "8", "16", "32", "59", "62")) {
            c.add(new Case("12-bit code-block style " + mode + ", 3 layers", 100, 90, 1, 12, false, true, "-M", mode,
                    "-r", "30,10,1", "-b", "16,16"));
        }
        c.add(new Case("RGB tiles 50x40 with offsets", 93, 157, 3, 8, false, true, "-t", "50,40", "-d", "7,3", "-T",
                "5,2", "-p", "RPCL", "-c", "[64,64],[32,32]"));
        for (String tp : List.of("R", "L", "C")) {
            c.add(new Case("tile-parts by " + tp + ", 2x2 tiles, 5 layers", 128, 128, 3, 8, false, true, "-t", "64,64",
                    "-TP", tp, "-r", "50,20,10,5,1", "-p", "RLCP"));
        }
        for (String order : List.of("PCRL", "CPRL")) {
            for (String tp : List.of("R", "L", "C")) {
                c.add(new Case("tile-parts by " + tp + " in " + order + ", SOP EPH", 78, 269, 3, 8, false, true, "-p",
                        order, "-n", "3", "-r", "32,24,16,1", "-b", "4,4", "-TP", tp, "-SOP", "-EPH"));
            }
        }
        c.add(new Case("tile-parts by L in PCRL, tiles, offsets", 191, 129, 3, 16, false, true, "-p", "PCRL", "-t",
                "84,11", "-n", "2", "-r", "32,24,16,1", "-b", "32,8", "-M", "11", "-c", "[128,32]", "-TP", "L", "-d",
                "4,8"));
        c.add(new Case("SOP EPH PLT TLM", 80, 80, 1, 16, false, true, "-SOP", "-EPH", "-PLT", "-TLM", "-t", "40,40"));
        c.add(new Case("progression order change in the main header", 96, 96, 3, 8, false, true, "-POC",
                "T1=0,0,2,3,3,RLCP/T1=3,0,2,6,3,CPRL", "-r", "20,1"));
        c.add(new Case("progression order change in the tile header", 96, 96, 3, 8, false, true, "-POC",
                "T0=0,0,2,3,3,RLCP/T0=3,0,2,6,3,CPRL", "-r", "20,1"));
        c.add(new Case("ROI on component 0", 64, 80, 1, 8, false, true, "-ROI", "c=0,U=7"));
        c.add(new Case("1 resolution", 40, 60, 1, 8, false, true, "-n", "1"));
        c.add(new Case("8 resolutions, 64x8 code-blocks", 300, 260, 1, 16, false, true, "-n", "8", "-b", "64,8"));
        c.add(new Case("16-bit signed", 70, 110, 1, 16, true, true));
        c.add(new Case("12-bit signed, 4 layers LRCP", 64, 64, 1, 12, true, true, "-r", "20,10,4,1"));
        c.add(new Case("8-bit signed RGB without MCT", 50, 50, 3, 8, true, true, "-mct", "0"));
        c.add(new Case("RGB without MCT", 61, 77, 3, 8, false, true, "-mct", "0"));
        c.add(new Case("odd sizes 1x1", 1, 1, 1, 8, false, true, "-n", "1"));
        c.add(new Case("odd sizes 3x17", 3, 17, 3, 8, false, true, "-n", "2"));
        c.add(new Case("9/7 grey 12-bit", 100, 120, 1, 12, false, false, "-I", "-r", "10"));
        c.add(new Case("9/7 RGB (ICT), 3 layers", 90, 110, 3, 8, false, false, "-I", "-r", "40,20,5"));
        c.add(new Case("9/7 16-bit signed, tiles", 80, 100, 1, 16, true, false, "-I", "-q", "60", "-t", "48,48"));
        c.add(new Case("9/7 near lossless 8-bit", 64, 64, 1, 8, false, false, "-I"));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithOpenJpeg(Case k) throws IOException {
        int[][] original = image(k);
        byte[] j2k = encode(k, original);
        int[][] openJpeg = openJpeg(j2k, k);
        int[][] ours = ours(j2k, k);
        long differing = 0;
        long max = 0;
        long fromOriginal = 0;
        for (int c = 0; c < k.components(); c++) {
            for (int i = 0; i < k.rows() * k.columns(); i++) {
                long diff = Math.abs(ours[c][i] - openJpeg[c][i]);
                if (diff != 0) {
                    differing++;
                    max = Math.max(max, diff);
                }
                if (ours[c][i] != original[c][i]) {
                    fromOriginal++;
                }
            }
        }
        String summary = k.name() + ": " + differing + " values differ from opj_decompress (max " + max + "), "
                + fromOriginal + " from the original";
        if (k.reversible()) {
            assertEquals(0, differing + fromOriginal, summary);
        } else {
            assertTrue(max <= PydicomComparisonTest.LOSSY_TOLERANCE, summary);
        }
    }

    /**
     * Tile-parts whose TNsot (ISO 15444-1 A.4.2) is one less than the real count, as in pydicom's
     * {@code GDCMJ2K_TextGBR.dcm}, or 0 (allowed: "not specified"): JJ2000 alone got both wrong.
     */
    @ParameterizedTest(name = "TNsot {0}")
    @ValueSource(strings = {"count - 1", "0"})
    void wrongOrUnspecifiedTilePartCounts(String tnsot) throws IOException {
        Case k = new Case("tile-parts by resolution, TNsot " + tnsot, 100, 120, 3, 8, false, true, "-t", "64,64",
                "-TP", "R", "-r", "30,10,1", "-p", "RLCP");
        int[][] original = image(k);
        byte[] j2k = encode(k, original);
        int rewritten = 0;
        for (int at = 2; at + 12 <= j2k.length; at++) {
            if ((j2k[at] & 0xFF) == 0xFF && (j2k[at + 1] & 0xFF) == 0x90 && j2k[at + 3] == 10) {
                assertEquals(6, j2k[at + 11], "opj_compress writes 6 tile-parts for 6 resolutions");
                j2k[at + 11] = (byte) (tnsot.equals("0") ? 0 : 5);
                rewritten++;
                at += 11;
            }
        }
        assertEquals(4 * 6, rewritten, "SOT markers");
        assertTrue(Arrays.deepEquals(original, ours(j2k, k)), k.name());
        assertTrue(Arrays.deepEquals(original, openJpeg(j2k, k)), "OpenJPEG: " + k.name());
    }

    /**
     * A codestream with one tile-part per tile is returned as it is (the same array), as is a broken
     * tile-part chain; tiles in several tile-parts become one tile-part each, and TLM/PLT are dropped.
     */
    @Test
    void tilePartsAreMergedExactly() throws IOException {
        Case one = new Case("one tile-part per tile", 64, 64, 1, 8, false, true, "-t", "32,32", "-r", "10,1");
        byte[] plain = encode(one, image(one));
        assertSame(plain, Jpeg2000TileParts.normalize(plain));
        Case k = new Case("tile-parts by layer", 64, 64, 1, 8, false, true, "-t", "32,32", "-TP", "L", "-r", "10,1",
                "-TLM", "-PLT");
        byte[] split = encode(k, image(k));
        byte[] truncated = Arrays.copyOf(split, split.length / 2);
        assertSame(truncated, Jpeg2000TileParts.normalize(truncated));
        byte[] merged = Jpeg2000TileParts.normalize(split);
        assertEquals(List.of(0, 1, 2, 3), tilesOfSots(merged));
        assertEquals(8, tilesOfSots(split).size());
        assertTrue(merged.length < split.length);
        assertTrue(Arrays.deepEquals(openJpeg(split, k), openJpeg(merged, k)), "OpenJPEG reads both the same");
    }

    private static List<Integer> tilesOfSots(byte[] cs) {
        List<Integer> tiles = new ArrayList<>();
        for (int at = 2; at + 12 <= cs.length; ) {
            if ((cs[at] & 0xFF) == 0xFF && (cs[at + 1] & 0xFF) == 0x90 && cs[at + 3] == 10) {
                tiles.add((cs[at + 4] & 0xFF) << 8 | (cs[at + 5] & 0xFF));
                at += (int) ((cs[at + 6] & 0xFFL) << 24 | (cs[at + 7] & 0xFF) << 16 | (cs[at + 8] & 0xFF) << 8
                        | (cs[at + 9] & 0xFF));
            } else {
                at++;
            }
        }
        return tiles;
    }

    /**
     * Code-blocks with both selective arithmetic coding bypass and termination on each pass (opj_compress
     * {@code -M 5}): JJ2000 returned values off by 1 or 2 where OpenJPEG returns the original, so they are
     * refused, naming the styles.
     */
    @Test
    void bypassWithTerminationOnEachPassIsRefused() throws IOException {
        Case k = new Case("bypass and termall", 82, 283, 1, 12, false, true, "-p", "PCRL", "-n", "7", "-r", "24,16,1",
                "-b", "4,16", "-M", "47");
        byte[] j2k = encode(k, image(k));
        assertEquals(47, Jpeg2000TileParts.codeBlockStyles(j2k));
        UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class, () -> ours(j2k, k));
        assertEquals("bypass and termall: cannot decode Pixel Data in transfer syntax 1.2.840.10008.1.2.4.90 (JPEG 2000 "
                + "Image Compression (Lossless Only)): frame 1 has code-blocks with both selective arithmetic coding "
                + "bypass and termination on each coding pass (ISO 15444-1 Table A.19), which JJ2000 does not decode "
                + "exactly", e.getMessage());
    }

    /**
     * pydicom's {@code GDCMJ2K_TextGBR.dcm} (whose tile-parts say TNsot 5 where there are 6) against
     * opj_decompress on its bare codestream: the same oracle as GDCM's, run directly.
     */
    @Test
    void gdcmTextGbrAgreesWithOpenJpeg() throws IOException {
        Path file = TestFiles.PYDICOM_DATA.resolve("test_files/GDCMJ2K_TextGBR.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> file + " (Debian python3-pydicom) is not installed");
        DicomFile dicom = new DicomReader(ReadOptions.defaults()).readFile(file);
        byte[] codestream = Jpeg2000FrameDecoder.codestream(dicom.dataSet().get(Tag.PixelData).fragments().item(1));
        PixelFrame ours = PixelData.of(dicom).frame(0);
        Case k = new Case("GDCMJ2K_TextGBR.dcm", 400, 400, 3, 8, false, true);
        int[][] openJpeg = openJpeg(codestream, k);
        for (int i = 0; i < ours.length(); i++) {
            assertEquals(openJpeg[i % 3][i / 3], ours.value(i), "sample " + i);
        }
    }

    private byte[] encode(Case k, int[][] image) throws IOException {
        Peers.assumeInstalled(OPJ_COMPRESS);
        Path raw = tmp.resolve("in.rawl");
        Files.write(raw, planar(image, k.bits()));
        Path j2k = tmp.resolve("out.j2k");
        List<String> command = new ArrayList<>(List.of(OPJ_COMPRESS, "-i", raw.toString(), "-o", j2k.toString(), "-F",
                k.columns() + "," + k.rows() + "," + k.components() + "," + k.bits() + "," + (k.signed() ? "s" : "u")));
        command.addAll(Arrays.asList(k.options()));
        Peers.Result r = Peers.run(command, 60);
        assertEquals(0, r.exitCode(), () -> command + ": " + r.all());
        return Files.readAllBytes(j2k);
    }

    private int[][] openJpeg(byte[] codestream, Case k) throws IOException {
        Peers.assumeInstalled(OPJ_DECOMPRESS);
        Path j2k = tmp.resolve("opj-in.j2k");
        Files.write(j2k, codestream);
        Path decoded = tmp.resolve("dec.rawl");
        Peers.Result d = Peers.run(List.of(OPJ_DECOMPRESS, "-i", j2k.toString(), "-o", decoded.toString()), 60);
        assertEquals(0, d.exitCode(), () -> "opj_decompress: " + d.all());
        return fromPlanar(Files.readAllBytes(decoded), k);
    }

    /** Delineate's decoding, per component like {@link #image(Case)}. */
    private static int[][] ours(byte[] codestream, Case k) throws IOException {
        String photometric = k.components() == 1 ? "MONOCHROME2"
                : Arrays.asList(k.options()).contains("-mct") ? "RGB" : k.reversible() ? "YBR_RCT" : "YBR_ICT";
        DataSet ds = Images.pixelModule(k.rows(), k.columns(), k.components(), k.bits() <= 8 ? 8 : 16, k.bits(),
                k.bits() - 1, k.signed() ? 1 : 0, photometric, 1);
        TransferSyntax ts = TransferSyntax.of(k.reversible() ? "1.2.840.10008.1.2.4.90" : "1.2.840.10008.1.2.4.91");
        PixelFrame frame = new Jpeg2000FrameDecoder(ts).decode(codestream, PixelDescription.of(ds), 0, k.name());
        int[][] v = new int[k.components()][k.rows() * k.columns()];
        for (int i = 0; i < frame.length(); i++) {
            v[i % k.components()][i / k.components()] = (int) frame.value(i);
        }
        return v;
    }

    /** Per component, row by row: smooth ramps, sharp-edged blocks (like text) and some noise. */
    private static int[][] image(Case k) {
        Random random = new Random(k.name().hashCode());
        int lo = k.signed() ? -(1 << (k.bits() - 1)) : 0;
        int range = (1 << k.bits()) - 1;
        int[][] v = new int[k.components()][k.rows() * k.columns()];
        int[][] blocks = new int[12][];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = new int[] {random.nextInt(k.rows()), random.nextInt(k.columns()), 1 + random.nextInt(20),
                    1 + random.nextInt(20), random.nextInt(range + 1)};
        }
        for (int c = 0; c < k.components(); c++) {
            for (int y = 0; y < k.rows(); y++) {
                for (int x = 0; x < k.columns(); x++) {
                    double ramp = (double) (x * (c + 1) + y * (3 - c)) / (k.columns() * (c + 1) + k.rows() * 3 + 1);
                    int value = (int) (ramp * range) + random.nextInt(9) - 4;
                    for (int[] b : blocks) {
                        if (y >= b[0] && y < b[0] + b[2] && x >= b[1] && x < b[1] + b[3]) {
                            value = (b[4] + c * 977) % (range + 1);
                        }
                    }
                    v[c][y * k.columns() + x] = lo + Math.max(0, Math.min(range, value));
                }
            }
        }
        return v;
    }

    /** opj's RAWL layout: component after component, 1 byte per sample up to 8 bits, else 2 little-endian. */
    private static byte[] planar(int[][] v, int bits) {
        int size = bits <= 8 ? 1 : 2;
        ByteBuffer b = ByteBuffer.allocate(v.length * v[0].length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] component : v) {
            for (int value : component) {
                if (size == 1) {
                    b.put((byte) value);
                } else {
                    b.putShort((short) value);
                }
            }
        }
        return b.array();
    }

    private static int[][] fromPlanar(byte[] raw, Case k) {
        int size = k.bits() <= 8 ? 1 : 2;
        int n = k.rows() * k.columns();
        assertEquals(k.components() * n * size, raw.length, "opj_decompress output size");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int[][] v = new int[k.components()][n];
        for (int[] component : v) {
            for (int i = 0; i < n; i++) {
                // NB: opj_decompress writes signed samples masked to their precision (-1 in 12 bits as 4095).
                int value = (size == 1 ? b.get() : b.getShort()) & (1 << k.bits()) - 1;
                component[i] = k.signed() ? value << 32 - k.bits() >> 32 - k.bits() : value;
            }
        }
        return v;
    }
}
