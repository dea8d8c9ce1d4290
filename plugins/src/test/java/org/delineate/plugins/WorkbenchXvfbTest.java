package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.delineate.dicom.Peers;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.seg.PlacementOptions;
import org.delineate.dicom.seg.PlacementTarget;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentVolumes;
import org.delineate.dicom.seg.SegmentationReader;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench end to end, as a radiologist uses it (issue 6): {@code ./delineate} under Xvfb opens the sample study
 * in the Segment Editor and {@link WorkbenchDriver} works through the menus, dialogs, buttons, keys and mouse of the
 * real windows: a liver grown from a seed; the lesion outlined with polygons and brush strokes on every other slice
 * with painting limited to 80 to 120 HU, the slices between filled; a landmark; Measure; the editor's Save... as
 * JSON and Save Annotation as DICOM-SEG (format dialog, file chooser, validation report); the image closed,
 * the study reopened and the JSON loaded; ten steps undone and left unsaved, the image closed, the study reopened
 * and the autosaved annotation restored at the prompt. File choosers are answered through ImageJ's Swing file
 * chooser option (see {@link WorkbenchDriver}); everything else is clicked or typed.
 *
 * <p>Judged here: the SEG by dciodvfy (no errors), by our reader and by pydicom (frames, segment labels, and every
 * voxel placed by its frame's position) against the annotation's voxels the driver listed; the JSON by the state
 * after loading it (segments, their voxels, landmarks, undo history) and the restored state; and the lesion against
 * the phantom. Two truths for the lesion: the sphere's volume 4/3 pi r^3 (r = {@link CtPhantom#LESION_RADIUS},
 * 14.14 mL), and the phantom's voxel model, the voxel centers within the sphere (where the phantom is 100 HU), which
 * is what an outline made of voxels can at best be: threshold-limited outlines and shape-based filling between
 * every other slice give exactly those voxels, 1.8 % less than the sphere (a voxelised sphere of 6 voxels' radius).
 * So the measured volume must be the voxel model's exactly, and within 2 % of the sphere's.
 */
class WorkbenchXvfbTest {

    @TempDir
    Path tmp;

    @Test
    void aRadiologistOutlinesMeasuresSavesReopensAndRestoresTheSampleLesion() throws Exception {
        SampleGrid grid = SampleGrid.standard();
        CtPhantom p = grid.phantom();
        Set<String> lesion = new TreeSet<>();
        TreeSet<Integer> lesionSlices = new TreeSet<>();
        for (int k = 0; k < p.slices(); k++) {
            for (int j = 0; j < p.rows(); j++) {
                for (int i = 0; i < p.rows(); i++) {
                    if (grid.hounsfield(i, j, k) == 100) {
                        lesion.add(i + " " + j + " " + k);
                        lesionSlices.add(k);
                    }
                }
            }
        }
        int ci = grid.lesionVoxel()[0];
        int cj = grid.lesionVoxel()[1];
        int k0 = lesionSlices.first();
        int k1 = lesionSlices.last();
        int[] liver = {90, 45, (k0 + k1) / 2};
        assertEquals(60, grid.hounsfield(liver[0], liver[1], liver[2]), "the liver seed is in the liver");
        Path out = Files.createDirectories(tmp.resolve("out"));

        Map<String, String> seen = XvfbImageJ.call(tmp, WorkbenchDriver.class, "run", out + " " + ci + " " + cj + " " + k0
                + " " + k1 + " " + liver[0] + " " + liver[1] + " " + liver[2], 120);
        assertEquals(null, seen.get("failed"), "the session went through: " + seen);
        assertTrue(seen.get("liver_status").startsWith("Region growing painted"), seen.get("liver_status"));
        List<Integer> everyOther = new ArrayList<>();
        for (int k = k0; k <= k1; k += 2) {
            everyOther.add(k);
        }
        assertEquals(everyOther.toString(), seen.get("outlined_slices"), "polygons and brush strokes");
        assertEquals("Filled slices: " + (k1 - k0 - everyOther.size() + 1), seen.get("fill_status"));

        // The lesion: exactly the phantom's voxel model, and within 2 % of the sphere.
        Map<String, Set<String>> voxels = readVoxels(out.resolve("voxels.txt"));
        assertEquals(lesion, voxels.get("Mass"), "the outlined lesion is the phantom's lesion, voxel for voxel");
        double voxelMl = Math.pow(p.pixelSpacing(), 2) * p.sliceSpacing() / 1000;
        String[] measured = seen.get("measured_Mass").split(" ");
        assertEquals("2", seen.get("measured_rows"), "Liver and Mass in the Results table");
        assertEquals(lesion.size(), Long.parseLong(measured[0]), "Voxels");
        double ml = Double.parseDouble(measured[1]);
        assertEquals(lesion.size() * voxelMl, ml, 1e-9, "Volume (mL): the voxel model's");
        double sphere = 4.0 / 3 * Math.PI * Math.pow(CtPhantom.LESION_RADIUS, 3) / 1000;
        assertEquals(sphere, ml, sphere * 0.02, "Volume (mL): the sphere's, within 2 %");
        assertEquals(100, Double.parseDouble(measured[2]), 1e-9, "Mean HU");

        // The SEG: valid, and every voxel back where it was, by our reader and by pydicom.
        Path seg = out.resolve("lesion.dcm");
        assertEquals("Save Annotation: validation report", seen.get("validation_report"));
        Peers.Result check = Peers.run(List.of(Peers.assumeInstalled("dciodvfy").toString(), seg.toString()), 60);
        assertEquals(List.of(), check.all().lines().filter(l -> l.startsWith("Error")).toList(), check.all());
        Volume ct = readSample(tmp.resolve("cache/sample-ct"));
        SegmentVolumes placed = SegmentationReader.read(seg).place(PlacementTarget.of(ct), PlacementOptions.defaults());
        Map<String, Set<String>> read = new TreeMap<>();
        for (SegmentDescription s : placed.segments()) {
            read.put(s.segmentLabel(), members(placed.segmentVolume(s.segmentNumber())));
        }
        assertEquals(voxels, read, "our reader: the SEG's segments and voxels are the annotation's");
        Peers.assumePydicom();
        Peers.Result py = Peers.runPythonWithArguments("""
                import sys, pydicom
                seg = pydicom.dcmread(sys.argv[1])
                origin, spacing, bottom, thickness = (float(v) for v in sys.argv[2:6])
                labels = {s.SegmentNumber: s.SegmentLabel for s in seg.SegmentSequence}
                print(seg.NumberOfFrames, ','.join(labels[n] for n in sorted(labels)))
                pixels = seg.pixel_array.reshape((-1, seg.Rows, seg.Columns))
                for f, item in enumerate(seg.PerFrameFunctionalGroupsSequence):
                    x, y, z = (float(v) for v in item.PlanePositionSequence[0].ImagePositionPatient)
                    label = labels[item.SegmentIdentificationSequence[0].ReferencedSegmentNumber]
                    for j, i in zip(*pixels[f].nonzero()):
                        print(label, i + round((x - origin) / spacing), j + round((y - origin) / spacing),
                              round((z - bottom) / thickness))
                """, List.of(seg.toString(), Double.toString(grid.origin()), Double.toString(p.pixelSpacing()),
                Double.toString(grid.bottom()), Double.toString(p.sliceSpacing())), 120);
        assertEquals(0, py.exitCode(), py.stderr());
        List<String> lines = py.stdout().strip().lines().toList();
        Map<String, Set<String>> pydicom = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ", 2);
            pydicom.computeIfAbsent(f[0], n -> new TreeSet<>()).add(f[1]);
        }
        long frames = 0;
        for (Set<String> s : voxels.values()) {
            frames += s.stream().map(v -> v.substring(v.lastIndexOf(' '))).distinct().count();
        }
        assertEquals(frames + " Liver,Mass", lines.get(0), "pydicom: one frame per segment and slice it is on; labels");
        assertEquals(voxels, pydicom, "pydicom: every voxel of the SEG at its frame's position");

        // The JSON and the autosave: the same state back, history and all.
        String saved = seen.get("state_saved");
        assertTrue(saved.startsWith("segment 1 Liver SCT:10200004 "), saved);
        assertTrue(saved.contains(" | segment 2 Mass SCT:4147007 "), saved);
        assertTrue(saved.endsWith(" | undo 13 redo false"), "13 steps: add, code, grow; add, code, 3 polygons, 3 "
                + "strokes, fill; landmark: " + saved);
        String[] landmark = saved.replaceAll(".*\\| landmark 1 P1 ([^ ]+) \\|.*", "$1").split(",");
        assertEquals(CtPhantom.LESION_X, Double.parseDouble(landmark[0]), p.pixelSpacing(), saved);
        assertEquals(CtPhantom.LESION_Y, Double.parseDouble(landmark[1]), p.pixelSpacing(), saved);
        assertEquals(p.lesionZ(), Double.parseDouble(landmark[2]), 1e-3, "the landmark is on the lesion's middle slice");
        assertEquals("1", seen.get("recovery_files_before_save"), "13 steps: autosaved at the tenth");
        assertEquals("0", seen.get("recovery_files_after_json"), "the editor's Save... removed the recovery file");
        assertEquals("0", seen.get("recovery_files_after_save"), "and nothing wrote it again");
        assertEquals("false", seen.get("reopened_prompt"), "nothing to restore after saving");
        assertEquals(saved, seen.get("state_loaded"), "Load Annotation of the JSON");
        String undone = seen.get("state_undone");
        assertTrue(undone.endsWith(" | undo 3 redo true"), undone);
        assertEquals("1", seen.get("recovery_files_after_undo"), "ten steps autosave the annotation");
        assertEquals("true", seen.get("restore_prompt"), "reopening the study offers the unsaved annotation");
        assertEquals(undone, seen.get("state_restored"), "Restore at the prompt");
        assertEquals(saved, seen.get("state_redone"), "the restored history redoes the ten steps");
    }

    private static Map<String, Set<String>> readVoxels(Path file) throws IOException {
        Map<String, Set<String>> voxels = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ", 2);
            voxels.computeIfAbsent(f[0], n -> new TreeSet<>()).add(f[1]);
        }
        return voxels;
    }

    private static Volume readSample(Path folder) throws Exception {
        var stack = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder)).series().get(0).stacks().get(0);
        return StackVolumes.read(stack, 2);
    }

    /** The voxels "i j k" of a 0/1 UINT8 segment volume that are 1. */
    private static Set<String> members(Volume v) {
        Set<String> set = new TreeSet<>();
        for (int k = 0; k < v.slices(); k++) {
            byte[] plane = (byte[]) v.plane(k);
            for (int n = 0; n < plane.length; n++) {
                if (plane[n] != 0) {
                    set.add(n % v.columns() + " " + n / v.columns() + " " + k);
                }
            }
        }
        return set;
    }
}
