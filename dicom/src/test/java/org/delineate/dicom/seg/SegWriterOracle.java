package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.delineate.dicom.Peers;

/**
 * Checks a written segmentation with external tools: dciodvfy (errors) and pydicom, whose view of every frame
 * (segment number, referenced source instance, Image Position (Patient) against that source file's, dimension
 * index values and unpacked pixels) must agree with the input.
 */
final class SegWriterOracle {

    private static final String PYDICOM_VIEW = String.join("\n",
            "import sys, hashlib, pydicom, numpy as np",
            "seg = pydicom.dcmread(sys.argv[1])",
            "ipp_of = {}",
            "for p in sys.argv[2:]:",
            "    s = pydicom.dcmread(p, stop_before_pixels=True)",
            "    if 'PerFrameFunctionalGroupsSequence' in s:",
            "        for i, g in enumerate(s.PerFrameFunctionalGroupsSequence):",
            "            ipp_of[(s.SOPInstanceUID, i + 1)] = [float(x) for x in g.PlanePositionSequence[0].ImagePositionPatient]",
            "    else:",
            "        ipp_of[(s.SOPInstanceUID, 0)] = [float(x) for x in s.ImagePositionPatient]",
            "arr = seg.pixel_array",
            "n = int(seg.NumberOfFrames)",
            "if arr.ndim == 2: arr = arr[None]",
            "print('frames', n, arr.shape[0], arr.shape[1], arr.shape[2], seg.SegmentationType)",
            "refs = sorted(i.ReferencedSOPInstanceUID for s in seg.ReferencedSeriesSequence for i in s.ReferencedInstanceSequence)",
            "print('refs', ' '.join(refs))",
            "for f, item in enumerate(seg.PerFrameFunctionalGroupsSequence):",
            "    no = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber) if 'SegmentIdentificationSequence' in item else 0",
            "    src = item.DerivationImageSequence[0].SourceImageSequence[0]",
            "    key = (src.ReferencedSOPInstanceUID, int(src.get('ReferencedFrameNumber', 0)))",
            "    ipp = [float(x) for x in item.PlanePositionSequence[0].ImagePositionPatient]",
            "    d = max(abs(a - b) for a, b in zip(ipp, ipp_of[key])) if key in ipp_of else -1",
            "    v = item.FrameContentSequence[0].DimensionIndexValues",
            "    v = [int(x) for x in v] if hasattr(v, '__len__') else [int(v)]",
            "    h = hashlib.sha256(np.ascontiguousarray(arr[f].astype('<i4')).tobytes()).hexdigest()",
            "    print('frame', f + 1, no, key[0], key[1], '%.6f' % d, '/'.join(str(x) for x in v), h)");

    /** One frame as pydicom sees it. */
    record Frame(int segment, String sourceUid, int sourceFrame, double positionError, String dimensionIndex,
            String pixelHash) {
    }

    /** pydicom's view of a segmentation. */
    record View(int numberOfFrames, int arrayFrames, int rows, int columns, String type, Set<String> references,
            List<Frame> frames) {
    }

    private SegWriterOracle() {
    }

    /**
     * What dciodvfy (dicom3tools 2022) says of every Label Map Segmentation, ours and dcmqi's alike: it predates
     * Supplement 243, so it knows no IOD for the SOP class, and its Segment Number rule does not allow the
     * background item (Segment Number 0) that a LABELMAP needs to describe pixel value 0.
     */
    static final List<String> LABELMAP_ERRORS_OF_OLD_DCIODVFY = List.of(
            "Error - SegmentNumber not monotonically increasing from one by one - have SegmentSequence item number 1 "
                    + "(from one) with SegmentNumber of 0",
            "Error - Information Object Not found");

    /** Runs dciodvfy and returns its output; fails the test on any line with "Error" (but {@code tolerated}). */
    static String assertDciodvfyClean(Path seg, List<String> tolerated) throws IOException {
        Peers.assumeInstalled("dciodvfy");
        Peers.Result result = Peers.run(List.of("dciodvfy", seg.toString()), 120);
        List<String> errors = result.all().lines().filter(l -> l.contains("Error") && !tolerated.contains(l.strip()))
                .toList();
        assertTrue(errors.isEmpty(), "dciodvfy errors for " + seg.getFileName() + ":\n" + result.all());
        return result.all();
    }

