package org.delineate.annotation.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.PhantomVolumes;
import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Segment;
import org.delineate.annotation.VoxelEdit;
import org.delineate.annotation.edit.Brush;
import org.delineate.dicom.Peers;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.seg.PlacementTarget;
import org.delineate.dicom.seg.SegWriteOptions;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentationType;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An annotation saved as DICOM-SEG (checked by dciodvfy) and loaded back into a new annotation, voxel for voxel. */
class AnnotationSegTest {

    @TempDir
    Path tmp;

    private Volume phantom() throws Exception {
        CtPhantom phantom = new CtPhantom(48, 10, 6, 5, "2.25.101", "2.25.102", "2.25.103");
        return PhantomVolumes.write(phantom, tmp.resolve("ct"));
    }

    private static SegmentDescription d(String label, String code, String meaning) {
        return SegmentDescription.builder().segmentLabel(label).algorithmType(SegmentAlgorithmType.MANUAL)
                .category(Code.sct("91723000", "Anatomical Structure")).type(Code.sct(code, meaning)).build();
    }

    @Test
    void savedAsBinarySegAndLoadedBackVoxelForVoxel() throws Exception {
        Volume ct = phantom();
        Annotation a = new Annotation(AnnotationGrid.of(ct), null, "t", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Segment liver = a.addSegment(d("liver", "10200004", "Liver"), 0xDD8265, 0);
        Segment lesion = a.addSegment(d("lesion", "4147007", "Mass"), 0xFF0000, a.addLayer());
        Segment spleen = a.addSegment(d("spleen", "78961009", "Spleen"), 0x9D6C9F, 0);
        Brush brush = new Brush(a.grid());
        VoxelEdit e = a.edit("sphere brush", liver.id());
        brush.sphere(e, 30, 24, 5, 40, true);
        e.commit();
        VoxelEdit l = a.edit("sphere brush", lesion.id());
        brush.sphere(l, 32, 24, 5, 15, true);
        l.commit();
        VoxelEdit s = a.edit("brush", spleen.id());
        brush.disk(s, 8, 8, 2, 10, true);
        s.commit();
        Path seg = tmp.resolve("a.seg.dcm");
        var written = AnnotationSeg.write(a, ct, SegWriteOptions.defaults(), seg);
        assertTrue(written.numberOfFrames() > 0);
        Peers.assumeInstalled("dciodvfy");
        var check = Peers.run(List.of("dciodvfy", seg.toString()), 60);
        assertEquals(List.of(), check.all().lines().filter(x -> x.startsWith("Error")).toList(), check.all());

        Annotation b = new Annotation(AnnotationGrid.of(ct), null, "t", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        List<Segment> loaded = AnnotationSeg.read(b, PlacementTarget.of(ct), seg);
        assertEquals(List.of("liver", "lesion", "spleen"), loaded.stream().map(Segment::name).toList());
        assertEquals(2, b.layerCount(), "the overlapping lesion goes to a second layer");
        for (int n = 0; n < 3; n++) {
            Segment before = a.segments().get(n);
            Segment after = b.segments().get(n);
            assertEquals(before.description().type(), after.description().type());
            for (int k = 0; k < ct.slices(); k++) {
                for (int j = 0; j < ct.rows(); j++) {
                    for (int i = 0; i < ct.columns(); i++) {
                        assertEquals(a.layer(before.layer()).get(i, j, k) == before.labelValue(),
                                b.layer(after.layer()).get(i, j, k) == after.labelValue(), before.name() + " at " + i + "," + j + "," + k);
                    }
                }
            }
            int c0 = before.color();
            int c1 = after.color();
            for (int shift : new int[] {16, 8, 0}) {
                assertEquals(c0 >> shift & 0xFF, c1 >> shift & 0xFF, 1, "color through CIELab");
            }
        }
    }

    @Test
    void overlappingSegmentsCannotBeALabelMapAndNonDicomImagesCannotBeSources() throws Exception {
        Volume ct = phantom();
        Annotation a = new Annotation(AnnotationGrid.of(ct), null, "t", Clock.systemUTC());
        Segment one = a.addSegment(d("one", "10200004", "Liver"), 0, 0);
        Segment two = a.addSegment(d("two", "4147007", "Mass"), 0, a.addLayer());
        for (Segment s : List.of(one, two)) {
            VoxelEdit e = a.edit("brush", s.id());
            e.paint(5, 5, 5);
            e.commit();
        }
        var labelmap = SegWriteOptions.builder().type(SegmentationType.LABELMAP).build();
        var refused = assertThrows(java.io.IOException.class, () -> AnnotationSeg.write(a, ct, labelmap, tmp.resolve("x.dcm")));
        assertTrue(refused.getMessage().toLowerCase().contains("overlap"), refused.getMessage());
        assertTrue(Files.notExists(tmp.resolve("x.dcm")));
        Volume noHeader = Volume.builder().image(ct.image(), ct.sampleType(), ct.storedOffset()).geometry(ct.geometry()).build();
        var noSource = assertThrows(IllegalArgumentException.class,
                () -> AnnotationSeg.write(a, noHeader, SegWriteOptions.defaults(), tmp.resolve("y.dcm")));
        assertEquals("the volume was not read from DICOM: it has no source header", noSource.getMessage());
    }
}
