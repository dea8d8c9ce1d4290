package org.delineate.annotation.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.annotation.edit.Brush;
import org.delineate.dicom.Peers;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports checked by independent readers: nibabel for the label map, Python's json and csv for landmarks. */
class ExportsTest {

    @TempDir
    Path tmp;

    private static Annotation oblique() {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        VolumeGeometry g = VolumeGeometry.of(new double[] {-20.5, 13.25, 40}, new double[] {c, s, 0, -s, c, 0},
                new double[] {0.9, 0.8}, new double[] {0, 0, 2.5});
        Annotation a = new Annotation(new AnnotationGrid(40, 30, 8, g), null, "t", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Brush brush = new Brush(a.grid());
        for (int n = 0; n < 3; n++) {
            Segment seg = a.addSegment(SegmentDescription.builder().segmentLabel("s" + n).algorithmType(SegmentAlgorithmType.MANUAL)
                    .category(Code.sct("85756007", "Tissue")).type(Code.sct("85756007", "Tissue")).build(), 0, n == 2 ? a.addLayer() : 0);
            VoxelEdit e = a.edit("sphere brush", seg.id());
            brush.sphere(e, 10 + 8 * n, 15, 4, 6, true);
            e.commit();
        }
        return a;
    }

    @Test
    void theLabelMapReadsInNibabelWithTheGridsAffineAndEachSegmentsVoxels() throws Exception {
        Peers.assumePydicom();
        Annotation a = oblique();
        Path file = tmp.resolve("labels.nii.gz");
        LabelMaps.LabelMap map = LabelMaps.writeNifti(a, file);
        var result = Peers.runPython("""
                import sys, nibabel, numpy
                img = nibabel.load(sys.argv[1])
                d = numpy.asarray(img.dataobj)
                print(d.dtype, d.shape, img.header['sform_code'])
                print(' '.join(str(int((d == v).sum())) for v in (1, 2, 3)))
                print(' '.join('%.6f' % x for x in img.affine[:3].ravel()))
                """, List.of(file), 60);
        String[] lines = result.stdout().strip().split("\n");
        assertEquals("uint8 (40, 30, 8) 2", lines[0]);
        long[] expected = new long[3];
        for (int n = 0; n < 3; n++) {
            Segment s = a.segments().get(n);
            expected[n] = a.layer(s.layer()).count(s.labelValue());
        }
        long overlap = map.overlappingVoxels();
        assertEquals(expected[0] + " " + expected[1] + " " + (expected[2] - overlap), lines[1],
                "segment 3 (another layer) loses its overlap with the earlier ones");
        double[][] ras = a.grid().geometry().rasAffine();
        StringBuilder affine = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 4; col++) {
                affine.append(affine.length() == 0 ? "" : " ").append(String.format("%.6f", ras[r][col]));
            }
        }
        assertEquals(affine.toString(), lines[2]);
    }

    @Test
    void landmarksAsSlicerMarkupsAndCsv() throws Exception {
        Peers.assumeInstalled("/usr/bin/python3");
        Annotation a = oblique();
        a.addLandmark("apex, left", Code.sct("260233009", "Apex"), new double[] {1.5, -2.25, 47.5});
        a.addLandmark("base \"x\"", null, new double[] {-3, 4, 45});
        Path mrk = tmp.resolve("points.mrk.json");
        Path csv = tmp.resolve("points.csv");
        SlicerMarkups.write(a.landmarks(), mrk);
        LandmarkCsv.write(a.landmarks(), a.grid(), csv);
        var result = Peers.runPython("""
                import sys, json, csv
                m = json.load(open(sys.argv[1]))['markups'][0]
                print(m['type'], m['coordinateSystem'], [(p['label'], p['position']) for p in m['controlPoints']])
                rows = list(csv.DictReader(open(sys.argv[2], newline='')))
                print([(r['name'], r['code_meaning'], float(r['x_mm']), round(float(r['k']), 6)) for r in rows])
                """, List.of(mrk, csv), 60);
        String[] lines = result.stdout().strip().split("\n");
        assertEquals("Fiducial LPS [('apex, left', [1.5, -2.25, 47.5]), ('base \"x\"', [-3.0, 4.0, 45.0])]", lines[0]);
        assertEquals("[('apex, left', 'Apex', 1.5, 3.0), ('base \"x\"', '', -3.0, 2.0)]", lines[1]);
    }
}