    static View pydicomView(Path seg, List<Path> sources) throws IOException {
        Peers.assumePydicom();
        List<Path> args = new ArrayList<>();
        args.add(seg);
        args.addAll(sources);
        Peers.Result result = Peers.runPython(PYDICOM_VIEW, args, 300);
        assertEquals(0, result.exitCode(), result.all());
        int n = -1, arrayFrames = -1, rows = -1, columns = -1;
        String type = null;
        Set<String> refs = new TreeSet<>();
        List<Frame> frames = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            String[] w = line.split(" ");
            switch (w[0]) {
                case "frames" -> {
                    n = Integer.parseInt(w[1]);
                    arrayFrames = Integer.parseInt(w[2]);
                    rows = Integer.parseInt(w[3]);
                    columns = Integer.parseInt(w[4]);
                    type = w[5];
                }
                case "refs" -> refs.addAll(List.of(w).subList(1, w.length));
                case "frame" -> frames.add(new Frame(Integer.parseInt(w[2]), w[3], Integer.parseInt(w[4]),
                        Double.parseDouble(w[5]), w[6], w[7]));
                default -> throw new AssertionError("unexpected pydicom output: " + line);
            }
        }
        return new View(n, arrayFrames, rows, columns, type, refs, frames);
    }

    /**
     * Asserts that pydicom's view holds exactly the frames (segment s, slice k) expected, in order, each with
     * the pixels of the input and the position and reference of its source slice.
     */
    static void assertAgrees(View view, SegWriterSources.Loaded src, SegmentationFrames input, SegmentationType type,
            boolean keepEmpty) {
        List<int[]> expected = expectedFrames(input, type, keepEmpty);
        assertEquals(expected.size(), view.numberOfFrames(), "NumberOfFrames");
        assertEquals(expected.size(), view.arrayFrames(), "frames in pixel_array");
        assertEquals(input.rows(), view.rows());
        assertEquals(input.columns(), view.columns());
        assertEquals(type.name(), view.type());
        assertEquals(expected.size(), view.frames().size());
        Set<String> referenced = new TreeSet<>();
        for (int f = 0; f < expected.size(); f++) {
            int s = expected.get(f)[0], k = expected.get(f)[1];
            Frame frame = view.frames().get(f);
            String where = "frame " + (f + 1) + " (segment " + s + ", slice " + k + ")";
            String uid = src.source().frames().get(k).sopInstanceUid();
            referenced.add(uid);
            assertEquals(s, frame.segment(), where + ": segment");
            assertEquals(uid, frame.sourceUid(), where + ": source instance");
            assertEquals(src.source().frames().get(k).frameNumber(), frame.sourceFrame(), where + ": source frame");
            assertTrue(frame.positionError() >= 0 && frame.positionError() < 1e-3,
                    where + ": ImagePositionPatient differs from the source's by " + frame.positionError());
            assertEquals(type == SegmentationType.LABELMAP ? "" + (k + 1) : s + "/" + (k + 1), frame.dimensionIndex(),
                    where + ": DimensionIndexValues");
            assertEquals(expectedHash(input, type, s, k), frame.pixelHash(), where + ": pixels");
        }
        assertEquals(referenced, view.references(), "ReferencedInstanceSequence");
    }

    /** The frames the writer must write: by segment then slice, non-empty ones (all if kept), >= 1 per segment. */
    static List<int[]> expectedFrames(SegmentationFrames input, SegmentationType type, boolean keepEmpty) {
        int pixels = input.columns() * input.rows();
        List<int[]> frames = new ArrayList<>();
        if (type == SegmentationType.LABELMAP) {
            int[] labels = new int[pixels];
            for (int k = 0; k < input.slices(); k++) {
                input.readLabels(k, labels);
                boolean any = false;
                for (int v : labels) {
                    any |= v != 0;
                }
                if (any || keepEmpty) {
                    frames.add(new int[] {0, k});
                }
            }
            if (frames.isEmpty()) {
                frames.add(new int[] {0, 0});
            }
            return frames;
        }
        byte[] frame = new byte[pixels];
        for (int s = 1; s <= input.segmentCount(); s++) {
            int before = frames.size();
            for (int k = 0; k < input.slices(); k++) {
                input.readFrame(s, k, frame);
                boolean any = false;
                for (byte b : frame) {
                    any |= b != 0;
                }
                if (any || keepEmpty) {
                    frames.add(new int[] {s, k});
                }
            }
            if (frames.size() == before) {
                frames.add(new int[] {s, 0});
            }
        }
        return frames;
    }

    static String expectedHash(SegmentationFrames input, SegmentationType type, int segment, int slice) {
        int pixels = input.columns() * input.rows();
        int[] values = new int[pixels];
        if (type == SegmentationType.LABELMAP) {
            input.readLabels(slice, values);
        } else {
            byte[] frame = new byte[pixels];
            input.readFrame(segment, slice, frame);
            for (int i = 0; i < pixels; i++) {
                values[i] = frame[i] & 0xFF;
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(pixels * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putInt(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buffer.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
