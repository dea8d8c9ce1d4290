package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enhanced and legacy converted enhanced multi-frame objects, expanded per frame. Oracle: pydicom's
 * reading of the Per-Frame (else Shared) Functional Groups of the same files.
 */
class EnhancedFramesTest {

    @TempDir
    Path tmp;

    @Test
    void perFramePositionsOrientationsAndSpacingsAreThoseThatPydicomReads() throws Exception {
        Peers.assumePydicom();
        Path data = TestFiles.testdata();
        List<Path> files = new ArrayList<>();
        files.add(TestFiles.ungzipped(data.resolve("nibabel_testdata/nibabel/nicom/tests/data/philips_mprage.dcm.gz"), tmp));
        files.addAll(TestFiles.find(data.resolve("dcm_qa_enh/In"), ".*\\.dcm"));
        files.add(data.resolve("dcmqi_testdata/data/segmentations/24x38x3/multiframe/mf.dcm"));
        files.removeIf(p -> !Files.isRegularFile(p));
        Assumptions.assumeTrue(files.size() >= 6, "the enhanced sample files are missing");
        String script = String.join("\n",
                "import sys, json, pydicom",
                "def group(f, sh, name):",
                "    for g in (f, sh):",
                "        if g is not None and name in g and len(g[name].value) > 0:",
                "            return g[name].value[0]",
                "    return None",
                "for path in sys.argv[1:]:",
                "    ds = pydicom.dcmread(path, stop_before_pixels=True)",
                "    sh = ds.SharedFunctionalGroupsSequence[0]",
                "    for i, f in enumerate(ds.PerFrameFunctionalGroupsSequence):",
                "        pos = group(f, sh, 'PlanePositionSequence')",
                "        ori = group(f, sh, 'PlaneOrientationSequence')",
                "        pm = group(f, sh, 'PixelMeasuresSequence')",
                "        pvt = group(f, sh, 'PixelValueTransformationSequence')",
                "        print(json.dumps({'file': path, 'frame': i + 1,",
                "            'ipp': [float(v) for v in pos.ImagePositionPatient],",
                "            'iop': [float(v) for v in ori.ImageOrientationPatient],",
                "            'ps': [float(v) for v in pm.PixelSpacing],",
                "            'slope': float(pvt.RescaleSlope) if pvt is not None and 'RescaleSlope' in pvt else 1.0}))");
        Peers.Result result = Peers.runPython(script, files, 120);
        assertEquals(0, result.exitCode(), result.stderr());
        ScanResult scan = new SeriesScanner(ScanOptions.defaults()).scan(files);
        assertEquals(List.of(), scan.unreadable());
        Map<String, FrameHeader> ours = new java.util.HashMap<>();
        scan.frames().forEach(f -> ours.put(f.file() + "#" + f.frameNumber(), f));
        int compared = 0;
        for (String line : result.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) JsonTree.parse(line);
            String key = Path.of((String) e.get("file")).toAbsolutePath().normalize() + "#" + e.get("frame");
            FrameHeader frame = ours.get(key);
            assertTrue(frame != null, "no frame " + key);
            assertArrayEquals(doubles(e.get("ipp")), frame.imagePositionPatient(), 1e-9, key);
            assertArrayEquals(doubles(e.get("iop")), frame.imageOrientationPatient(), 1e-9, key);
            assertArrayEquals(doubles(e.get("ps")), frame.pixelSpacing(), 1e-9, key);
            assertEquals(((Number) e.get("slope")).doubleValue(), frame.modalityLut().slope(), 1e-12, key);
            compared++;
        }
        assertEquals(scan.frames().size(), compared);
        assertTrue(compared >= 176 + 64 + 24 + 3, "frames compared: " + compared);
    }

    @Test
    void philipsEnhancedMprageIsOneStackOf176Slices() throws Exception {
        Path file = TestFiles.ungzipped(TestFiles.testdata().resolve(
                "nibabel_testdata/nibabel/nicom/tests/data/philips_mprage.dcm.gz"), tmp);
        List<Series> series = new SeriesScanner(ScanOptions.defaults()).scan(List.of(file)).series();
        assertEquals(1, series.size());
        List<FrameStack> stacks = series.get(0).stacks();
        assertEquals(1, stacks.size(), stacks.toString());
        assertEquals(176, stacks.get(0).slices());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 176).boxed().toList(), stacks.get(0).frames().stream()
                .map(FrameHeader::frameNumber).sorted().toList());
        assertTrue(stacks.get(0).usable());
    }

    @Test
    void legacyConvertedEnhancedCtMatchesItsClassicSlices() throws Exception {
        Path base = TestFiles.testdata().resolve("dcmqi_testdata/data/segmentations/24x38x3");
        Assumptions.assumeTrue(Files.isDirectory(base), "no dcmqi data");
        FrameStack multiframe = only(new SeriesScanner(ScanOptions.defaults()).scan(List.of(base.resolve("multiframe"))));
        FrameStack classic = only(new SeriesScanner(ScanOptions.defaults()).scan(List.of(base.resolve("image"))));
        assertEquals(3, multiframe.slices());
        assertArrayEquals(classic.geometry().origin(), multiframe.geometry().origin(), 1e-6);
        assertArrayEquals(classic.geometry().sliceStep(), multiframe.geometry().sliceStep(), 1e-6);
        assertArrayEquals(classic.geometry().columnStep(), multiframe.geometry().columnStep(), 1e-9);
        assertEquals(List.of(1, 2, 3), multiframe.frames().stream().map(FrameHeader::frameNumber).sorted().toList());
    }

    private static FrameStack only(ScanResult scan) {
        List<Series> series = scan.series();
        assertEquals(1, series.size());
        assertEquals(1, series.get(0).stacks().size());
        return series.get(0).stacks().get(0);
    }

    @Test
    void functionalGroupsMayBeSharedOrPerFrameAndStackIdsSplit() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.4.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.9.30.1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.9.30");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "M", "NONE");
        ds.setInts(Tag.Rows, VR.US, 8);
        ds.setInts(Tag.Columns, VR.US, 8);
        ds.setLongs(Tag.NumberOfFrames, VR.IS, 6);
        DataSet shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        shared.newSequence(Tag.PlaneOrientationSequence).addItem().setDoubles(Tag.ImageOrientationPatient, VR.DS,
                1, 0, 0, 0, 1, 0);
        shared.newSequence(Tag.PixelMeasuresSequence).addItem().setDoubles(Tag.PixelSpacing, VR.DS, 2, 2);
        Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        // frames 1-3: stack "1" at z = 4, 0, 2; frames 4-6: stack "2", sagittal (its own orientation per frame)
        double[] z = {4, 0, 2};
        for (int f = 0; f < 6; f++) {
            DataSet item = perFrame.addItem();
            DataSet content = item.newSequence(Tag.FrameContentSequence).addItem();
            content.setString(Tag.StackID, VR.SH, f < 3 ? "1" : "2");
            content.setInts(Tag.InStackPositionNumber, VR.UL, f % 3 + 1);
            content.setInts(Tag.TemporalPositionIndex, VR.UL, 1);
            if (f < 3) {
                item.newSequence(Tag.PlanePositionSequence).addItem().setDoubles(Tag.ImagePositionPatient, VR.DS, 0, 0, z[f]);
            } else {
                item.newSequence(Tag.PlanePositionSequence).addItem().setDoubles(Tag.ImagePositionPatient, VR.DS,
                        3 * (f - 3), 0, 0);
                item.newSequence(Tag.PlaneOrientationSequence).addItem().setDoubles(Tag.ImageOrientationPatient, VR.DS,
                        0, 1, 0, 0, 0, -1);
            }
            item.newSequence(Tag.MREchoSequence).addItem().setDoubles(Tag.EffectiveEchoTime, VR.FD, 30);
        }
        List<FrameHeader> frames = FrameHeaderReader.frames(Path.of("/synthetic/enhanced.dcm"), ds);
        assertEquals(6, frames.size());
        assertEquals(4, frames.get(3).frameNumber());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, frames.get(0).imageOrientationPatient(), 0);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, -1}, frames.get(4).imageOrientationPatient(), 0);
        assertEquals(30, frames.get(5).echoTime());
        List<FrameStack> stacks = SeriesAssembler.assemble(frames, Tolerances.defaults()).get(0).stacks();
        assertEquals(2, stacks.size());

        ds.setLongs(Tag.NumberOfFrames, VR.IS, 1_000_000_000);
        List<FrameHeader> hostile = FrameHeaderReader.frames(Path.of("/synthetic/enhanced.dcm"), ds);
        assertEquals(6, hostile.size());
        assertEquals("PerFrameFunctionalGroupsSequence (5200,9230) has 6 items, expected 1000000000 (NumberOfFrames "
                + "(0028,0008))", hostile.get(0).problem());
        FrameStack refused = SeriesAssembler.assemble(hostile, Tolerances.defaults()).get(0).stacks().get(0);
        assertEquals(hostile.get(0).problem(), refused.refusal());
        assertEquals("stack 1, normal S", stacks.get(0).label());
        assertEquals(List.of(2, 3, 1), stacks.get(0).frames().stream().map(FrameHeader::frameNumber).toList());
        assertArrayEquals(new double[] {0, 0, 2}, stacks.get(0).geometry().sliceStep(), 1e-12);
        assertArrayEquals(new double[] {-3, 0, 0}, stacks.get(1).geometry().sliceStep(), 1e-12);
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Object>) list).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }
}
