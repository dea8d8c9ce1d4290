package org.delineate.dicom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.fuzz.SeedCorpus.Seed;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants that {@link ReaderFuzzTest} found to break the reader's contract, rebuilt from their seed
 * file and recorded mutation (the mutated bytes are not stored: the seed files are shared data).
 * Each test names the seed file and the mutation as the fuzzer reported them.
 */
class FuzzRegressionTest {

    @TempDir
    Path tmp;

    /** image_dfl.dcm cut inside its deflate stream: the inflater's EOFException escaped untyped. */
    @Test
    void truncatedDeflateStreamIsAFormatError() throws IOException {
        byte[] mutant = mutant("pydicom:test_files/image_dfl.dcm", new Mutation.Truncate(1066));
        for (DicomFormatException e : readBothWays(mutant, "image_dfl-truncated.dcm")) {
            assertTrue(e.getMessage().contains("the deflated data set cannot be inflated further"), e::getMessage);
            assertTrue(e.getMessage().contains("(offset in the inflated data set)"), e::getMessage);
        }
    }

    /** chrJapMulti.dcm with VR "ZZ": read as UN with a 4-byte length; from a stream that allocated 1 MiB up front. */
    @Test
    void hugeLengthInAStreamAllocatesOnlyWhatArrives() throws IOException {
        byte[] mutant = mutant("pydicom:charset_files/chrJapMulti.dcm", new Mutation.ChangeVr(290, "ZZ"));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assertThrows(DicomFormatException.class,
                () -> new DicomReader(ReadOptions.defaults()).read(new ByteArrayInputStream(mutant), "warm-up"));
        long before = threads.getCurrentThreadAllocatedBytes();
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> new DicomReader(ReadOptions.defaults()).read(new ByteArrayInputStream(mutant), "chrJapMulti-ZZ"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 512 * 1024, () -> allocated + " bytes allocated for " + mutant.length + " bytes: " + e);
        assertTrue(e.getMessage().contains("file ends after"), e::getMessage);
    }

    /**
     * dcm_qa_ts 9.dcm spliced with pixel data of siemens_dwi_0.dcm ({@code Splice[keep=1514,
     * other=shared:nibabel_testdata/nibabel/nicom/tests/data/siemens_dwi_0.dcm.gz, from=329193]}):
     * noise read as 170 000 tiny elements kept one deviation each, unbounded. Here a hand-built
     * data set of 3000 duplicate elements stands for it.
     */
    @Test
    void deviationsAreCappedPerFile() throws IOException {
        Mutation.Encoder e = new Mutation.Encoder(false);
        for (int i = 0; i < 3000; i++) {
            e.tag(0x00100010).ascii("PN").u16(2).ascii("A ");
        }
        DicomFile read = new DicomReader(ReadOptions.defaults()).read(new ByteArrayInputStream(e.bytes()), "duplicates");
        assertEquals(1001, read.deviations().size());
        assertEquals("duplicate element; the last one is kept", read.deviations().get(999).message());
        assertEquals("more than 1000 deviations: the others are not recorded", read.deviations().get(1000).message());
    }

    /**
     * The same splice of dcm_qa_ts 9.dcm and siemens_dwi_0.dcm took 190 times its size in allocation
     * (a deviation message formatted with {@code String.format} per 8 bytes, group lengths decoded in
     * full) and over a second. Here a hand-built data set of one element and 512 KiB of zeros, each 8
     * of which read as a duplicate (0000,0000) without VR, stands for it.
     */
    @Test
    void noiseReadAsElementsAllocatesInProportion() throws IOException {
        Mutation.Encoder e = new Mutation.Encoder(false);
        e.tag(0x00080016).ascii("UI").u16(4).ascii("1.2\0");
        byte[] bytes = java.util.Arrays.copyOf(e.bytes(), e.bytes().length + (512 << 10));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        new DicomReader(ReadOptions.defaults()).read(new ByteArrayInputStream(bytes), "warm-up");
        long before = threads.getCurrentThreadAllocatedBytes();
        DicomFile read = new DicomReader(ReadOptions.defaults()).read(new ByteArrayInputStream(bytes), "zeros");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(1001, read.deviations().size());
        assertTrue(allocated < 20L * bytes.length + (1 << 20), () -> allocated + " bytes allocated for " + bytes.length);
    }

    /**
     * MR_small_RLE.dcm deflated, then corrupted by nesting inserted into the deflate stream: the
     * header-only read failed from a file but succeeded from a stream fed a few bytes at a time,
     * because the inflater lost the bytes of a chunk in which it met the corruption.
     */
    @Test
    void corruptDeflateStreamFailsAlikeHoweverItIsFed() throws IOException {
        byte[] mutant = mutant("pydicom:test_files/MR_small_RLE.dcm", new Mutation.Stack(List.of(
                new Mutation.SetTransferSyntax("1.2.840.10008.1.2.1.99", true),
                new Mutation.DeepNesting(1440, 63, "SQ", true, false, true))));
        Path file = tmp.resolve("MR_small_RLE-deflated-nested.dcm");
        Files.write(file, mutant);
        DicomReader reader = new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true));
        DicomFormatException fromPath = assertThrows(DicomFormatException.class, () -> reader.readFile(file));
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(mutant)) {
            @Override
            public int read(byte[] b, int offset, int n) throws IOException {
                return super.read(b, offset, Math.min(n, 3));
            }

            @Override
            public int available() {
                return 0;
            }
        };
        DicomFormatException fromStream = assertThrows(DicomFormatException.class, () -> reader.read(trickle, "trickle"));
        assertEquals(fromPath.offset(), fromStream.offset());
        assertTrue(fromStream.getMessage().contains("cannot be inflated further"), fromStream::getMessage);
    }

    /** The mutant of a seed file, or the test is skipped when the seed file is not available. */
    static byte[] mutant(String seedName, Mutation mutation) {
        Seed seed;
        try {
            seed = SeedCorpus.named(seedName);
        } catch (IOException e) {
            Assumptions.abort("seed file not available: " + seedName);
            return null;
        }
        return mutation.apply(seed.bytes(), null);
    }

    /** Reads from a file and from a stream; both must fail with a message naming the input and a byte offset. */
    private List<DicomFormatException> readBothWays(byte[] bytes, String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        DicomReader reader = new DicomReader(ReadOptions.defaults());
        DicomFormatException fromPath = assertThrows(DicomFormatException.class, () -> reader.readFile(file));
        DicomFormatException fromStream = assertThrows(DicomFormatException.class,
                () -> reader.read(new ByteArrayInputStream(bytes), name));
        for (DicomFormatException e : List.of(fromPath, fromStream)) {
            assertTrue(e.getMessage().startsWith(e.source()) && e.source().endsWith(name), e::getMessage);
            assertTrue(e.getMessage().contains("at byte "), e::getMessage);
        }
        assertEquals(fromPath.offset(), fromStream.offset());
        return List.of(fromPath, fromStream);
    }
}
