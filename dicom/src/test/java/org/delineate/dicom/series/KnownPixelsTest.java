package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.volume.Volume;
import org.delineate.dicom.volume.VolumeAssembler;
import org.delineate.dicom.volume.VolumeAssembler.FrameRef;
import org.junit.jupiter.api.Test;

/**
 * The scan records where each file's pixels are, so reading a volume parses each header once. Reading
 * that way must give what reading every file again gives: same planes, modality LUTs, sources, header.
 */
class KnownPixelsTest {

    @Test
    void volumesFromTheScanEqualVolumesFromFilesReadAgain() throws Exception {
        List<Path> roots = new ArrayList<>();
        for (String name : List.of("dcm_qa_ts", "dcm_qa_12bit", "dcm_qa_enh", "dcm_qa_nih", "dcmqi_testdata")) {
            Path root = TestFiles.testdata().resolve(name);
            if (Files.isDirectory(root)) {
                roots.add(root);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(roots.isEmpty(), "no shared test data");
        ScanResult scan = new SeriesScanner(ScanOptions.defaults()).scan(roots);
        int compared = 0;
        int known = 0;
        for (Series series : scan.series()) {
            for (FrameStack stack : series.stacks()) {
                if (!stack.usable()) {
                    continue;
                }
                List<FrameRef> refs = StackVolumes.frameRefs(stack);
                Volume fromScan;
                try {
                    fromScan = StackVolumes.read(stack, 2);
                } catch (IOException e) {
                    assertEquals(messageOfReadingAgain(refs, stack), e.getMessage(),
                            "a refusal is the same either way");
                    continue;
                }
                List<FrameRef> plain = new ArrayList<>();
                for (FrameRef r : refs) {
                    known += r.known() != null ? 1 : 0;
                    plain.add(new FrameRef(r.file(), r.frameNumber(), r.tile()));
                }
                Volume again = new VolumeAssembler(2).assemble(plain, stack.geometry(), stack.notes());
                assertEqualVolumes(again, fromScan, series.seriesInstanceUid() + " " + stack.label());
                compared++;
            }
        }
        assertTrue(compared >= 20, "compared " + compared + " stacks");
        assertTrue(known > 0, "the scan knew where the pixels are for some frames");
        System.out.println("known pixels: " + compared + " stacks identical, " + known + " frames not parsed twice");
    }

    private static String messageOfReadingAgain(List<FrameRef> refs, FrameStack stack) {
        List<FrameRef> plain = new ArrayList<>();
        refs.forEach(r -> plain.add(new FrameRef(r.file(), r.frameNumber(), r.tile())));
        try {
            new VolumeAssembler(2).assemble(plain, stack.geometry(), stack.notes());
            return "read without error";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static void assertEqualVolumes(Volume expected, Volume actual, String what) {
        assertEquals(expected.sampleType(), actual.sampleType(), what);
        assertEquals(expected.storedOffset(), actual.storedOffset(), what);
        assertEquals(expected.slices(), actual.slices(), what);
        assertEquals(expected.sources(), actual.sources(), what);
        assertEquals(expected.frameOfReferenceUid(), actual.frameOfReferenceUid(), what);
        assertEquals(expected.windows(), actual.windows(), what);
        assertNotNull(actual.header(), what);
        assertEquals(expected.header().size(), actual.header().size(), what);
        for (int k = 0; k < expected.slices(); k++) {
            assertEquals(expected.modalityLut(k), actual.modalityLut(k), what + " slice " + k);
            Object a = expected.plane(k);
            Object b = actual.plane(k);
            assertEquals(Array.getLength(a), Array.getLength(b), what + " slice " + k);
            if (a instanceof short[] s) {
                assertArrayEquals(s, (short[]) b, what + " slice " + k);
            } else if (a instanceof byte[] s) {
                assertArrayEquals(s, (byte[]) b, what + " slice " + k);
            } else if (a instanceof float[] s) {
                assertArrayEquals(s, (float[]) b, what + " slice " + k);
            } else {
                assertArrayEquals((int[]) a, (int[]) b, what + " slice " + k);
            }
        }
    }
}
