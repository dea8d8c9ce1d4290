package org.delineate.plugins.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.TextRoi;
import ij.measure.Calibration;

import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.open.SampleStudy;
import org.delineate.plugins.open.SeriesTable;
import org.delineate.dicom.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ImageJ view of a volume (headless): the stack holds the volume's own arrays, the calibration is in
 * mm, and calibrated values are the HU that pydicom computes from the same files.
 */
class VolumeImagesTest {

    @TempDir
    static Path cache;

    static Path folder;
    static Volume volume;
    static ImagePlus imp;

    @BeforeAll
    static void open() throws Exception {
        folder = SampleStudy.ensure(cache);
        volume = StackVolumes.read(SeriesTable.scan(folder, 2).choose(1, null).stack(), 2);
        imp = VolumeImages.toImagePlus(volume, "phantom");
    }

    @Test
    void stackSharesThePlanes() {
        ImageStack stack = imp.getStack();
        assertEquals(volume.slices(), stack.getSize());
        for (int k = 0; k < volume.slices(); k++) {
            assertSame(volume.plane(k), stack.getPixels(k + 1), "slice " + k);
        }
        short[] first = (short[]) volume.plane(0);
        short before = first[5];
        imp.getStack().getProcessor(1).set(5, 0, 1234);
        assertEquals(1234, first[5], "a write through ImageJ is a write to the volume");
        first[5] = before;
        assertSame(volume, VolumeImages.volumeOf(imp));
    }

    @Test
    void calibrationInMillimetresAndHounsfieldUnits() throws Exception {
        Calibration cal = imp.getCalibration();
        assertEquals("mm", cal.getUnit());
        assertEquals(2.5, cal.pixelWidth, 1e-12);
        assertEquals(2.5, cal.pixelHeight, 1e-12);
        assertEquals(2.5, cal.pixelDepth, 1e-12);
        assertEquals(32768, volume.storedOffset(), "the phantom is signed 16-bit");
        assertEquals(Calibration.STRAIGHT_LINE, cal.getFunction());
        assertEquals("HU", cal.getValueUnit());

        Peers.assumePythonModule("pydicom");
        int[][] points = {{0, 0}, {64, 64}, {88, 60}, {20, 60}, {64, 92}, {100, 60}, {39, 70}};
        List<String> args = new ArrayList<>();
        args.add(pointList(points));
        try (Stream<Path> s = Files.list(folder)) {
            s.sorted().forEach(p -> args.add(p.toString()));
        }
        Peers.Result r = Peers.runPythonWithArguments(String.join("\n",
                "import sys, pydicom",
                "points = [tuple(map(int, p.split(','))) for p in sys.argv[1].split(';')]",
                "for f in sys.argv[2:]:",
                "    d = pydicom.dcmread(f)",
                "    a = d.pixel_array",
                "    hu = [float(a[j, i]) * float(d.RescaleSlope) + float(d.RescaleIntercept) for i, j in points]",
                "    print(d.SOPInstanceUID, ' '.join(repr(v) for v in hu))"), args, 120);
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, double[]> byUid = new HashMap<>();
        r.stdout().strip().lines().forEach(line -> {
            String[] parts = line.split(" ");
            double[] values = new double[parts.length - 1];
            for (int n = 1; n < parts.length; n++) {
                values[n - 1] = Double.parseDouble(parts[n]);
            }
            byUid.put(parts[0], values);
        });
        assertEquals(volume.slices(), byUid.size());
        int compared = 0;
        boolean lesion = false;
        for (int k = 0; k < volume.slices(); k++) {
            double[] expected = byUid.get(volume.sources().get(k).sopInstanceUid());
            for (int p = 0; p < points.length; p++) {
                int i = points[p][0];
                int j = points[p][1];
                double calibrated = cal.getCValue(imp.getStack().getProcessor(k + 1).get(i, j));
                assertEquals(expected[p], calibrated, 1e-9, "voxel " + i + "," + j + "," + k);
                assertEquals(volume.modalityValue(i, j, k), calibrated, 1e-9);
                lesion |= calibrated == 100;
                compared++;
            }
        }
        assertEquals(volume.slices() * points.length, compared);
        assertTrue(lesion, "the sampled points include the lesion (100 HU)");
    }

    @Test
    void firstWindowIsTheHeadersAndPresetsMapToSamples() {
        List<WindowPresets.Named> windows = WindowPresets.of(volume);
        assertEquals(List.of("header_1", "soft_tissue", "lung", "bone", "brain"),
                windows.stream().map(WindowPresets.Named::key).toList());
        Calibration cal = imp.getCalibration();
        assertEquals(40 - 200, cal.getCValue(imp.getDisplayRangeMin()), 1e-9, "header window C 40 W 400");
        assertEquals(40 + 200, cal.getCValue(imp.getDisplayRangeMax()), 1e-9);
        VolumeImages.applyWindow(imp, volume, WindowPresets.find(windows, "lung").window());
        assertEquals(-1350, cal.getCValue(imp.getDisplayRangeMin()), 1e-9);
        assertEquals(150, cal.getCValue(imp.getDisplayRangeMax()), 1e-9);
    }

    @Test
    void orientationLettersAreAnOverlay() {
        Overlay overlay = imp.getOverlay();
        assertEquals(4, overlay.size());
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < overlay.size(); n++) {
            assertEquals(VolumeImages.ORIENTATION_NAME, overlay.get(n).getName());
            texts.add(((TextRoi) overlay.get(n)).getText().trim());
        }
        // the phantom is axial head first supine: left R, right L, top A, bottom P
        assertEquals(List.of("R", "L", "A", "P"), texts);
        assertTrue(overlay.get(0).getXBase() < volume.columns() / 4.0);
        assertTrue(overlay.get(1).getXBase() > volume.columns() / 2.0);
        assertTrue(overlay.get(3).getYBase() > volume.rows() / 2.0);
    }

    private static String pointList(int[][] points) {
        List<String> out = new ArrayList<>();
        for (int[] p : points) {
            out.add(p[0] + "," + p[1]);
        }
        return String.join(";", out);
    }
}
