package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.ScanResult;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Assumptions;

/** Runs seg_oracle.py (pydicom + numpy) and opens source series, for the segmentation tests. */
final class SegOracle {

    /** One frame as pydicom decodes it and where the oracle places it. */
    record Frame(int number, int segment, Integer k, Integer i0, Integer j0, int rows, int columns, int[] values) {
    }

    /** The oracle's view of a segmentation. */
    record View(String type, int slices, List<Frame> frames, List<Map<String, Object>> segments) {
    }

    /** NB: each oracle run starts Python and decodes every frame; views are kept for the test run. */
    private static final Map<List<Path>, View> VIEWS = new java.util.concurrent.ConcurrentHashMap<>();

    private SegOracle() {
    }

    static Path data(String path) {
        Path p = TestFiles.testdata().resolve(path);
        Assumptions.assumeTrue(Files.exists(p), "no " + p);
        return p;
    }

    /** The regular files of a folder, or the file itself. */
    static List<Path> files(Path source) throws IOException {
        return Files.isDirectory(source) ? TestFiles.find(source, ".*") : List.of(source);
    }

    /** The largest usable stack found in {@code source}. */
    static FrameStack stack(Path source) throws Exception {
        ScanResult scan = new SeriesScanner(ScanOptions.defaults()).scan(List.of(source));
        return scan.series().stream().flatMap(s -> s.stacks().stream()).filter(FrameStack::usable)
                .max((a, b) -> Integer.compare(a.slices(), b.slices())).orElseThrow();
    }

    static Volume volume(Path source) throws Exception {
        return StackVolumes.read(stack(source), 2);
    }

    static View view(Path seg, List<Path> sources) throws IOException {
        Peers.assumePydicom();
        List<Path> key = new ArrayList<>();
        key.add(seg);
        key.addAll(sources);
        View cached = VIEWS.get(key);
        if (cached == null) {
            cached = run(seg, sources);
            VIEWS.put(key, cached);
        }
        return cached;
    }

    @SuppressWarnings("unchecked")
    private static View run(Path seg, List<Path> sources) throws IOException {
        String script;
        try (InputStream in = SegOracle.class.getResourceAsStream("seg_oracle.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Path> args = new ArrayList<>();
        args.add(seg);
        args.addAll(sources);
        Peers.Result r = Peers.runPython(script, args, 300);
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, Object> tree = (Map<String, Object>) JsonTree.parse(r.stdout());
        List<Frame> frames = new ArrayList<>();
        for (Object o : (List<Object>) tree.get("frames")) {
            Map<String, Object> f = (Map<String, Object>) o;
            byte[] raw = Base64.getDecoder().decode((String) f.get("values"));
            boolean wide = (Boolean) f.get("wide");
            int[] values = new int[wide ? raw.length / 2 : raw.length];
            for (int n = 0; n < values.length; n++) {
                values[n] = wide ? (raw[2 * n] & 0xFF) | (raw[2 * n + 1] & 0xFF) << 8 : raw[n] & 0xFF;
            }
            frames.add(new Frame(num(f.get("number")), num(f.get("segment")), integer(f.get("k")), integer(f.get("i0")),
                    integer(f.get("j0")), num(f.get("rows")), num(f.get("columns")), values));
        }
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Object o : (List<Object>) tree.get("segments")) {
            segments.add((Map<String, Object>) o);
        }
        return new View((String) tree.get("type"), num(tree.get("slices")), frames, segments);
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
