package org.delineate.dicom.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.JsonTree;
import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Siemens mosaics: the tile layout and the geometry of the unpacked slices. Oracle: nibabel's
 * MosaicWrapper (nibabel.nicom), whose affine maps (row, column, slice) to LPS, on every mosaic of the
 * test data: dcm_qa_nih Siemens, dcm_qa_ts (nine transfer syntaxes), dcm_qa_12bit (slice count only in
 * the CSA header), nibabel's siemens_dwi.
 */
class MosaicTest {

    @TempDir
    Path tmp;

    @Test
    void tilesAndGeometryAgreeWithNibabel() throws Exception {
        Peers.assumeInstalled(Peers.PYTHON);
        Path data = TestFiles.testdata();
        List<Path> files = new ArrayList<>();
        files.addAll(TestFiles.find(data.resolve("dcm_qa_nih/In/20180918Si"), ".*\\.dcm"));
        files.addAll(TestFiles.find(data.resolve("dcm_qa_ts/In"), ".*\\.dcm"));
        files.addAll(TestFiles.find(data.resolve("dcm_qa_12bit/In"), ".*\\.dcm"));
        for (String dwi : List.of("siemens_dwi_0.dcm.gz", "siemens_dwi_1000.dcm.gz")) {
            Path gz = data.resolve("nibabel_testdata/nibabel/nicom/tests/data").resolve(dwi);
            if (Files.isRegularFile(gz)) {
                files.add(TestFiles.ungzipped(gz, tmp));
            }
        }
        Assumptions.assumeTrue(files.size() >= 20, "the mosaic sample files are missing");
        String script = String.join("\n",
                "import sys, json, warnings",
                "warnings.simplefilter('ignore')",
                "import nibabel.nicom.dicomwrappers as w",
                "for f in sys.argv[1:]:",
                "    x = w.wrapper_from_file(f)",
                "    print(json.dumps({'file': f, 'shape': list(x.image_shape), 'affine': x.affine.tolist()}))");
        Peers.Result result = Peers.runPython(script, files, 120);
        Assumptions.assumeTrue(result.exitCode() == 0, "nibabel cannot read the mosaics: " + result.stderr());
        ScanResult scan = new SeriesScanner(ScanOptions.defaults()).scan(files);
        Map<Path, FrameHeader> byFile = new HashMap<>();
        scan.frames().forEach(f -> byFile.put(f.file(), f));
        double worst = 0;
        String where = "";
        int compared = 0;
        for (String line : result.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) JsonTree.parse(line);
            Path file = Path.of((String) e.get("file")).toAbsolutePath().normalize();
            FrameHeader frame = byFile.get(file);
            assertNotNull(frame, "no frame of " + file);
            Mosaic mosaic = frame.mosaic();
            assertNotNull(mosaic, file + ": " + frame.problem());
            @SuppressWarnings("unchecked")
            List<Number> shape = (List<Number>) e.get("shape");
            assertEquals(shape.get(0).intValue(), mosaic.tileRows(), file.toString());
            assertEquals(shape.get(1).intValue(), mosaic.tileColumns(), file.toString());
            assertEquals(shape.get(2).intValue(), mosaic.numberOfSlices(), file.toString());
            VolumeGeometry g = StackBuilder.build(frame.seriesInstanceUid(), List.of(frame),
                    new StackBuilder.Placement("", 0, 0, 1, List.of()), Tolerances.defaults()).geometry();
            @SuppressWarnings("unchecked")
            List<List<Number>> a = (List<List<Number>>) e.get("affine");
            // nibabel indexes (row, column, slice): its first column is our row step, its second our column step
            double[][] expected = {column(a, 1), column(a, 0), column(a, 2), column(a, 3)};
            double[][] ours = {g.columnStep(), g.rowStep(), g.sliceStep(), g.origin()};
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 3; r++) {
                    double d = Math.abs(expected[c][r] - ours[c][r]);
                    if (d > worst) {
                        worst = d;
                        where = file.getFileName() + " column " + c;
                    }
                }
            }
            compared++;
        }
        assertEquals(files.size(), compared);
        // NB: nibabel moves the corner to tile 0 along the direction cosines as written; we normalize them first.
        // siemens_dwi's column cosines (0, 0.999986, -0.005236) are 3e-7 short of unit length, which over the
        // 690 mm from the mosaic's corner to tile 0 makes 2e-4 mm.
        assertTrue(worst < 1e-3, "largest difference from nibabel's mosaic affine: " + worst + " mm, in "
                + where);
    }

    @Test
    void tilesAreLaidOutRowByRowInASquareGrid() throws Exception {
        Path file = TestFiles.testdata().resolve("dcm_qa_nih/In/20180918Si/mr_0003/epi_pe_ap-00001.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no " + file);
        FrameHeader frame = new SeriesScanner(ScanOptions.defaults()).scan(List.of(file)).frames().get(0);
        Mosaic mosaic = frame.mosaic();
        assertEquals(5, mosaic.numberOfSlices());
        assertEquals(3, mosaic.tilesPerRow());
        assertEquals(72, mosaic.tileRows());
        assertEquals(72, mosaic.tileColumns());
        assertEquals(72, mosaic.tileRowOffset(4));
        assertEquals(72, mosaic.tileColumnOffset(4));
        assertEquals(0, mosaic.tileRowOffset(2));
        assertEquals(144, mosaic.tileColumnOffset(2));
        // ImagePositionPatient (-324, -324, 16) is the corner of the 216 x 216 mosaic; tile 0 starts 72 pixels of 3 mm in
        assertArrayEquals(new double[] {-108, -108, 16}, mosaic.firstSlicePosition(), 1e-9);
        assertArrayEquals(new double[] {-108, -108, 16 + 4 * 12}, mosaic.slicePosition(4), 1e-9);
    }

    @Test
    void aCsaHeaderIsReadInBothLayouts() {
        byte[] sv10 = CsaBytes.header(true, Map.of("NumberOfImagesInMosaic", List.of("35"),
                "SliceNormalVector", List.of("0", "0.1", "0.99")));
        CsaHeader csa = CsaHeader.parse(sv10);
        assertEquals(35, csa.intValue("NumberOfImagesInMosaic", 0));
        assertArrayEquals(new double[] {0, 0.1, 0.99}, csa.doubles("SliceNormalVector", 3), 0);
        CsaHeader old = CsaHeader.parse(CsaBytes.header(false, Map.of("NumberOfImagesInMosaic", List.of("12"))));
        assertEquals(12, old.intValue("NumberOfImagesInMosaic", 0));
        byte[] truncated = java.util.Arrays.copyOf(sv10, sv10.length - 20);
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CsaHeader.parse(truncated));
        assertTrue(error.getMessage().startsWith("at byte "), error.getMessage());
    }

    private static double[] column(List<List<Number>> affine, int c) {
        return new double[] {affine.get(0).get(c).doubleValue(), affine.get(1).get(c).doubleValue(),
            affine.get(2).get(c).doubleValue()};
    }
}
