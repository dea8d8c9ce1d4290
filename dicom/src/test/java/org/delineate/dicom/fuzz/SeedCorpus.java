package org.delineate.dicom.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.delineate.dicom.TestFiles;

/**
 * The real files the fuzzer mutates, held in memory and never written into the project: a varied
 * selection of pydicom's corpus (every native transfer syntax, deflated, RLE, JPEG, sequences,
 * character sets, no preamble, known deviations) and of {@code ../shared/testdata}. Each seed is
 * named {@code pydicom:<path>} or {@code shared:<path>} so that a failure can be reproduced from its
 * name. Missing files are left out. Immutable after loading; thread-safe.
 */
final class SeedCorpus {

    /** A seed file: its stable name, bytes and layout. */
    record Seed(String name, byte[] bytes, SeedLayout layout) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    private static final List<String> PYDICOM = List.of(
            "test_files/CT_small.dcm", "test_files/MR_small.dcm", "test_files/MR_small_implicit.dcm",
            "test_files/MR_small_bigendian.dcm", "test_files/MR_small_expb.dcm", "test_files/ExplVR_BigEnd.dcm",
            "test_files/ExplVR_BigEndNoMeta.dcm", "test_files/ExplVR_LitEndNoMeta.dcm", "test_files/no_meta.dcm",
            "test_files/no_meta_group_length.dcm", "test_files/meta_missing_tsyntax.dcm", "test_files/image_dfl.dcm",
            "test_files/MR_small_RLE.dcm", "test_files/SC_rgb_rle_2frame.dcm", "test_files/JPEG2000.dcm",
            "test_files/JPEG2000-embedded-sequence-delimiter.dcm", "test_files/JPEG-lossy.dcm",
            "test_files/SC_rgb_jpeg_dcmtk.dcm", "test_files/MR_small_jpeg_ls_lossless.dcm",
            "test_files/nested_priv_SQ.dcm", "test_files/priv_SQ.dcm", "test_files/UN_sequence.dcm",
            "test_files/badVR.dcm", "test_files/rtplan.dcm", "test_files/rtstruct.dcm", "test_files/rtdose_1frame.dcm",
            "test_files/reportsi.dcm", "test_files/test-SR.dcm", "test_files/MR_truncated.dcm",
            "test_files/rtplan_truncated.dcm", "test_files/empty_charset_LEI.dcm", "test_files/SC_rgb_small_odd.dcm",
            "test_files/liver_1frame.dcm", "test_files/waveform_ecg.dcm", "charset_files/chrSQEncoding.dcm",
            "charset_files/chrJapMulti.dcm", "charset_files/chrX1.dcm", "charset_files/chrH31.dcm",
            "charset_files/chrArab.dcm");

    private static final List<String> SHARED = List.of(
            "dcm_qa_ts/In/2.dcm", "dcm_qa_ts/In/3.dcm", "dcm_qa_ts/In/4.dcm", "dcm_qa_ts/In/9.dcm",
            "dcmqi_testdata/data/segmentations/liver.dcm", "dcmqi_testdata/data/sr-example/sr.dcm",
            "highdicom_testdata/data/test_files/seg_image_ct_binary_overlap.dcm",
            "dcm_qa_enh/In/Siemens/XA10/6_1.dcm", "rt_utils_testdata/tests/mock_data/invalid_reference_rt.dcm",
            "deid_data/deid_data/data/humans/ctbrain1.dcm", "nibabel_testdata/nibabel/nicom/tests/data/siemens_dwi_0.dcm.gz",
            "dcm_qa_nih/In/20180918GE/mr_0004/axial_epi_fmri_interleaved_i_to_s-00001.dcm");

    private final Map<String, Seed> seeds;

    private SeedCorpus(Map<String, Seed> seeds) {
        this.seeds = seeds;
    }

    /** Loads the default selection; the shared set's {@code dcm_qa_xa30i} contributes its first file. */
    static SeedCorpus load() throws IOException {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        for (String path : PYDICOM) {
            add(seeds, "pydicom:" + path, TestFiles.PYDICOM_DATA.resolve(path));
        }
        for (String path : SHARED) {
            add(seeds, "shared:" + path, TestFiles.testdata().resolve(path));
        }
        List<Path> xa30 = TestFiles.find(TestFiles.testdata().resolve("dcm_qa_xa30i/In"), ".*\\.dcm\\.gz");
        if (!xa30.isEmpty()) {
            add(seeds, "shared:" + TestFiles.testdata().relativize(xa30.get(0)), xa30.get(0));
        }
        return new SeedCorpus(Collections.unmodifiableMap(seeds));
    }

    /** Reads one seed by its name ({@code pydicom:...} or {@code shared:...}), e.g. for a regression test. */
    static Seed named(String name) throws IOException {
        Map<String, Seed> one = new LinkedHashMap<>();
        add(one, name, resolve(name));
        if (one.isEmpty()) {
            throw new IOException("seed file not available: " + name);
        }
        return one.get(name);
    }

    /** The seeds in a fixed order. */
    List<Seed> seeds() {
        return new ArrayList<>(seeds.values());
    }

    /** A seed by name, loading it if it is not part of this corpus; used by {@link Mutation.Splice}. */
    byte[] bytes(String name) {
        Seed seed = seeds.get(name);
        if (seed != null) {
            return seed.bytes();
        }
        try {
            return named(name).bytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("no seed " + name, e);
        }
    }

    private static Path resolve(String name) {
        if (name.startsWith("pydicom:")) {
            return TestFiles.PYDICOM_DATA.resolve(name.substring("pydicom:".length()));
        }
        if (name.startsWith("shared:")) {
            return TestFiles.testdata().resolve(name.substring("shared:".length()));
        }
        throw new IllegalArgumentException("a seed name starts with pydicom: or shared:, not " + name);
    }

    private static void add(Map<String, Seed> seeds, String name, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes;
        if (file.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        seeds.put(name, new Seed(name, bytes, SeedLayout.scan(bytes)));
    }
}
