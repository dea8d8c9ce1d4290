package org.delineate.dicom.seg.meta;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.TestFiles;

/** The dcmqi schema and example metadata kept as test resources (see dcmqi/PROVENANCE.md there). */
final class DcmqiExamples {

    /** The examples written with SCT codes, valid against dcmqi's current schema. */
    static final List<String> CURRENT = List.of("seg-example.json", "seg-example_multiple_segments.json",
            "seg-example_multiple_segments_single_input_file.json", "seg-example_liver_spine.json",
            "seg-example_liver_spine_gapped.json", "seg-example_partial_overlaps.json");

    /** Older versions of two examples: SRT codes and the {@code LabelID} spelling. */
    static final List<String> OLD = List.of("seg-example-srt.json", "seg-example_multiple_segments-srt.json");

    private DcmqiExamples() {
    }

    static Path resource(String name) throws IOException {
        try {
            return Path.of(DcmqiExamples.class.getResource("dcmqi/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("test resource dcmqi/" + name + " is missing", e);
        }
    }

    static Path segmentations() {
        return TestFiles.testdata().resolve("dcmqi_testdata/data/segmentations");
    }
}
